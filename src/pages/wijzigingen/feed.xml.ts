import type { APIRoute } from 'astro';
import { changeLogFeed } from '../../lib/atom.ts';
import { buildChangeLog } from '../../lib/changelog.ts';
import { getSite } from '../../lib/site.ts';

export const GET: APIRoute = async ({ site: origin }) => {
  const site = await getSite();
  const xml = changeLogFeed(buildChangeLog(site.documents), {
    site: origin!,
    path: '/wijzigingen/feed.xml',
    title: 'Zorginkoop Atlas: wijzigingen in het zorginkoopbeleid',
    insurerName: (slug) => site.insurer(slug).name,
    legalPublication: site.taxonomy.milestones.legalPublication,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
