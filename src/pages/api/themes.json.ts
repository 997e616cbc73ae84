import type { APIRoute } from 'astro';
import { getSite } from '../../site/site.ts';
import { paths } from '../../core/routes.ts';
import type { ThemeEntry } from '../../core/schemas/contract.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const themes = site.taxonomy.themes.map(
    ({ slug, label, description }): ThemeEntry => ({
      slug,
      label,
      description,
      url: paths.theme(slug),
      sections: site
        .sectionsOnTheme(slug)
        .map(({ document, section }) => ({ document: document.id, section: section.id })),
    }),
  );
  return new Response(JSON.stringify(themes, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
