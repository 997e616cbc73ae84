import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCorpus } from '../../../lib/corpus.ts';
import type { PolicyDocument } from '../../../lib/schema.ts';
import { renderedOnly } from '../../../lib/incremental.ts';

export const getStaticPaths = (() => renderedOnly(loadCorpus(), (document) => document.insurer).map((document) => ({ params: { id: document.id }, props: { document } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: PolicyDocument }> = ({ props }) =>
  new Response(JSON.stringify(props.document, null, 2), { headers: { 'Content-Type': 'application/json' } });
