/**
 * Weighted keyword rules from content/taxonomy/: themes, comparison sub-topics, requirement types
 * and milestone kinds are all "these phrases, this much each". A keyword is matched case- and
 * accent-insensitively at the start of a word; a leading "~" lets it match inside a Dutch compound
 * ("~duurza" finds "verduurzaming").
 */
import { compileFoldedPhrase, foldText, type FoldedPhrase } from './text.ts';

export type Keywords = Record<string, number>;

interface CompiledKeyword {
  phrase: FoldedPhrase;
  weight: number;
  /** For a keyword matched at a word start: its first run of letters and digits, which must start a word of the text. */
  lead: string | null;
}

export interface RuleScore {
  slug: string;
  score: number;
}

export interface KeywordRules {
  /** Every rule that scores above zero on the (already folded) texts, best first, ties by slug. */
  score(foldedTexts: Array<{ text: string; factor: number }>, maxHitsPerKeyword?: number): RuleScore[];
}

export function compileKeyword(keyword: string, weight: number): CompiledKeyword {
  const inCompound = keyword.startsWith('~');
  const phrase = compileFoldedPhrase(inCompound ? keyword.slice(1) : keyword, { inCompound });
  return { phrase, weight, lead: inCompound ? null : (/^[\p{L}\p{N}]+/u.exec(phrase.literal)?.[0] ?? null) };
}

/** The distinct words of a text, sorted: "does any word start with x" in a binary search. */
function wordsOf(text: string): string[] {
  return [...new Set(text.split(/[^\p{L}\p{N}]+/u))].sort();
}

function someWordStartsWith(words: string[], prefix: string): boolean {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (words[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  return low < words.length && words[low]!.startsWith(prefix);
}

export function compileKeywordRules(rules: Array<{ slug: string; keywords: Keywords }>): KeywordRules {
  const compiled = rules.map((rule) => ({
    slug: rule.slug,
    keywords: Object.entries(rule.keywords).map(([keyword, weight]) => compileKeyword(keyword, weight)),
  }));
  return {
    score(texts, maxHits = Number.POSITIVE_INFINITY) {
      // Hundreds of keywords against one text: a lookup in its word list rules most of them out
      // before any regular expression runs.
      const indexed = texts.map((entry) => ({ ...entry, words: wordsOf(entry.text) }));
      return compiled
        .map(({ slug, keywords }) => {
          let score = 0;
          for (const keyword of keywords) {
            for (const { text, factor, words } of indexed) {
              if (keyword.lead !== null && !someWordStartsWith(words, keyword.lead)) continue;
              score += keyword.weight * factor * Math.min(maxHits, keyword.phrase.count(text));
            }
          }
          return { slug, score };
        })
        .filter((entry) => entry.score > 0)
        .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
    },
  };
}

/** Text ready for matching: folded, and [label](url) links reduced to their labels. */
export function foldForMatching(text: string): string {
  return foldText(text.replace(/\]\([^)]*\)/gu, ']'));
}
