/**
 * Load step for PDFs: text items in, lines out, by position alone. Items on one baseline form a
 * row; small raised items join the row they sit on as superscripts (footnote markers, m²); a drop
 * cap joins the first line it stands beside; items set apart by a wide gap become tab-separated
 * cells; a page set in two columns is read column by column. Each line keeps the typography of
 * most of its characters, for the structure stage.
 */
import { joinWrappedLine, scriptDigits } from '../../core/text.ts';
import type { PdfContent, PdfItem, PdfLayout, PdfLine, PdfPage } from './pdf-types.ts';

/** How far apart two baselines may be, relative to the smaller font size, and still be one row. */
const SAME_ROW = 0.35;
/** A gap wider than this many font sizes separates cells (a table, a right-aligned page number). */
const CELL_GAP = 1.5;
/** A gap wider than this many font sizes is a space between words. */
const WORD_GAP = 0.15;
/** A vertical distance of more than this many font sizes between baselines is a paragraph break. */
const BLANK_GAP = 1.9;
const BOLD = /bold|black|heavy|semibold|demibold|demi\b|extrabold|ultrabold|[-,]bd\b/iu;
const ITALIC = /italic|oblique|[-,]it\b/iu;

interface Placed extends PdfItem {
  index: number;
  end: number;
  script: 'sup' | 'sub' | null;
  dropCap: boolean;
}

interface Row {
  y: number;
  size: number;
  items: Placed[];
}

export function layoutPdf(content: PdfContent): PdfLayout {
  const lines: PdfLine[] = [];
  for (const page of content.pages) {
    let previous: PdfLine | null = null;
    for (const line of pageLines(page)) {
      if (previous && isParagraphBreak(previous, line)) lines.push(blankLine(page.number));
      lines.push(line);
      previous = line;
    }
    if (previous === null) lines.push(blankLine(page.number));
  }
  return {
    lines,
    pages: content.pages.map(({ number, width, height }) => ({ number, width, height })),
    outline: content.outline,
    info: content.info,
    tagged: content.tagged,
  };
}

function isParagraphBreak(previous: PdfLine, line: PdfLine): boolean {
  // A jump upwards is the top of the next column, where a paragraph may go on; rows of a table go on too.
  if (previous.y === null || line.y === null || line.y > previous.y || (previous.cells > 1 && line.cells > 1))
    return false;
  return previous.y - line.y > BLANK_GAP * Math.max(previous.size ?? 0, line.size ?? 0, 1);
}

function blankLine(page: number): PdfLine {
  return {
    text: '',
    page,
    y: null,
    x: null,
    xEnd: null,
    size: null,
    font: null,
    bold: false,
    italic: false,
    role: null,
    markers: [],
    cells: 0,
  };
}

/** The lines of one page in reading order. */
export function pageLines(page: PdfPage): PdfLine[] {
  const items = placeItems(page.items);
  const gutter = findGutter(items, page);
  if (gutter === null) {
    // A tagged table's row is one line, its cells set apart by tabs, however many lines a cell wraps over.
    const { inRows, apart } = tableRowItems(items.filter((item) => item.row !== null));
    const tables = tableLines(inRows, page.number);
    const flow = mergeScripts(buildRows([...items.filter((item) => item.row === null), ...apart]))
      .map((row) => toLine(row.items, page.number))
      .filter(isLine);
    return tables.length ? mergeByHeight(flow, tables) : flow;
  }
  // Two columns: text that crosses the gutter (a title over both) divides the page into bands;
  // within a band the left column is read before the right.
  // Running headers and footers in the margins belong to the page, not to a column.
  const inMargin = (item: Placed) => item.y >= page.height * 0.92 || item.y <= page.height * 0.08;
  const crosses = (item: Placed) => (item.x < gutter && item.end > gutter) || inMargin(item);
  const full = mergeScripts(buildRows(items.filter(crosses)));
  const left = mergeScripts(buildRows(items.filter((item) => !crosses(item) && item.end <= gutter)));
  const right = mergeScripts(buildRows(items.filter((item) => !crosses(item) && item.x >= gutter)));
  const ordered: Row[] = [];
  let above = Number.POSITIVE_INFINITY;
  for (const divider of [...full, null]) {
    const below = divider ? divider.y : Number.NEGATIVE_INFINITY;
    const inBand = (row: Row) => row.y < above && row.y >= below && (divider === null || row.y !== divider.y);
    ordered.push(...left.filter(inBand), ...right.filter(inBand));
    if (divider) ordered.push(divider);
    above = below;
  }
  return ordered.map((row) => toLine(row.items, page.number)).filter(isLine);
}

