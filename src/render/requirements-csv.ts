/** The requirement items as CSV, one row an item, for spreadsheets. */
import type { RequirementItem } from '../analysis/requirements.ts';
import { toCsv } from './csv.ts';

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
  return toCsv(CSV_COLUMNS, rows);
}
