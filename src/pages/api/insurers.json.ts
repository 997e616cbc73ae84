import type { APIRoute } from 'astro';
import { getSite } from '../../site/site.ts';
import { paths } from '../../core/routes.ts';
import type { InsurerEntry } from '../../core/schemas/contract.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const insurers = site.taxonomy.insurers.map(
    (insurer): InsurerEntry => ({
      ...insurer,
      url: paths.insurer(insurer.slug),
      documents: site.documentsOf(insurer.slug).map((document) => document.id),
    }),
  );
  return new Response(JSON.stringify(insurers, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
