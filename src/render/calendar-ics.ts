/** The procurement calendar as iCalendar (RFC 5545) through the `ics` package: all-day events. */
import { createEvents, type EventAttributes } from 'ics';
import { formatDayMonth, type Milestone, OTHER_KIND } from '../analysis/calendar.ts';
import { paths } from '../core/routes.ts';

export interface IcsOptions {
  /** Absolute URL of the site, for each event's link back to the policy. */
  siteUrl: string;
  calendarName: string;
  insurerName: (slug: string) => string;
  careTypeName: (slug: string) => string;
  /**
   * DTSTAMP of an event: from the source data (its policy's publication date), not the clock, so
   * that two builds of the same sources write the same calendar, byte for byte.
   */
  stamp: (milestone: Milestone) => Date;
  /** A milestone's VEVENT made before (by eventTexts, with the same options), if it was: not made again. */
  madeBefore?: (milestone: Milestone) => string | undefined;
}

/**
 * Each milestone's VEVENT, made (and checked: the `ics` package validates every event, about half
 * a millisecond each) once per build, then reused by every file that lists it: all insurers' and
 * each insurer's own. Keyed by milestone (buildCalendar hands out the same objects) and site URL
 * (the one option an event's text depends on besides the taxonomy's names).
 */
const madeEvents = new Map<string, WeakMap<Milestone, string>>();

/** The calendar without events, per name: made (and checked) once for the many files of one name. */
const emptyCalendars = new Map<string, string>();

export function calendarToIcs(milestones: Milestone[], options: IcsOptions): string {
  const header = { productId: 'zorginkoopatlas/kalender', calName: options.calendarName };
  let eventText = madeEvents.get(options.siteUrl);
  if (!eventText) madeEvents.set(options.siteUrl, (eventText = new WeakMap()));
  const missing: Milestone[] = [];
  for (const milestone of milestones) {
    if (eventText.has(milestone)) continue;
    const before = options.madeBefore?.(milestone);
    if (before === undefined) missing.push(milestone);
    else eventText.set(milestone, before);
  }
  if (missing.length > 0) {
    const blocks = eventTexts(missing, options);
    for (const [index, milestone] of missing.entries()) eventText.set(milestone, blocks[index]!);
  }
  const events = milestones.map((milestone) => eventText!.get(milestone)!);
  // The package's own calendar without events, with the events put in before its last line.
  let empty = emptyCalendars.get(options.calendarName);
  if (empty === undefined) emptyCalendars.set(options.calendarName, (empty = created([], header)));
  const end = empty.lastIndexOf('END:VCALENDAR');
  return `${empty.slice(0, end)}${events.join('')}${empty.slice(end)}`;
}

/** Each milestone's VEVENT (with its line ending), in order. */
export function eventTexts(milestones: Milestone[], options: IcsOptions): string[] {
  if (milestones.length === 0) return [];
  const blocks = vevents(
    created(
      milestones.map((milestone) => toEvent(milestone, options)),
      { productId: 'zorginkoopatlas/kalender', calName: options.calendarName },
    ),
  );
  if (blocks.length !== milestones.length)
    throw new Error(`The ics package wrote ${blocks.length} events for ${milestones.length} milestones`);
  return blocks;
}

function created(events: EventAttributes[], header: { productId: string; calName: string }): string {
  const { error, value } = createEvents(events, header);
  if (error || value === null)
    throw new Error(`Could not write the calendar "${header.calName}": ${error?.message ?? 'no output'}`);
  return value;
}

/** The VEVENT blocks of a calendar in order, each with its line ending. */
function vevents(calendar: string): string[] {
  const blocks: string[] = [];
  for (
    let start = calendar.indexOf('BEGIN:VEVENT');
    start !== -1;
    start = calendar.indexOf('BEGIN:VEVENT', start + 1)
  ) {
    const end = calendar.indexOf('END:VEVENT', start);
    blocks.push(calendar.slice(start, calendar.indexOf('\n', end) + 1));
  }
  return blocks;
}

/**
 * "Caresq, Ziekenvervoer 2025: ondertekening zorgovereenkomst": who, for which contract, and what,
 * so an agenda with several insurers' dates reads without opening the event. A date of no known
 * kind says what the policy says of it.
 */
