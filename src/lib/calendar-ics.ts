/** The procurement calendar as iCalendar (RFC 5545) through the `ics` package: all-day events. */
import { createEvents, type EventAttributes } from 'ics';
import type { Milestone } from './calendar.ts';

export interface IcsOptions {
  /** Absolute URL of the site, for each event's link back to the policy. */
  siteUrl: string;
  calendarName: string;
  insurerName: (slug: string) => string;
  careTypeName: (slug: string) => string;
  /** DTSTAMP of every event: when this calendar was made. */
  stamp: Date;
}

export function calendarToIcs(milestones: Milestone[], options: IcsOptions): string {
  const events = milestones.map((milestone): EventAttributes & { timestamp: number } => {
    const [year, month, day] = milestone.date.split('-').map(Number) as [number, number, number];
    // An all-day event ends (exclusive) the next day.
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    const url = new URL(milestone.mentions[0]?.section ? `/beleid/${milestone.document.id}/#${milestone.mentions[0].section}` : `/beleid/${milestone.document.id}/`, options.siteUrl).href;
    const where = milestone.mentions.map((mention) => `“${mention.phrase}” (regel ${mention.line})`);
    const description = [
      `${milestone.kindLabel} — ${options.insurerName(milestone.insurer)}, ${milestone.careTypes.map(options.careTypeName).join(', ')}, contractjaar ${milestone.year}.`,
      milestone.legal ? 'Wettelijke plicht: het zorginkoopbeleid staat uiterlijk 1 april van het jaar ervoor online.' : `Bron: ${milestone.document.title}, ${where.join('; ')}.`,
      url,
    ].join('\n');
    return {
      uid: `${milestone.id}@zorginkoopatlas`,
      start: [year, month, day],
      end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()],
      title: `${options.insurerName(milestone.insurer)}: ${milestone.kindLabel.toLowerCase()} (${milestone.year})`,
      description,
      url,
      categories: [milestone.kindLabel, options.insurerName(milestone.insurer)],
      transp: 'TRANSPARENT',
      timestamp: options.stamp.getTime(),
    };
  });
  const { error, value } = createEvents(events, { productId: 'zorginkoopatlas/kalender', calName: options.calendarName });
  if (error || value === null) throw new Error(`Could not write the calendar "${options.calendarName}": ${error?.message ?? 'no output'}`);
  return value;
}
