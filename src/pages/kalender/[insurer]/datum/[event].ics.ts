import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../../site/site.ts';
import { renderedOnSkeletonChange } from '../../../../site/rendered-only.ts';
import { calendarMilestone, calendarMilestones, icsResponse } from '../../../../site/calendar-files.ts';

/** One file per date, for "zet in agenda" beside it on the calendar page. */
export const getStaticPaths = (async () =>
  (await renderedOnSkeletonChange(calendarMilestones)).map((milestone) => ({
    params: { insurer: milestone.insurer, event: milestone.id },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: siteUrl }) => {
  const site = await getSite();
  const milestone = (await calendarMilestone(params.event!))!;
  // Named as the insurer's own calendar file is: an agenda that offers to add a calendar names it so.
  return icsResponse([milestone], `Zorginkoop ${site.insurer(milestone.insurer).name}`, siteUrl!);
};
