import type { APIRoute } from 'astro';
import { loadCorpus, toSummary } from '../../io/corpus.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(loadCorpus().map(toSummary), null, 2), { headers: { 'Content-Type': 'application/json' } });
