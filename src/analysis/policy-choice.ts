/**
 * Like with like: which policy of each insurer a comparison reads, for one care type and one
 * contract year. An insurer without a policy of that care type is read from its general policy of
 * the year (the care type the taxonomy marks `fallback`), and says so; an insurer with neither has
 * no policy in the comparison, which is not the same as a policy that says nothing.
 */
import type { PolicyDocument } from '../core/schemas/document.ts';
import type { Taxonomy } from '../core/schemas/taxonomy.ts';
import { oncePer, oncePerPair } from '../core/memo.ts';

/** A care type and contract year: what a comparison holds constant across insurers. */
export interface ComparisonView {
  careType: string;
  year: number;
}

export type PolicyChoice =
  /** The insurer's own policy (or policies) of the care type and year. */
  | { insurer: string; state: 'own'; documents: PolicyDocument[] }
  /** No policy of the care type, so the insurer's general policy of the year. */
  | { insurer: string; state: 'fallback'; documents: PolicyDocument[] }
  /** Neither: nothing of this insurer can be compared (no documents). */
  | { insurer: string; state: 'none'; documents: PolicyDocument[] };

/** The care type read when an insurer has no policy of the chosen one (null: none is marked). */
export function fallbackCareType(taxonomy: Taxonomy): string | null {
  return taxonomy.careTypes.find((careType) => careType.fallback)?.slug ?? null;
}

/** Insurers with at least one policy in the corpus, in the taxonomy's order: the comparison's columns. */
export function insurersWithPolicies(documents: PolicyDocument[], taxonomy: Taxonomy): string[] {
  const present = new Set(documents.map((document) => document.insurer));
  return taxonomy.insurers.map((insurer) => insurer.slug).filter((slug) => present.has(slug));
}

export function choosePolicies(
  documents: PolicyDocument[],
  taxonomy: Taxonomy,
  view: ComparisonView,
  insurers: string[] = insurersWithPolicies(documents, taxonomy),
): PolicyChoice[] {
  const fallback = fallbackCareType(taxonomy);
  const index = policyIndex(documents);
  const of = (insurer: string, careType: string | null) => [
    ...(index.get(policyKey(insurer, careType, view.year)) ?? []),
  ];
  return insurers.map((insurer): PolicyChoice => {
    const own = of(insurer, view.careType);
    if (own.length > 0) return { insurer, state: 'own', documents: own };
    const general = view.careType === fallback ? [] : of(insurer, fallback);
    if (general.length > 0) return { insurer, state: 'fallback', documents: general };
    return { insurer, state: 'none', documents: [] };
  });
}

const policyKey = (insurer: string, careType: string | null, year: number) => `${insurer}/${careType}/${year}`;

/**
 * The policies by insurer, care type and year, in corpus order, made once per corpus: each of the
 * thousands of comparison pages and files chooses its columns from them.
 */
const policyIndex = oncePer((documents: PolicyDocument[]): Map<string, PolicyDocument[]> => {
  const index = new Map<string, PolicyDocument[]>();
  for (const document of documents) {
    const key = policyKey(document.insurer, document.careType, document.year);
    const list = index.get(key);
    if (list) list.push(document);
    else index.set(key, [document]);
  }
  return index;
});

/**
 * Every care type and year some insurer has a policy of: the comparisons there are. Newest year
 * first, care types in the taxonomy's order. Made once per corpus and taxonomy (every comparison
 * page lists the views) and shared between callers: treat it as read-only.
 */
export const comparisonViews: (documents: PolicyDocument[], taxonomy: Taxonomy) => readonly ComparisonView[] =
  oncePerPair(viewsOf);

function viewsOf(documents: PolicyDocument[], taxonomy: Taxonomy): ComparisonView[] {
  const order = new Map(taxonomy.careTypes.map((careType, index) => [careType.slug, index]));
  const seen = new Map<string, ComparisonView>();
  for (const { careType, year } of documents) seen.set(`${careType}/${year}`, { careType, year });
  return [...seen.values()].sort(
    (a, b) => b.year - a.year || (order.get(a.careType) ?? 0) - (order.get(b.careType) ?? 0),
  );
}

/**
 * The comparison a page opens on: the one that can compare the most insurers (own policy or
 * general one), then the most with their own policy, then the newest year.
 */
export function defaultView(documents: PolicyDocument[], taxonomy: Taxonomy): ComparisonView | null {
  let best: { view: ComparisonView; compared: number; own: number } | null = null;
  for (const view of comparisonViews(documents, taxonomy)) {
    const choices = choosePolicies(documents, taxonomy, view);
    const compared = choices.filter((choice) => choice.state !== 'none').length;
    const own = choices.filter((choice) => choice.state === 'own').length;
    if (!best || compared > best.compared || (compared === best.compared && own > best.own))
      best = { view, compared, own };
  }
  return best?.view ?? null;
}

/** The years there is a comparison of the care type, newest first. */
export function yearsOfCareType(views: readonly ComparisonView[], careType: string): number[] {
  return views.filter((view) => view.careType === careType).map((view) => view.year);
}

/** The view of another care type nearest to this one: the same year if there is one, else its newest. */
export function viewOfCareType(
  views: readonly ComparisonView[],
  careType: string,
  year: number,
): ComparisonView | null {
  const ofCareType = views.filter((view) => view.careType === careType);
  return ofCareType.find((view) => view.year === year) ?? ofCareType[0] ?? null;
}
