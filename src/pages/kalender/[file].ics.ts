import type { APIRoute, GetStaticPaths } from 'astro';
import { buildCalendar } from '../../analysis/calendar.ts';
import { calendarToIcs } from '../../render/calendar-ics.ts';
import { getSite } from '../../site/site.ts';
import { publicationDate } from '../../analysis/changelog.ts';
import { renderedOnly } from '../../site/rendered-only.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  const insurers = new Set(
    buildCalendar(site.documents, site.taxonomy.milestones).map((milestone) => milestone.insurer),
  );
  // One insurer's calendar holds only its own milestones: after a text change it is made again only
  // for the insurers concerned.
  return [
    { params: { file: 'alle' } },
    ...renderedOnly([...insurers], (insurer) => insurer).map((insurer) => ({ params: { file: insurer } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: siteUrl }) => {
  const site = await getSite();
  const all = buildCalendar(site.documents, site.taxonomy.milestones);
  const insurer = params.file === 'alle' ? null : params.file!;
  const milestones = insurer ? all.filter((milestone) => milestone.insurer === insurer) : all;
  const ics = calendarToIcs(milestones, {
    siteUrl: siteUrl!.href,
    calendarName: insurer ? `Zorginkoop ${site.insurer(insurer).name}` : 'Zorginkoop: alle verzekeraars',
    insurerName: (slug) => site.insurer(slug).name,
    careTypeName: (slug) => site.careType(slug).name,
    stamp: (milestone) => publicationDate(milestone.document, site.taxonomy.milestones.legalPublication),
  });
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