const isLine = (line: PdfLine | null): line is PdfLine => line !== null;

/** Lines of the text flow and table rows in one order, top to bottom; rows of a table stay in their own order. */
function mergeByHeight(flow: PdfLine[], tables: PdfLine[]): PdfLine[] {
  const merged: PdfLine[] = [];
  let next = 0;
  for (const line of flow) {
    while (next < tables.length && tables[next]!.y! >= line.y!) merged.push(tables[next++]!);
    merged.push(line);
  }
  return [...merged, ...tables.slice(next)];
}

/**
 * The items of each tagged row that stand together on the page. What the tags put in a row but
 * the page sets far below it (a footnote that the layout program kept in the cell's story) is
 * read with the text flow instead.
 */
function tableRowItems(items: Placed[]): { inRows: Placed[]; apart: Placed[] } {
  const rows = new Map<number, Placed[]>();
  for (const item of items) rows.set(item.row!, [...(rows.get(item.row!) ?? []), item]);
  const inRows: Placed[] = [];
  const apart: Placed[] = [];
  for (const rowItems of rows.values()) {
    const sorted = [...rowItems].sort((a, b) => b.y - a.y);
    let end = 1;
    while (
      end < sorted.length &&
      sorted[end - 1]!.y - sorted[end]!.y <= 2.5 * Math.max(sorted[end - 1]!.size, sorted[end]!.size)
    )
      end++;
    inRows.push(...sorted.slice(0, end));
    apart.push(...sorted.slice(end));
  }
  return { inRows, apart };
}

/** One line per tagged table row: each cell's lines joined, cells in order of their left edge. */
function tableLines(items: Placed[], page: number): PdfLine[] {
  const rows = new Map<number, Placed[]>();
  for (const item of items) rows.set(item.row!, [...(rows.get(item.row!) ?? []), item]);
  const lines: PdfLine[] = [];
  for (const rowItems of rows.values()) {
    const cells = new Map<number, Placed[]>();
    rowItems.forEach((item, index) => {
      const key = item.cell ?? -1 - index;
      cells.set(key, [...(cells.get(key) ?? []), item]);
    });
    const texts: string[] = [];
    const markers: string[] = [];
    for (const cellItems of [...cells.values()].sort(
      (a, b) => Math.min(...a.map((item) => item.x)) - Math.min(...b.map((item) => item.x)),
    )) {
      const cellLines = mergeScripts(buildRows(cellItems))
        .map((row) => toLine(row.items, page))
        .filter(isLine);
      markers.push(...cellLines.flatMap((line) => line.markers));
      const text = cellLines.reduce((joined, line) => joinWrappedLine(joined, line.text.replace(/\t/gu, ' ')), '');
      if (text !== '') texts.push(text);
    }
    const styled = toLine(rowItems, page);
    if (!styled || texts.length === 0) continue;
    lines.push({
      ...styled,
      y: Math.max(...rowItems.map((item) => item.y)),
      text: texts.join('\t'),
      markers,
      cells: texts.length,
    });
  }
  return lines.sort((a, b) => b.y! - a.y!);
}

function placeItems(items: PdfItem[]): Placed[] {
  const placed: Placed[] = items
    .map((item, index) => ({
      ...item,
      index,
      end: item.x + (item.width > 0 ? item.width : item.str.length * item.size * 0.5),
      script: null,
      dropCap: false,
    }))
    .filter((item) => item.str.trim() !== '' && !item.rotated);
  markDropCaps(placed);
  return placed;
}

