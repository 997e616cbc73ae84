import type { APIRoute, GetStaticPaths } from 'astro';
import { changeLogFeed } from '../../../render/atom.ts';
import { getSite } from '../../../site/site.ts';
import { renderedOnly } from '../../../site/rendered-only.ts';
import { paths } from '../../../core/routes.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return renderedOnly(site.taxonomy.insurers, (insurer) => insurer.slug)
    .filter((insurer) => site.documentsOf(insurer.slug).length > 0)
    .map((insurer) => ({ params: { insurer: insurer.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: origin }) => {
  const site = await getSite();
  const insurer = site.insurer(params.insurer!);
  const xml = changeLogFeed(
    site.changeLog().filter((entry) => entry.document.insurer === insurer.slug),
    {
      site: origin!,
      path: paths.insurerChangesFeed(insurer.slug),
      title: `Zorginkoop Atlas: wijzigingen bij ${insurer.name}`,
      insurerName: (slug) => site.insurer(slug).name,
      legalPublication: site.taxonomy.milestones.legalPublication,
    },
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
