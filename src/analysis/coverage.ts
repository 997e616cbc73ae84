/**
 * Coverage at a glance: how much each insurer's newest policies say on each theme (sections and
 * words), for the matrix on the home page and /vergelijk/.
 */
import type { PolicyDocument } from '../core/schemas/document.ts';
import type { Taxonomy } from '../core/schemas/taxonomy.ts';
import { countWords } from '../core/text.ts';
import { themeSectionsOf, yearsOf } from './theme-comparison.ts';

export interface CoverageCell {
  theme: string;
  sections: number;
  words: number;
  /** Words relative to the fullest cell of the matrix, 0–1: the shade of the cell. */
  share: number;
}

export interface CoverageRow {
  insurer: string;
  year: number;
  documents: PolicyDocument[];
  cells: CoverageCell[];
}

export function coverageMatrix(documents: PolicyDocument[], taxonomy: Taxonomy): CoverageRow[] {
  const rows = taxonomy.insurers.flatMap((insurer) => {
    const year = yearsOf(documents, insurer.slug)[0];
    if (year === undefined) return [];
    const ofYear = documents.filter((document) => document.insurer === insurer.slug && document.year === year);
    const cells = taxonomy.themes.map((theme) => {
      const on = themeSectionsOf(ofYear, theme.slug);
      return {
        theme: theme.slug,
        sections: on.length,
        words: on.reduce((sum, { section }) => sum + countWords(section.text), 0),
        share: 0,
      };
    });
    return [{ insurer: insurer.slug, year, documents: ofYear, cells }];
  });
  const most = Math.max(1, ...rows.flatMap((row) => row.cells.map((cell) => cell.words)));
  for (const row of rows) for (const cell of row.cells) cell.share = cell.words / most;
  return rows;
}
