/**
 * Coverage at a glance: how much each insurer's policy of one care type and year (policy-choice.ts)
 * says on each theme (sections and words), for the matrix on the home page and /vergelijk/.
 */
import type { PolicyDocument } from '../core/schemas/document.ts';
import type { Taxonomy } from '../core/schemas/taxonomy.ts';
import { choosePolicies, type ComparisonView, type PolicyChoice } from './policy-choice.ts';
import { themeSectionsOf, wordsOf } from './theme-comparison.ts';

export interface CoverageCell {
  theme: string;
  sections: number;
  words: number;
  /** Words relative to the fullest cell of the matrix, 0–1: the shade of the cell. */
  share: number;
}

export interface CoverageRow {
  insurer: string;
  choice: PolicyChoice;
  /** One per theme, in the taxonomy's order; empty when the insurer has no policy to read. */
  cells: CoverageCell[];
}

export function coverageMatrix(documents: PolicyDocument[], taxonomy: Taxonomy, view: ComparisonView): CoverageRow[] {
  const rows = choosePolicies(documents, taxonomy, view).map((choice): CoverageRow => {
    const cells =
      choice.state === 'none'
        ? []
        : taxonomy.themes.map((theme) => {
            const on = themeSectionsOf(choice.documents, theme.slug);
            return {
              theme: theme.slug,
              sections: on.length,
              words: wordsOf(on),
              share: 0,
            };
          });
    return { insurer: choice.insurer, choice, cells };
  });
  const most = Math.max(1, ...rows.flatMap((row) => row.cells.map((cell) => cell.words)));
  for (const row of rows) for (const cell of row.cells) cell.share = cell.words / most;
  return rows;
}
