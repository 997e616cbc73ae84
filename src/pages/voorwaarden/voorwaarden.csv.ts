import type { APIRoute } from 'astro';
import { requirementsToCsv } from '../../render/requirements-csv.ts';
import { getSite } from '../../site/site.ts';
import { paths } from '../../core/routes.ts';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await getSite();
  const matrix = site.requirements();
  const typeLabel = (slug: string) => site.taxonomy.requirements.types.find((type) => type.slug === slug)!.label;
  const csv = requirementsToCsv(matrix.items, {
    insurer: (slug) => site.insurer(slug).name,
    careType: (slug) => site.careType(slug).name,
    type: typeLabel,
    sectionUrl: (documentId, sectionId) => new URL(paths.section(documentId, sectionId), siteUrl).href,
  });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
