/** The requirement items as CSV (csv-stringify quotes per RFC 4180), one row an item, for spreadsheets. */
import { stringify } from 'csv-stringify/sync';
import type { RequirementItem } from '../analysis/requirements.ts';

export interface CsvNames {
  insurer: (slug: string) => string;
  careType: (slug: string) => string;
  type: (slug: string) => string;
  /** Absolute URL of a section on the site. */
  sectionUrl: (documentId: string, sectionId: string) => string;
}

export const CSV_COLUMNS = [
  'verzekeraar',
  'contractjaar',
  'zorgsoort',
  'beleid',
  'sectie',
  'regels',
  'soorten',
  'eis',
  'link',
] as const;

/**
 * A cell a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage
 * return: `=HYPERLINK(…)`, `+cmd|…`) gets a leading apostrophe, as OWASP advises against CSV
 * injection: Excel and LibreOffice then show it as the text it is.
 */
export function neutraliseFormula(cell: string | number): string | number {
  return typeof cell === 'string' && /^[=+\-@\t\r]/u.test(cell) ? `'${cell}` : cell;
}

export function requirementsToCsv(items: RequirementItem[], names: CsvNames): string {
  const rows = items.map((item) => [
    names.insurer(item.document.insurer),
    item.document.year,
    names.careType(item.document.careType),
    item.document.title,
    item.section.number ? `${item.section.number} ${item.section.title}` : item.section.title,
    `${item.section.lines[0]}-${item.section.lines[1]}`,
    item.types.map(names.type).join('; '),
    item.text,
    names.sectionUrl(item.document.id, item.section.id),
  ]);
  // A byte-order mark so Excel reads the UTF-8 (ë, é, ’) as UTF-8.
  const cells = [[...CSV_COLUMNS], ...rows.map((row) => row.map(neutraliseFormula))];
  return `\uFEFF${stringify(cells, { record_delimiter: 'windows' })}`;
}
