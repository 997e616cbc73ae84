/** Static paths shared by the inline and side-by-side routes of the change pages. */
import { comparisonOf, rangeSlug, versionPairs } from './history.ts';
import { compareDocuments, type Comparison } from './compare.ts';
import { getSite } from './site.ts';

export async function versionComparisonPaths() {
  const site = await getSite();
  return versionPairs(site.documents).map(([from, to]) => ({
    params: { insurer: to.insurer, careType: to.careType, range: rangeSlug(from, to) },
    props: { fromId: from.id, toId: to.id },
  }));
}

export async function versionComparison(props: { fromId: string; toId: string }): Promise<Comparison> {
  const site = await getSite();
  const byId = (id: string) => site.documents.find((document) => document.id === id)!;
  const [from, to] = [byId(props.fromId), byId(props.toId)];
  // Consecutive versions are also on the change log, the feeds and the history: kept for them.
  // A pair years apart is on its two pages only; keeping every such pair of a large corpus in
  // memory for the whole build costs more than computing it twice.
  const between = site.documents.some((other) => other.insurer === to.insurer && other.careType === to.careType && other.year > from.year && other.year < to.year);
  return between ? compareDocuments(from, to) : comparisonOf(from, to);
}

/** Insurers with at least two policies have a history. */
export async function historyPaths() {
  const site = await getSite();
  return site.taxonomy.insurers.filter((insurer) => site.documentsOf(insurer.slug).length >= 2).map((insurer) => ({ params: { insurer: insurer.slug } }));
}

/** … and a history per theme their policies speak of. */
export async function historyThemePaths() {
  const site = await getSite();
  return (await historyPaths()).flatMap(({ params }) =>
    site.taxonomy.themes
      .filter((theme) => site.documentsOf(params.insurer).some((document) => document.sections.some((section) => section.themes.includes(theme.slug))))
      .map((theme) => ({ params: { insurer: params.insurer, theme: theme.slug } })),
  );
}
