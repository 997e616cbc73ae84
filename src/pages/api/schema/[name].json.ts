import type { APIRoute, GetStaticPaths } from 'astro';
import { paths } from '../../../core/routes.ts';
import { CONTRACT, type ContractName, contractJsonSchema } from '../../../core/schemas/contract.ts';

export const getStaticPaths = (() =>
  Object.keys(CONTRACT).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const name = params.name as ContractName;
  return new Response(`${JSON.stringify(contractJsonSchema(name, paths.schema(name)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
};
