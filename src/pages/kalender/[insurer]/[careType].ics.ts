import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../site/site.ts';
import { renderedOnSkeletonChange } from '../../../site/rendered-only.ts';
import { calendarMilestones, icsResponse } from '../../../site/calendar-files.ts';

/** Every insurer and care type it has dates for. */
export const getStaticPaths = (async () =>
  (
    await renderedOnSkeletonChange(async () => {
      const pairs = new Map<string, { insurer: string; careType: string }>();
      for (const { insurer, careTypes } of await calendarMilestones())
        for (const careType of careTypes) pairs.set(`${insurer}/${careType}`, { insurer, careType });
      return [...pairs.values()];
    })
  ).map((params) => ({ params }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: siteUrl }) => {
  const site = await getSite();
  const { insurer, careType } = params as { insurer: string; careType: string };
  const milestones = (await calendarMilestones()).filter(
    (milestone) => milestone.insurer === insurer && milestone.careTypes.includes(careType),
  );
  return icsResponse(milestones, `Zorginkoop ${site.insurer(insurer).name}: ${site.careType(careType).name}`, siteUrl!);
};