/**
 * A drop cap: one or two letters set far larger than the text beside them, their baseline on a
 * lower line. They belong at the start of the first line beside them.
 */
function markDropCaps(items: Placed[]): void {
  const sizes = items.map((item) => item.size).sort((a, b) => a - b);
  const typical = sizes[Math.floor(sizes.length / 2)] ?? 0;
  for (const item of items) {
    if (item.size < typical * 1.8 || !/^\p{L}{1,2}$/u.test(item.str.trim())) continue;
    const beside = items
      .filter(
        (other) =>
          other !== item &&
          other.size < item.size * 0.6 &&
          other.y > item.y - 1 &&
          other.y <= item.y + item.size &&
          other.x >= item.end - 1 &&
          other.x - item.end < Math.max(other.size * 0.8, item.size * 0.3),
      )
      .sort((a, b) => b.y - a.y || a.x - b.x);
    const top = beside[0];
    if (!top) continue;
    item.y = top.y;
    item.size = top.size;
    item.dropCap = true;
  }
}

function buildRows(items: Placed[]): Row[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x || a.index - b.index);
  const rows: Row[] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.y - item.y) <= SAME_ROW * Math.min(row.size, item.size)) {
      row.items.push(item);
      row.size = Math.max(row.size, item.size);
    } else {
      rows.push({ y: item.y, size: item.size, items: [item] });
    }
  }
  for (const row of rows) row.items.sort((a, b) => a.x - b.x || a.index - b.index);
  return rows;
}

/** Rows of a few small characters just above or below a row of larger text are its super- and subscripts. */
function mergeScripts(rows: Row[]): Row[] {
  const kept: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const small = row.items.every((item) => item.str.trim().length <= 4);
    const host = small ? scriptHost(row, rows[i + 1], rows[i - 1]) : null;
    if (!host) {
      kept.push(row);
      continue;
    }
    for (const item of row.items) item.script = host.kind;
    host.row.items.push(...row.items);
    host.row.items.sort((a, b) => a.x - b.x || a.index - b.index);
  }
  return kept;
}

function scriptHost(
  row: Row,
  below: Row | undefined,
  above: Row | undefined,
): { row: Row; kind: 'sup' | 'sub' } | null {
  const fits = (host: Row) =>
    row.size <= host.size * 0.8 &&
    row.items.every((item) => item.x >= hostStart(host) - 1 && item.x <= hostEnd(host) + host.size);
  if (below && row.y > below.y && row.y - below.y <= 0.8 * below.size && fits(below))
    return { row: below, kind: 'sup' };
  if (above && row.y < above.y && above.y - row.y <= 0.4 * above.size && fits(above))
    return { row: above, kind: 'sub' };
  return null;
}

const hostStart = (row: Row) => Math.min(...row.items.map((item) => item.x));
const hostEnd = (row: Row) => Math.max(...row.items.map((item) => item.end));

/**
 * The x of the gap between two columns, when the page is set in two: nothing of the text (its top
 * and bottom margins aside) crosses it, each side holds a good share of the text, and the lines on
 * each side fill their column (a table's short cells do not).
 */
