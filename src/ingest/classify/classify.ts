/**
 * Stage 4, classify: every section gets its themes (multi-label, best first) from the weighted
 * keyword rules in content/taxonomy/themes.yaml, over its title and its own text.
 */
import { compileKeywordRules, foldForMatching } from '../../core/keyword-rules.ts';
import type { Theme, ThemeSettings } from '../../core/schemas/taxonomy.ts';
import { foldText } from '../../core/text.ts';
import { topicLabels } from './topic-labels.ts';
import type { Section } from '../../core/schemas/document.ts';

export interface ThemeClassifier {
  classify(title: string, text: string): string[];
  scores(title: string, text: string): Array<{ slug: string; score: number }>;
}

/** A hit in the title counts three times a body hit; body hits count at most three a keyword. */
const TITLE_FACTOR = 3;
const MAX_BODY_HITS = 3;

export function createThemeClassifier(themes: Theme[], settings: ThemeSettings): ThemeClassifier {
  const rules = compileKeywordRules(themes);
  const scores = (title: string, text: string) => {
    const titleHits = rules.score([{ text: foldText(title), factor: TITLE_FACTOR }]);
    const bodyHits = rules.score([{ text: foldForMatching(text), factor: 1 }], MAX_BODY_HITS);
    // A label (a short list item, an enumerated topic) counts as a title; capped per theme, so
    // that one label dense with one theme's words does not drown the others.
    const labels = topicLabels(text).join('\n');
    const labelHits = (labels ? rules.score([{ text: foldForMatching(labels), factor: TITLE_FACTOR - 1 }], 1) : []).map(
      ({ slug, score }) => ({
        slug,
        score: Math.min(score, 2 * settings.minScore),
      }),
    );
    const total = new Map<string, number>();
    for (const { slug, score } of [...titleHits, ...bodyHits, ...labelHits])
      total.set(slug, (total.get(slug) ?? 0) + score);
    return [...total]
      .map(([slug, score]) => ({ slug, score }))
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

/** Gives every section its themes; returns the warning for sections with a heading that have none. */
export function classifySections(sections: Section[], classifier: ThemeClassifier): string[] {
  for (const section of sections) section.themes = classifier.classify(section.title, section.text);
  const untagged = sections.filter((section) => section.level > 0 && section.themes.length === 0);
  if (untagged.length === 0) return [];
  const where = untagged.map((section) => `line ${section.lines[0]} "${section.title}"`).join(', ');
  return [`${untagged.length} section(s) have no theme: ${where}`];
}
