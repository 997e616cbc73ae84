/** Spreadsheet-safe CSV (csv-stringify quotes per RFC 4180): what every CSV download of the site is written with. */
import { stringify } from 'csv-stringify/sync';

/**
 * A cell a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage
 * return: `=HYPERLINK(…)`, `+cmd|…`) gets a leading apostrophe, as OWASP advises against CSV
 * injection: Excel and LibreOffice then show it as the text it is.
 */
export function neutraliseFormula(cell: string | number): string | number {
  return typeof cell === 'string' && /^[=+\-@\t\r]/u.test(cell) ? `'${cell}` : cell;
}

/**
 * A header row and the rows beneath it, Windows line ends, and a byte-order mark so Excel reads
 * the UTF-8 (ë, é, ’) as UTF-8.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = [[...header], ...rows.map((row) => row.map(neutraliseFormula))];
  return `\uFEFF${stringify(cells, { record_delimiter: 'windows' })}`;
}