function findGutter(items: Placed[], page: PdfPage): number | null {
  const body = items.filter((item) => item.y > page.height * 0.08 && item.y < page.height * 0.92);
  const chars = (list: Placed[]) => list.reduce((sum, item) => sum + item.str.length, 0);
  const total = chars(body);
  if (body.length < 16 || total === 0) return null;
  // The widest run of x positions in the middle of the page that no item crosses.
  let best: { from: number; to: number } | null = null;
  let runStart: number | null = null;
  for (let x = page.width * 0.3; x <= page.width * 0.7 + 2; x += 2) {
    const free = x <= page.width * 0.7 && !body.some((item) => item.x < x && item.end > x);
    if (free && runStart === null) runStart = x;
    if (!free && runStart !== null) {
      if (!best || x - runStart > best.to - best.from) best = { from: runStart, to: x - 2 };
      runStart = null;
    }
  }
  if (!best) return null;
  const gutter = (best.from + best.to) / 2;
  const left = body.filter((item) => item.end <= gutter);
  const right = body.filter((item) => item.x >= gutter);
  if (chars(left) < total * 0.25 || chars(right) < total * 0.25) return null;
  // A column of prose: most of its lines run from its left edge to near its right edge.
  const fills = (side: Placed[]) => {
    const rows = buildRows(side);
    const from = Math.min(...side.map((item) => item.x));
    const to = Math.max(...side.map((item) => item.end));
    const full = rows.filter((row) => Math.max(...row.items.map((item) => item.end)) >= from + (to - from) * 0.7);
    return rows.length >= 4 && full.length >= rows.length * 0.5;
  };
  const leftEdge = Math.max(...left.map((item) => item.end));
  const rightEdge = Math.min(...right.map((item) => item.x));
  const leftFills = fills(left);
  const rightFills = fills(right);
  return leftFills && rightFills && rightEdge - leftEdge >= 6 ? gutter : null;
}

function toLine(items: Placed[], page: number): PdfLine | null {
  const main = items.filter((item) => item.script === null);
  if (main.length === 0 && items.length === 0) return null;
  const styled = main.length ? main : items;
  let text = '';
  let previous: Placed | null = null;
  const markers: string[] = [];
  for (const item of items) {
    // A fake bold: the same text drawn twice, a hair apart.
    if (previous && item.str === previous.str && Math.abs(item.x - previous.x) < 1 && Math.abs(item.y - previous.y) < 1)
      continue;
    let str = item.str;
    if (item.script) {
      const digits = str.trim();
      if (/^\d{1,3}$/u.test(digits)) {
        if (item.script === 'sup') markers.push(digits);
        str = scriptDigits(digits, item.script);
      }
    }
    if (previous) text += separator(text, previous, item);
    text += previous
      ? str.replace(/^\s+/u, (space) => (text.endsWith(' ') || text.endsWith('\t') ? '' : space))
      : str.trimStart();
    previous = item;
  }
  text = text.replace(/[ \u00a0]+$/u, '').replace(/ {2,}/gu, ' ');
  if (text === '') return null;
  const weights = (pick: (item: Placed) => string) => {
    const counts = new Map<string, number>();
    for (const item of styled) counts.set(pick(item), (counts.get(pick(item)) ?? 0) + item.str.trim().length);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  };
  const chars = styled.reduce((sum, item) => sum + item.str.trim().length, 0) || 1;
  const share = (test: (item: Placed) => boolean) =>
    styled.filter(test).reduce((sum, item) => sum + item.str.trim().length, 0) / chars;
  const size = Number(weights((item) => String(item.size)));
  const role = weights((item) => item.role ?? '');
  return {
    text,
    page,
    y: styled[0]!.y,
    x: Math.min(...items.map((item) => item.x)),
    xEnd: Math.max(...items.map((item) => item.end)),
    size,
    font: weights((item) => item.font),
    bold: share((item) => BOLD.test(item.font)) >= 0.7,
    italic: share((item) => ITALIC.test(item.font)) >= 0.7,
    role: role === '' ? null : role,
    markers,
    cells: text.split('\t').length,
  };
}

/** What goes between two items of a row: nothing (one word), a space, or a tab (another cell). */
function separator(text: string, previous: Placed, item: Placed): string {
  if (previous.dropCap) return '';
  if (text.endsWith(' ') || text.endsWith('\t')) return '';
  const size = Math.min(previous.script ? item.size : previous.size, item.script ? previous.size : item.size);
  const gap = item.x - previous.end;
  if (gap > CELL_GAP * size && !item.script) {
    // A heading number or a bullet set apart from its text by a tab stop is not a cell.
    return /^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|[•●▪■◦·–-])\s*$/u.test(text) ? ' ' : '\t';
  }
  if (/^\s/u.test(item.str)) return '';
  return gap > WORD_GAP * size ? ' ' : '';
}
