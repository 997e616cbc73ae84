/** The calendar's .ics files: each route that writes one (all, per insurer, care type or date) asks here. */
import { buildCalendar, type Milestone } from '../analysis/calendar.ts';
import { publicationDate } from '../analysis/changelog.ts';
import { calendarToIcs } from '../render/calendar-ics.ts';
import { getSite } from './site.ts';

export async function calendarMilestones(): Promise<Milestone[]> {
  const site = await getSite();
  return buildCalendar(site.documents, site.taxonomy.milestones);
}

const byId = new WeakMap<Milestone[], Map<string, Milestone>>();

/** One milestone by its id (one lookup per date's own file: a map, not a search of thousands). */
export async function calendarMilestone(id: string): Promise<Milestone | undefined> {
  const milestones = await calendarMilestones();
  let index = byId.get(milestones);
  if (!index) byId.set(milestones, (index = new Map(milestones.map((milestone) => [milestone.id, milestone]))));
  return index.get(id);
}

export async function icsResponse(milestones: Milestone[], calendarName: string, siteUrl: URL): Promise<Response> {
  const site = await getSite();
  const ics = calendarToIcs(milestones, {
    siteUrl: siteUrl.href,
    calendarName,
    insurerName: (slug) => site.insurer(slug).name,
    careTypeName: (slug) => site.careType(slug).name,
    stamp: (milestone) => publicationDate(milestone.document, site.taxonomy.milestones.legalPublication),
  });
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
