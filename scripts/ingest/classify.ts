/**
 * Stage 4, classify: every section gets its themes (multi-label, best first) from the weighted
 * keyword rules in content/taxonomy/themes.yaml, over its title and its own text.
 */
import { compileFoldedPhrase, foldText, type FoldedPhrase } from '../../src/lib/text.ts';
import type { Theme, ThemeSettings } from '../../src/lib/taxonomy.ts';

interface CompiledKeyword {
  phrase: FoldedPhrase;
  weight: number;
}

export interface ThemeClassifier {
  classify(title: string, text: string): string[];
  scores(title: string, text: string): Array<{ slug: string; score: number }>;
}

const TITLE_FACTOR = 3;
const MAX_BODY_HITS = 3;

function compileKeyword(keyword: string, weight: number): CompiledKeyword {
  const inCompound = keyword.startsWith('~');
  return { phrase: compileFoldedPhrase(inCompound ? keyword.slice(1) : keyword, { inCompound }), weight };
}

export function createThemeClassifier(themes: Theme[], settings: ThemeSettings): ThemeClassifier {
  const compiled = themes.map((theme) => ({
    slug: theme.slug,
    keywords: Object.entries(theme.keywords).map(([keyword, weight]) => compileKeyword(keyword, weight)),
  }));

  const scores = (title: string, text: string) => {
    const foldedTitle = foldText(title);
    const foldedText = foldText(text.replace(/\]\([^)]*\)/gu, ']'));
    return compiled
      .map(({ slug, keywords }) => {
        let score = 0;
        for (const keyword of keywords) {
          const titleHits = keyword.phrase.count(foldedTitle);
          const bodyHits = Math.min(MAX_BODY_HITS, keyword.phrase.count(foldedText));
          score += keyword.weight * (TITLE_FACTOR * titleHits + bodyHits);
        }
        return { slug, score };
      })
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
  };

  return {
    scores,
    classify(title, text) {
      const ranked = scores(title, text);
      const best = ranked[0]?.score ?? 0;
      return ranked
        .filter((entry) => entry.score >= settings.minScore && entry.score >= best * settings.relativeScore)
        .slice(0, settings.maxThemes)
        .map((entry) => entry.slug);
    },
  };
}
