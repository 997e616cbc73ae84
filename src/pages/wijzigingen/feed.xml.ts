import type { APIRoute } from 'astro';
import { changeLogFeed } from '../../render/atom.ts';
import { getSite } from '../../site/site.ts';
import { paths } from '../../core/routes.ts';

export const GET: APIRoute = async ({ site: origin }) => {
  const site = await getSite();
  const xml = changeLogFeed(site.changeLog(), {
    site: origin!,
    path: paths.changesFeed,
    title: 'Zorginkoop Atlas: wijzigingen in het zorginkoopbeleid',
    insurerName: (slug) => site.insurer(slug).name,
    legalPublication: site.taxonomy.milestones.legalPublication,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
