/**
 * Which policies are compared with which: versions of one policy (same insurer and care type,
 * any two contract years) and, per insurer, each policy with the one before it whatever the care
 * type (shared chapters recur). Comparisons are computed once per build.
 */
import { WordIndex } from './align.ts';
import { compareDocuments, type Comparison } from './compare.ts';
import { decodeComparison, type EncodedComparison, encodeComparison } from './comparison-codec.ts';
import type { Keep } from '../core/keep.ts';
import type { PolicyDocument } from '../core/schemas/document.ts';
import { type KeepLocations, locateStatedChanges, type StatedChangeLocation } from './stated-changes.ts';

/**
 * The comparisons of one corpus, each computed once, by the documents compared. The site makes
 * one per build and hands it to whatever compares; a page is then as cheap as a lookup.
 */
export class Comparisons {
  private readonly byPair = new WeakMap<PolicyDocument, WeakMap<PolicyDocument, Comparison>>();
  private readonly words = new WordIndex();

  /**
   * `keepLocations`: how the build keeps where stated changes point between builds
   * (stated-changes.ts); `keepComparisons`: how it keeps whole comparisons, which another process
   * may have made ahead of the pages that show them (src/site/made-ahead.ts).
   */
  constructor(
    private readonly keepLocations?: KeepLocations,
    private readonly keepComparisons?: Keep<[PolicyDocument, PolicyDocument], EncodedComparison>,
  ) {}

  of(from: PolicyDocument, to: PolicyDocument): Comparison {
    let fromOne = this.byPair.get(from);
    if (!fromOne) this.byPair.set(from, (fromOne = new WeakMap()));
    let comparison = fromOne.get(to);
    if (!comparison) fromOne.set(to, (comparison = this.made(from, to)));
    return comparison;
  }

  /** Makes sure the comparison is kept (made now if it is not), without holding it in memory. */
  keep(from: PolicyDocument, to: PolicyDocument): void {
    this.made(from, to);
  }

  private made(from: PolicyDocument, to: PolicyDocument): Comparison {
    const compute = () => compareDocuments(from, to, this.words, this.keepLocations);
    if (!this.keepComparisons) return compute();
    let computed: Comparison | undefined;
    const kept = this.keepComparisons([from, to], () => encodeComparison((computed = compute())));
    return computed ?? decodeComparison(kept, from, to);
  }

  /** Where the document's own stated changes point. */
  statedChanges(document: PolicyDocument): StatedChangeLocation[] {
    return locateStatedChanges(document, this.keepLocations);
  }
}

/** What places a policy among its versions. */
type Versioned = Pick<PolicyDocument, 'insurer' | 'careType' | 'year'>;

const chronological = (a: Versioned, b: Versioned) => a.year - b.year || a.careType.localeCompare(b.careType);

/** Per corpus: every page of a policy asks for its versions, and the corpus is one array per build. */
const pairsOf = new WeakMap<readonly Versioned[], Array<[Versioned, Versioned]>>();

/**
 * Consecutive versions of one policy (same insurer and care type, each with the next year that has
 * one): what the change log reports and what has a diff page. Any other pair is compared on request.
 */
export function consecutiveVersionPairs<T extends Versioned>(documents: readonly T[]): ReadonlyArray<[T, T]> {
  let pairs = pairsOf.get(documents) as Array<[T, T]> | undefined;
  if (!pairs) {
    // Versions of one policy share insurer and care type: pairs are only ever within such a series.
    const series = new Map<string, T[]>();
    const sorted = [...documents].sort(chronological);
    for (const document of sorted) {
      const key = `${document.insurer}\u0000${document.careType}`;
      if (!series.has(key)) series.set(key, []);
      series.get(key)!.push(document);
    }
    pairs = [];
    for (const from of sorted) {
      const later = series.get(`${from.insurer}\u0000${from.careType}`)!.filter((to) => to.year > from.year);
      const next = later[0]?.year;
      for (const to of later) if (to.year === next) pairs.push([from, to]);
    }
    pairsOf.set(documents, pairs);
  }
  return pairs;
}

/**
 * An insurer's policies in time order, each with the one before it: the previous version of the
 * same care type where there is one, otherwise the insurer's previous policy (any care type:
 * whole chapters recur between, say, its ZBC and its categorale instellingen policy). Not compared:
 * a page that only lists the steps need not pay for diffing two different documents.
 */
export function insurerStepPairs(
  documents: PolicyDocument[],
  insurer: string,
): Array<{ from: PolicyDocument; to: PolicyDocument }> {
  const own = documents.filter((document) => document.insurer === insurer).sort(chronological);
  return own.slice(1).map((to, index) => {
    const sameCareType = own
      .slice(0, index + 1)
      .filter((document) => document.careType === to.careType && document.year < to.year)
      .at(-1);
    return { from: sameCareType ?? own[index]!, to };
  });
}

/** The same steps, compared. */
export function insurerSteps(
  documents: PolicyDocument[],
  insurer: string,
  comparisons: Comparisons = new Comparisons(),
): Comparison[] {
  return insurerStepPairs(documents, insurer).map(({ from, to }) => comparisons.of(from, to));
}

/** Whether an insurer has a history (two policies or more), without comparing any: insurerSteps compares them all. */
export function hasHistory(documents: PolicyDocument[], insurer: string): boolean {
  return documents.filter((document) => document.insurer === insurer).length >= 2;
}

/** How many sections changed between two versions: in all, and per theme (on either side). */
export interface ChangeCounts {
  all: number;
  byTheme: Record<string, number>;
}

export function changeCounts(comparison: Comparison): ChangeCounts {
  const counts: ChangeCounts = { all: 0, byTheme: {} };
  for (const pair of comparison.pairs) {
    if (pair.status === 'unchanged') continue;
    counts.all++;
    for (const theme of new Set([...(pair.old?.themes ?? []), ...(pair.new?.themes ?? [])]))
      counts.byTheme[theme] = (counts.byTheme[theme] ?? 0) + 1;
  }
  return counts;
}
