import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCorpus } from '../../../lib/corpus.ts';
import type { PolicyDocument } from '../../../lib/schema.ts';

export const getStaticPaths = (() => loadCorpus().map((document) => ({ params: { id: document.id }, props: { document } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: PolicyDocument }> = ({ props }) =>
  new Response(JSON.stringify(props.document, null, 2), { headers: { 'Content-Type': 'application/json' } });
