/**
 * The search page's reading of a query, apart from the index: which words a hit really matched,
 * how to retry a query that found nothing, and which hits belong together. Pagefind, when a word
 * is not in its index, silently searches the longest prefix that is ("xyzzy" becomes "x",
 * "zorgomzetplafond" becomes "zorgomzet"); these functions let the page notice that and say so.
 */
import { foldText } from './text.ts';

/** The words of a query, folded, as the search page checks them. */
export function queryWords(query: string): string[] {
  return foldText(query).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * A word of a record's text as Pagefind counts it (split on white space), folded: the whole
 * without punctuation and, for "maag/slokdarmkanker" or "medisch-specialistische", each part
 * (Pagefind indexes both).
 */
export function contentWords(raw: string): string[] {
  const parts = foldText(raw).match(/[\p{L}\p{N}]+/gu) ?? [];
  return parts.length > 1 ? [parts.join(''), ...parts] : parts;
}

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/** The share of a query word a hit word must begin with: a stem ("eis" of "eisen") does, a fallen-back prefix not. */
const STEM_SHARE = 0.6;
const MIN_STEM = 3;

/**
 * Whether a word in a hit is the query word itself, an extension of it (typing "machti" finds
 * "machtiging") or an inflection (its stem): not a prefix Pagefind fell back to.
 */
export function matches(queryWord: string, word: string): boolean {
  const shared = commonPrefix(queryWord, word);
  if (shared === queryWord.length) return true;
  return shared >= Math.max(MIN_STEM, Math.ceil(STEM_SHARE * queryWord.length));
}

/** The query words no matched word of a hit answers to. */
export function unmatchedWords(query: string[], matched: string[]): string[] {
  return query.filter((word) => !matched.some((candidate) => matches(word, candidate)));
}

/**
 * The queries to try when no hit has all words, most words first; among those of one size, the
 * ones that leave out the commonest words first (a rare word says more about what is sought).
 * Long queries are cut to their first words, to bound the searches.
 */
export function fewerWords(words: string[], hitsOf: ReadonlyMap<string, number>, maxWords = 6): string[][] {
  const kept = words.slice(0, maxWords);
  const leftOutHits = (subset: string[]) =>
    kept.filter((word) => !subset.includes(word)).reduce((sum, word) => sum + (hitsOf.get(word) ?? 0), 0);
  const out: string[][] = [];
  for (let size = kept.length - 1; size >= 1; size--)
    out.push(...subsets(kept, size).sort((a, b) => leftOutHits(b) - leftOutHits(a)));
  return out;
}

function subsets(words: string[], size: number): string[][] {
  if (size === 0) return [[]];
  if (words.length < size) return [];
  const [first, ...rest] = words;
  return [...subsets(rest, size - 1).map((subset) => [first!, ...subset]), ...subsets(rest, size)];
}

/** The key under which hits of one insurer, care type and section title are shown together across years. */
export function groupKey(hit: { insurer: string; careType: string; title: string }): string {
  return [
    hit.insurer,
    hit.careType,
    foldText(hit.title)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim(),
  ].join('|');
}
