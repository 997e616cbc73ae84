import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../site/site.ts';
import { renderedOnSkeletonChange } from '../../site/rendered-only.ts';
import { calendarMilestones, icsResponse } from '../../site/calendar-files.ts';

export const getStaticPaths = (async () =>
  (
    await renderedOnSkeletonChange(async () => [
      'alle',
      ...new Set((await calendarMilestones()).map((milestone) => milestone.insurer)),
    ])
  ).map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: siteUrl }) => {
  const site = await getSite();
  const all = await calendarMilestones();
  const insurer = params.file === 'alle' ? null : params.file!;
  const milestones = insurer ? all.filter((milestone) => milestone.insurer === insurer) : all;
  const name = insurer ? `Zorginkoop ${site.insurer(insurer).name}` : 'Zorginkoop: alle verzekeraars';
  return icsResponse(milestones, name, siteUrl!);
};
