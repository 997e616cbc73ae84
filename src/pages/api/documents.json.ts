import type { APIRoute } from 'astro';
import { toSummary } from '../../core/documents.ts';
import { getSite } from '../../site/site.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await getSite()).documents.map(toSummary), null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
