/** The calendar's .ics files: each route that writes one (all, per insurer, care type or date) asks here. */
import { buildCalendar, type Milestone } from '../analysis/calendar.ts';
import { publicationDate } from '../analysis/changelog.ts';
import type { PolicyDocument } from '../core/schemas/document.ts';
import type { Taxonomy } from '../core/schemas/taxonomy.ts';
import { keptBetweenBuilds } from '../io/build-cache.ts';
import { contentHashOf } from '../io/corpus.ts';
import { calendarToIcs, eventTexts, type IcsOptions } from '../render/calendar-ics.ts';
import { bySlug, getSite } from './site.ts';

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

/** How an event is written: names from the taxonomy, stamped with its policy's publication date. */
export function calendarOptions(taxonomy: Taxonomy, siteUrl: string, calendarName: string): IcsOptions {
  const insurer = bySlug(taxonomy.insurers, 'insurer');
  const careType = bySlug(taxonomy.careTypes, 'care type');
  return {
    siteUrl,
    calendarName,
    insurerName: (slug) => insurer(slug).name,
    careTypeName: (slug) => careType(slug).name,
    stamp: (milestone) => publicationDate(milestone.document, taxonomy.milestones.legalPublication),
  };
}

/**
 * One insurer's events as iCalendar text, by milestone id, kept between builds by its policies'
 * content and the site's address: the build may have another process make them ahead of the
 * calendar's files (made-ahead.ts). `documents` and `milestones` are all of the insurer's.
 */
export function keptEventTexts(
  documents: PolicyDocument[],
  milestones: Milestone[],
  options: IcsOptions,
): Record<string, string> {
  return keptBetweenBuilds('ics-events', [options.siteUrl, ...documents.map(contentHashOf)], () => {
    const texts = eventTexts(milestones, options);
    return Object.fromEntries(milestones.map((milestone, index) => [milestone.id, texts[index]!]));
  });
}

/** Per site address, each insurer's kept events, read when its first event is written. */
const keptEvents = new Map<string, Map<string, Record<string, string>>>();

export async function icsResponse(milestones: Milestone[], calendarName: string, siteUrl: URL): Promise<Response> {
  const site = await getSite();
  const options = calendarOptions(site.taxonomy, siteUrl.href, calendarName);
  let byInsurer = keptEvents.get(siteUrl.href);
  if (!byInsurer) keptEvents.set(siteUrl.href, (byInsurer = new Map()));
  const all = await calendarMilestones();
  const eventsOf = (insurer: string) => {
    let kept = byInsurer!.get(insurer);
    if (!kept) {
      const documents = site.documents.filter((document) => document.insurer === insurer);
      const own = all.filter((milestone) => milestone.insurer === insurer);
      byInsurer!.set(insurer, (kept = keptEventTexts(documents, own, options)));
    }
    return kept;
  };
  const ics = calendarToIcs(milestones, {
    ...options,
    madeBefore: (milestone) => eventsOf(milestone.insurer)[milestone.id],
  });
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
