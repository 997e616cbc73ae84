import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../site/site.ts';
import { renderedOnly } from '../../site/rendered-only.ts';
import { calendarMilestones, icsResponse } from '../../site/calendar-files.ts';

export const getStaticPaths = (async () => {
  const insurers = new Set((await calendarMilestones()).map((milestone) => milestone.insurer));
  // One insurer's calendar holds only its own milestones: after a text change it is made again only
  // for the insurers concerned.
  return [
    { params: { file: 'alle' } },
    ...renderedOnly([...insurers], (insurer) => insurer).map((insurer) => ({ params: { file: insurer } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: siteUrl }) => {
  const site = await getSite();
  const all = await calendarMilestones();
  const insurer = params.file === 'alle' ? null : params.file!;
  const milestones = insurer ? all.filter((milestone) => milestone.insurer === insurer) : all;
  const name = insurer ? `Zorginkoop ${site.insurer(insurer).name}` : 'Zorginkoop: alle verzekeraars';
  return icsResponse(milestones, name, siteUrl!);
};
