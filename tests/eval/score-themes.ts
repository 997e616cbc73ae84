/**
 * Precision and recall of the theme rules against sections annotated by hand. Pure: documents and
 * annotations in, figures per theme and the disagreements out. Only the themes in the annotation's
 * scope are judged; a section the annotation names but the corpus lacks is reported, not guessed.
 */
import type { PolicyDocument } from '../../src/core/schemas/document.ts';

export interface ThemeAnnotations {
  scope: string[];
  sections: Array<{ section: string; themes: string[] }>;
}

export interface ThemeScore {
  theme: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface ThemeEvaluation {
  scores: ThemeScore[];
  judged: number;
  missing: string[];
  /** "doc#section: +theme" (assigned, not annotated) or "-theme" (annotated, not assigned). */
  disagreements: string[];
}

export function scoreThemes(documents: PolicyDocument[], annotations: ThemeAnnotations): ThemeEvaluation {
  const assigned = new Map<string, string[]>();
  for (const document of documents)
    for (const section of document.sections) assigned.set(`${document.id}#${section.id}`, section.themes);
  const counts = new Map(annotations.scope.map((theme) => [theme, { tp: 0, fp: 0, fn: 0 }]));
  const missing: string[] = [];
  const disagreements: string[] = [];
  let judged = 0;
  for (const { section, themes } of annotations.sections) {
    const got = assigned.get(section);
    if (!got) {
      missing.push(section);
      continue;
    }
    judged++;
    for (const theme of annotations.scope) {
      const count = counts.get(theme)!;
      const truth = themes.includes(theme);
      const predicted = got.includes(theme);
      if (truth && predicted) count.tp++;
      else if (predicted) {
        count.fp++;
        disagreements.push(`${section}: +${theme}`);
      } else if (truth) {
        count.fn++;
        disagreements.push(`${section}: -${theme}`);
      }
    }
  }
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  const scores = [...counts].map(([theme, { tp, fp, fn }]) => ({
    theme,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
  }));
  return { scores, judged, missing, disagreements };
}