export function eventTitle(milestone: Milestone, names: Pick<IcsOptions, 'insurerName' | 'careTypeName'>): string {
  const what = milestone.kind === OTHER_KIND ? shortened(milestone.title) : milestone.kindLabel.toLowerCase();
  const careTypes = milestone.careTypes.map(names.careTypeName).join(', ');
  const at = milestone.time ? ` (${milestone.time} uur)` : '';
  return `${names.insurerName(milestone.insurer)}, ${careTypes} ${milestone.year}: ${what}${at}`;
}

/** A policy's phrase as a title: its first words, up to about 60 characters. */
function shortened(text: string, max = 60): string {
  const clean = text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[.:;,]$/u, '');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

/**
 * When the event is: a day (all-day, ending the next day), a span of days (to the day after its
 * last), or, with a time of day, the half hour up to that time, in local time (floating: the
 * policies' own time, read in the reader's zone).
 */
type Moment = EventAttributes['start'];
interface EventTimes {
  start: Moment;
  end: Moment;
  startInputType?: 'local';
  startOutputType?: 'local';
  endInputType?: 'local';
  endOutputType?: 'local';
}

function eventTimes(milestone: Milestone): EventTimes {
  const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
  const dayAfter = (date: string): [number, number, number] => {
    const [year, month, day] = parts(date);
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
  };
  if (milestone.time) {
    const [hour, minute] = milestone.time.split(':').map(Number) as [number, number];
    const [year, month, day] = parts(milestone.date);
    const end = new Date(Date.UTC(year, month - 1, day, hour, minute));
    const start = new Date(end.getTime() - 30 * 60_000);
    const local = (moment: Date): [number, number, number, number, number] => [
      moment.getUTCFullYear(),
      moment.getUTCMonth() + 1,
      moment.getUTCDate(),
      moment.getUTCHours(),
      moment.getUTCMinutes(),
    ];
    const floating = {
      startInputType: 'local',
      startOutputType: 'local',
      endInputType: 'local',
      endOutputType: 'local',
    } as const;
    return { start: local(start), end: local(end), ...floating };
  }
  return { start: parts(milestone.date), end: dayAfter(milestone.until ?? milestone.date) };
}

/** From 09:00 seven days before an all-day event to its start. */
const REMINDER_HOURS = 7 * 24 - 9;

function toEvent(milestone: Milestone, options: IcsOptions): EventAttributes & { timestamp: number } {
  const [, month, day] = milestone.date.split('-').map(Number) as [number, number, number];
  const when = eventTimes(milestone);
  const url = new URL(
    milestone.mentions[0]?.section
      ? paths.section(milestone.document.id, milestone.mentions[0].section)
      : paths.policy(milestone.document.id),
    options.siteUrl,
  ).href;
  const where = milestone.mentions.map((mention) => `“${mention.phrase}” (regel ${mention.line})`);
  const description = [
    `${milestone.kindLabel} — ${options.insurerName(milestone.insurer)}, ` +
      `${milestone.careTypes.map(options.careTypeName).join(', ')}, contractjaar ${milestone.year}.`,
    milestone.legal
      ? `Wettelijke plicht: het zorginkoopbeleid staat uiterlijk ${formatDayMonth(month, day)} van het jaar ervoor ` +
        `online.`
      : `Bron: ${milestone.document.title}, ${where.join('; ')}.`,
    url,
  ].join('\n');
  const title = eventTitle(milestone, options);
  return {
    uid: `${milestone.id}@zorginkoopatlas`,
    ...when,
    title,
    description,
    // A week's notice (at 09:00 for a day, the same hour for a time): a deadline seen on the day is
    // too late. In hours: the ics package writes "P1WT" for a week, which RFC 5545 does not allow.
    alarms: [
      {
        action: 'display',
        description: title,
        trigger: { hours: milestone.time ? 7 * 24 : REMINDER_HOURS, before: true },
      },
    ],
    url,
    categories: [milestone.kindLabel, options.insurerName(milestone.insurer)],
    transp: 'TRANSPARENT',
    timestamp: options.stamp(milestone).getTime(),
  };
}
