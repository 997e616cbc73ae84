/**
 * Weighted keyword rules from content/taxonomy/: themes, comparison sub-topics, requirement types
 * and milestone kinds are all "these phrases, this much each". A keyword is matched case- and
 * accent-insensitively at the start of a word; a leading "~" lets it match inside a Dutch compound
 * ("~duurza" finds "verduurzaming").
 */
import { compileFoldedPhrase, compilePhraseScanner, foldText, type FoldedPhrase } from './text.ts';

export type Keywords = Record<string, number>;

interface CompiledKeyword {
  phrase: FoldedPhrase;
  weight: number;
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
  return { phrase, weight };
}

export function compileKeywordRules(rules: Array<{ slug: string; keywords: Keywords }>): KeywordRules {
  const compiled = rules.map((rule) => ({
    slug: rule.slug,
    keywords: Object.entries(rule.keywords).map(([keyword, weight]) => compileKeyword(keyword, weight)),
  }));
  // Hundreds of keywords against one text: one scan for the first words that occur rules most
  // of them out before any of their regular expressions runs.
  const scan = compilePhraseScanner(compiled.flatMap((rule) => rule.keywords.map((keyword) => keyword.phrase)));
  return {
    score(texts, maxHits = Number.POSITIVE_INFINITY) {
      const scanned = texts.map(({ text, factor }) => ({ factor, hits: scan(text) }));
      return compiled
        .map(({ slug, keywords }) => {
          let score = 0;
          for (const keyword of keywords) {
            for (const { factor, hits } of scanned)
              score += keyword.weight * factor * Math.min(maxHits, hits.count(keyword.phrase));
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
