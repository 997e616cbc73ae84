import type { APIRoute } from 'astro';
import { comparisonViewPaths } from '../../../../../site/static-paths.ts';
import { compareOnTheme } from '../../../../../analysis/theme-comparison.ts';
import { comparisonToCsv } from '../../../../../render/comparison-csv.ts';
import { getSite } from '../../../../../site/site.ts';
import { paths } from '../../../../../core/routes.ts';

export const getStaticPaths = comparisonViewPaths;

export const GET: APIRoute = async ({ params, site: siteUrl }) => {
  const site = await getSite();
  const view = { careType: params.careType!, year: Number(params.year) };
  const comparison = compareOnTheme(site.documents, site.taxonomy, params.theme!, view);
  const csv = comparisonToCsv(comparison, {
    insurer: (slug) => site.insurer(slug).name,
    careType: (slug) => site.careType(slug).name,
    sectionUrl: (documentId, sectionId) => new URL(paths.section(documentId, sectionId), siteUrl).href,
  });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
