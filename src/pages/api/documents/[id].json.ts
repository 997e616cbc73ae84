import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../site/site.ts';
import type { PolicyDocument } from '../../../core/schemas/document.ts';
import { renderedWhereRead } from '../../../site/rendered-only.ts';

export const getStaticPaths = (async () =>
  renderedWhereRead((await getSite()).documents, (document) => [document]).map((document) => ({
    params: { id: document.id },
    props: { document },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: PolicyDocument }> = ({ props }) =>
  new Response(JSON.stringify(props.document, null, 2), { headers: { 'Content-Type': 'application/json' } });
