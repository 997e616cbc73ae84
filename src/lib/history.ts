/**
 * Which policies are compared with which: versions of one policy (same insurer and care type,
 * any two contract years) and, per insurer, each policy with the one before it whatever the care
 * type (shared chapters recur). Comparisons are computed once per build.
 */
import { compareDocuments, type Comparison } from './compare.ts';
import type { PolicyDocument } from './schema.ts';

const cache = new Map<string, Comparison>();

export function comparisonOf(from: PolicyDocument, to: PolicyDocument): Comparison {
  const key = `${from.id}→${to.id}`;
  let comparison = cache.get(key);
  if (!comparison) {
    comparison = compareDocuments(from, to);
    cache.set(key, comparison);
  }
  return comparison;
}

const chronological = (a: PolicyDocument, b: PolicyDocument) => a.year - b.year || a.careType.localeCompare(b.careType);

/** Every ordered pair of versions of one policy: same insurer and care type, earlier → later. */
export function versionPairs(documents: PolicyDocument[]): Array<[PolicyDocument, PolicyDocument]> {
  const pairs: Array<[PolicyDocument, PolicyDocument]> = [];
  const sorted = [...documents].sort(chronological);
  sorted.forEach((from, index) => {
    for (const to of sorted.slice(index + 1)) {
      if (to.insurer === from.insurer && to.careType === from.careType && to.year > from.year) pairs.push([from, to]);
    }
  });
  return pairs;
}

/** Consecutive versions only: what the change log reports, year on year. */
export function consecutiveVersionPairs(documents: PolicyDocument[]): Array<[PolicyDocument, PolicyDocument]> {
  return versionPairs(documents).filter(([from, to]) => !documents.some((other) => other.insurer === from.insurer && other.careType === from.careType && other.year > from.year && other.year < to.year));
}

/**
 * An insurer's policies in time order, each with the one before it: the previous version of the
 * same care type where there is one, otherwise the insurer's previous policy (any care type:
 * whole chapters recur between, say, its ZBC and its categorale instellingen policy).
 */
export function insurerSteps(documents: PolicyDocument[], insurer: string): Comparison[] {
  const own = documents.filter((document) => document.insurer === insurer).sort(chronological);
  return own.slice(1).map((to, index) => {
    const sameCareType = own.slice(0, index + 1).filter((document) => document.careType === to.careType && document.year < to.year).at(-1);
    return comparisonOf(sameCareType ?? own[index]!, to);
  });
}

export function rangeSlug(from: PolicyDocument, to: PolicyDocument): string {
  return `${from.year}-${to.year}`;
}
