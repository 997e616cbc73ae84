import type { APIRoute } from 'astro';
import { currentDocuments, requirementMatrix } from '../../lib/requirements.ts';
import { requirementsToCsv } from '../../lib/requirements-csv.ts';
import { getSite, paths } from '../../lib/site.ts';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await getSite();
  const matrix = requirementMatrix(currentDocuments(site.documents), site.taxonomy);
  const typeLabel = (slug: string) => site.taxonomy.requirements.types.find((type) => type.slug === slug)!.label;
  const csv = requirementsToCsv(matrix.items, {
    insurer: (slug) => site.insurer(slug).name,
    careType: (slug) => site.careType(slug).name,
    type: typeLabel,
    sectionUrl: (documentId, sectionId) => new URL(paths.section(documentId, sectionId), siteUrl).href,
  });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
