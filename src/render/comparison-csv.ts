/** A theme comparison as CSV: one row per insurer, sub-topic and section, every cell's state in words. */
import type { ThemeComparison } from '../analysis/theme-comparison.ts';
import { CELL_STATES, CHOICE_LABELS } from '../core/labels.ts';
import { toCsv } from './csv.ts';
import type { CsvNames } from './requirements-csv.ts';

/** The names a comparison's CSV writes: those of the requirements CSV but the requirement types. */
export type ComparisonCsvNames = Omit<CsvNames, 'type'>;

export const COMPARISON_CSV_COLUMNS = [
  'thema',
  'zorgsoort',
  'contractjaar',
  'onderwerp',
  'verzekeraar',
  'staat',
  'gelezen uit',
  'beleid',
  'sectie',
  'regels',
  'tekst',
  'link',
] as const;

export function comparisonToCsv(comparison: ThemeComparison, names: ComparisonCsvNames): string {
  const { theme, view } = comparison;
  const rows: Array<Array<string | number>> = [];
  for (const row of comparison.rows)
    for (const column of comparison.columns) {
      const lead = [theme.label, names.careType(view.careType), view.year, row.label, names.insurer(column.insurer)];
      const { choice } = column;
      if (choice.state === 'none') {
        rows.push([...lead, CELL_STATES.noPolicy.word, '', '', '', '', '', '']);
        continue;
      }
      const readFrom = CHOICE_LABELS[choice.state];
      const groups = column.cells[row.slug] ?? [];
      if (groups.length === 0) {
        const titles = choice.documents.map((document) => document.title).join('; ');
        rows.push([...lead, CELL_STATES.notMentioned.word, readFrom, titles, '', '', '', '']);
        continue;
      }
      for (const { document, section, passages } of groups)
        rows.push([
          ...lead,
          CELL_STATES.said.word,
          readFrom,
          document.title,
          section.number ? `${section.number} ${section.title}` : section.title,
          `${section.lines[0]}-${section.lines[1]}`,
          passages.map((passage) => passage.plain).join('\n'),
          names.sectionUrl(document.id, section.id),
        ]);
    }
  return toCsv(COMPARISON_CSV_COLUMNS, rows);
}
