import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../../site/site.ts';
import { renderedOnSkeletonChange } from '../../../../site/rendered-only.ts';
import { calendarMilestone, calendarMilestones, icsResponse } from '../../../../site/calendar-files.ts';
import { eventTitle } from '../../../../render/calendar-ics.ts';

/** One file per date, for "zet in agenda" beside it on the calendar page. */
export const getStaticPaths = (async () =>
  (await renderedOnSkeletonChange(calendarMilestones)).map((milestone) => ({
    params: { insurer: milestone.insurer, event: milestone.id },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: siteUrl }) => {
  const site = await getSite();
  const milestone = (await calendarMilestone(params.event!))!;
  const names = {
    insurerName: (slug: string) => site.insurer(slug).name,
    careTypeName: (slug: string) => site.careType(slug).name,
  };
  return icsResponse([milestone], eventTitle(milestone, names), siteUrl!);
};
