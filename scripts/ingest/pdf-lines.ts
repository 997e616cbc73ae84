/**
 * Load step for PDFs: text items in, lines out, by position alone. Items on one baseline form a
 * row; small raised items join the row they sit on as superscripts (footnote markers, m²); a drop
 * cap joins the first line it stands beside; items set apart by a wide gap become tab-separated
 * cells; a page set in two columns is read column by column. Each line keeps the typography of
 * most of its characters, for the structure stage.
 */
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
const SUPERSCRIPT: Record<string, string> = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
const SUBSCRIPT: Record<string, string> = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉' };

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
  if (previous.y === null || line.y === null) return false;
  // A jump upwards is the top of the next column.
  if (line.y > previous.y) return true;
  return previous.y - line.y > BLANK_GAP * Math.max(previous.size ?? 0, line.size ?? 0, 1);
}

function blankLine(page: number): PdfLine {
  return { text: '', page, y: null, x: null, xEnd: null, size: null, font: null, bold: false, italic: false, role: null, markers: [], cells: 0 };
}

/** The lines of one page in reading order. */
export function pageLines(page: PdfPage): PdfLine[] {
  const items = placeItems(page.items);
  const rows = mergeScripts(buildRows(items));
  const gutter = findGutter(rows, page.width);
  const ordered: Placed[][] = [];
  if (gutter === null) {
    for (const row of rows) ordered.push(row.items);
  } else {
    // Rows that do not cross the gutter form bands: the left column of a band is read before its right.
    let left: Placed[][] = [];
    let right: Placed[][] = [];
    const flush = () => {
      ordered.push(...left, ...right);
      left = [];
      right = [];
    };
    for (const row of rows) {
      if (row.items.some((item) => item.x < gutter && item.end > gutter)) {
        flush();
        ordered.push(row.items);
        continue;
      }
      const leftPart = row.items.filter((item) => item.end <= gutter);
      const rightPart = row.items.filter((item) => item.x >= gutter);
      if (leftPart.length) left.push(leftPart);
      if (rightPart.length) right.push(rightPart);
    }
    flush();
  }
  return ordered.map((rowItems) => toLine(rowItems, page.number)).filter((line): line is PdfLine => line !== null);
}

function placeItems(items: PdfItem[]): Placed[] {
  const placed: Placed[] = items
    .map((item, index) => ({ ...item, index, end: item.x + (item.width > 0 ? item.width : item.str.length * item.size * 0.5), script: null, dropCap: false }))
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
      .filter((other) => other !== item && other.size < item.size * 0.6 && other.y > item.y - 1 && other.y <= item.y + item.size && other.x >= item.end - 1 && other.x - item.end < other.size * 0.8)
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

function scriptHost(row: Row, below: Row | undefined, above: Row | undefined): { row: Row; kind: 'sup' | 'sub' } | null {
  const fits = (host: Row) =>
    row.size <= host.size * 0.8 &&
    row.items.every((item) => item.x >= hostStart(host) - 1 && item.x <= hostEnd(host) + host.size);
  if (below && row.y > below.y && row.y - below.y <= 0.8 * below.size && fits(below)) return { row: below, kind: 'sup' };
  if (above && row.y < above.y && above.y - row.y <= 0.4 * above.size && fits(above)) return { row: above, kind: 'sub' };
  return null;
}

const hostStart = (row: Row) => Math.min(...row.items.map((item) => item.x));
const hostEnd = (row: Row) => Math.max(...row.items.map((item) => item.end));

/**
 * The x of the gap between two columns, when the page is set in two: many rows have a gap there,
 * few rows cross it, and the text on both sides fills its column (a table's short cells do not).
 */
function findGutter(rows: Row[], width: number): number | null {
  const textRows = rows.filter((row) => row.items.length > 0);
  if (textRows.length < 8) return null;
  let best: { x: number; split: number } | null = null;
  for (let x = width * 0.3; x <= width * 0.7; x += 2) {
    let split = 0;
    let crossing = 0;
    for (const row of textRows) {
      if (row.items.some((item) => item.x < x && item.end > x)) crossing++;
      else if (row.items.some((item) => item.end <= x) && row.items.some((item) => item.x >= x)) split++;
    }
    if (crossing <= textRows.length * 0.15 && (!best || split > best.split)) best = { x, split };
  }
  if (!best || best.split < Math.max(5, textRows.length * 0.4)) return null;
  const gutter = best.x;
  const splitRows = textRows.filter((row) => row.items.some((item) => item.end <= gutter) && row.items.some((item) => item.x >= gutter));
  const leftMargin = Math.min(...splitRows.map(hostStart));
  const rightMargin = Math.max(...splitRows.map(hostEnd));
  const fullLeft = splitRows.filter((row) => Math.max(...row.items.filter((item) => item.end <= gutter).map((item) => item.end)) - leftMargin >= (gutter - leftMargin) * 0.6).length;
  const fullRight = splitRows.filter((row) => rightMargin - Math.min(...row.items.filter((item) => item.x >= gutter).map((item) => item.x)) >= (rightMargin - gutter) * 0.6).length;
  return fullLeft >= splitRows.length * 0.5 && fullRight >= splitRows.length * 0.5 ? gutter : null;
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
    if (previous && item.str === previous.str && Math.abs(item.x - previous.x) < 1 && Math.abs(item.y - previous.y) < 1) continue;
    let str = item.str;
    if (item.script) {
      const digits = str.trim();
      const table = item.script === 'sup' ? SUPERSCRIPT : SUBSCRIPT;
      if (/^\d{1,3}$/u.test(digits)) {
        if (item.script === 'sup') markers.push(digits);
        str = [...digits].map((digit) => table[digit]!).join('');
      }
    }
    if (previous) text += separator(text, previous, item);
    text += previous ? str.replace(/^\s+/u, (space) => (text.endsWith(' ') || text.endsWith('\t') ? '' : space)) : str.trimStart();
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
  const share = (test: (item: Placed) => boolean) => styled.filter(test).reduce((sum, item) => sum + item.str.trim().length, 0) / chars;
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
