/** Static paths shared by routes: the version diffs, the histories, a comparison and its CSV. */
import { consecutiveVersionPairs, hasHistory } from '../analysis/history.ts';
import { rangeSlug } from '../core/routes.ts';
import type { Comparison } from '../analysis/compare.ts';
import { choosePolicies, type ComparisonView, comparisonViews } from '../analysis/policy-choice.ts';
import { getSite } from './site.ts';
import { renderedOnly, renderedWhereRead } from './rendered-only.ts';
import { themeSeries } from './theme-series.ts';

/**
 * A page per pair of consecutive versions. Any other pair is compared in the browser, on the
 * insurer's history page: a page per pair would grow with the square of the years.
 */
export async function versionComparisonPaths() {
  const site = await getSite();
  return renderedWhereRead(consecutiveVersionPairs(site.documents), (pair) => pair).map(([from, to]) => ({
    params: { insurer: to.insurer, careType: to.careType, range: rangeSlug(from, to) },
    props: { fromId: from.id, toId: to.id },
  }));
}

export async function versionComparison(props: { fromId: string; toId: string }): Promise<Comparison> {
  const site = await getSite();
  const byId = (id: string) => site.documents.find((document) => document.id === id)!;
  const [from, to] = [byId(props.fromId), byId(props.toId)];
  // Made once for the build: a pair is on its page and also on the change log, the feeds and the history.
  return site.comparisons.of(from, to);
}

/** Insurers with a history (history.ts hasHistory: two policies or more). */
export async function historyPaths() {
  const site = await getSite();
  return renderedOnly(site.taxonomy.insurers, (insurer) => insurer.slug)
    .filter((insurer) => hasHistory(site.documents, insurer.slug))
    .map((insurer) => ({ params: { insurer: insurer.slug } }));
}

/** … and a history per theme their policies speak of. */
export async function historyThemePaths() {
  const site = await getSite();
  return (await historyPaths()).flatMap(({ params }) =>
    site.taxonomy.themes
      .filter((theme) =>
        site
          .documentsOf(params.insurer)
          .some((document) => document.sections.some((section) => section.themes.includes(theme.slug))),
      )
      .map((theme) => ({ params: { insurer: params.insurer, theme: theme.slug } })),
  );
}

/**
 * Every theme for every care type and year some insurer has a policy of. After a text change,
 * only the care types and years whose comparison reads a changed policy: the policies it
 * chooses (policy-choice.ts), an insurer's general policy only where it has none of the care type.
 */
export async function comparisonViewPaths() {
  const site = await getSite();
  const read = (view: ComparisonView) =>
    choosePolicies(site.documents, site.taxonomy, view).flatMap((choice) => choice.documents);
  const views = renderedWhereRead(comparisonViews(site.documents, site.taxonomy), read);
  return site.taxonomy.themes.flatMap((theme) =>
    views.map((view) => ({ params: { theme: theme.slug, careType: view.careType, year: String(view.year) } })),
  );
}

/**
 * The theme pages. Each shows, per insurer and care type, the text of the newest policy's
 * sections on the theme (earlier years only as counts): after a text change, only the themes
 * whose page shows a changed policy's text.
 */
export async function themePaths() {
  const site = await getSite();
  const shown = (theme: string) =>
    themeSeries(site.sectionsOnTheme(theme)).map((series) => series.years[0]![0]!.document);
  return renderedWhereRead(site.taxonomy.themes, (theme) => shown(theme.slug)).map((theme) => ({
    params: { theme: theme.slug },
  }));
}
