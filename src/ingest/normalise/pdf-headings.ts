/**
 * Segment step for PDFs: which lines are headings, from every signal the PDF offers. The outline
 * (bookmarks) names headings and their depth; a tagged PDF's structure tree marks H1–H6; the
 * typography sets headings apart by size and weight from the body text; a leading number ties a
 * heading into the numbering. Each heading records the signals that made it one. Lines of one
 * style in a row are one heading (a title wrapped over two lines). Nothing here names a document.
 */
import { styleKey, type BodyStyle, type PdfFurniture } from './pdf-furniture.ts';
import type { PdfLayout, PdfLine } from '../load/pdf-types.ts';
import { joinWrappedLine } from '../../core/text.ts';
import { isSuccessor } from '../segment/detect-headings.ts';
import { LAYOUT_NUMBER } from '../segment/heading-rules.ts';
import { fold, matchOutline } from './pdf-outline.ts';

export interface LayoutHeading {
  /** First and last source line of the heading. */
  start: number;
  end: number;
  number: number[] | null;
  /** The heading's lines joined, as printed. */
  text: string;
  /** Why it is a heading: "outline", "tag:H2", "font:14.0/bold", "number". */
  signals: string[];
  /** The level its style, tag or bookmark gives (numbered headings take the depth of their number). */
  level: number;
}

export interface PdfHeadings {
  headings: LayoutHeading[];
  /** The PDF sets its headings apart by typography, tags or bookmarks (not plain text only). */
  structured: boolean;
  /** The deepest numbering level that typography or tags mark; deeper numbered lines may be body-styled headings. */
  styledDepth: number;
}

/** A style that covers more of the text than this is body text, however it looks. */
const MAX_HEADING_SHARE = 0.2;
/** A run of more lines than this in a heading style is a paragraph set in bold, not a heading. */
const MAX_HEADING_LINES = 4;
const HEADING_TAG = /^H([1-6])?$/u;
const LIST_ROLE = /^(?:L|LI|Lbl|LBody)$/u;

interface Run {
  first: number;
  last: number;
  text: string;
}

export function findPdfHeadings(layout: PdfLayout, furniture: PdfFurniture): PdfHeadings {
  const lines = layout.lines;
  const body = furniture.body;
  const inTable = tableContinuations(lines);
  const eligible = (index: number) => isEligible(lines[index]!, furniture.excluded[index]!) && !inTable[index];
  const share = styleShares(lines);
  const taggedHeadings = lines.filter((line) => HEADING_TAG.test(line.role ?? '')).length >= 3;
  const fromOutline = matchOutline(layout, eligible);

  const candidates: Array<Run & { signals: string[]; outlineDepth: number | null; tagLevel: number | null }> = [];
  let index = 0;
  while (index < lines.length) {
    const outlined = fromOutline.get(index);
    if (outlined) {
      const run = { first: index, last: outlined.last, text: joinLines(lines, index, outlined.last) };
      const signals = ['outline', ...styleSignals(lines[index]!, body, share), ...tagSignals(lines[index]!)];
      candidates.push({ ...run, signals, outlineDepth: outlined.depth, tagLevel: tagLevel(lines[index]!) });
      index = outlined.last + 1;
      continue;
    }
    if (!eligible(index)) {
      index++;
      continue;
    }
    const run = styleRun(lines, index, eligible, fromOutline);
    index = run.last + 1;
    const line = lines[run.first]!;
    const font = styleSignals(line, body, share);
    const tags = tagSignals(line);
    const numbered = LAYOUT_NUMBER.test(run.text);
    const lineCount = run.last - run.first + 1;
    if (lineCount > MAX_HEADING_LINES || !titleLike(run.text, numbered || tags.length > 0)) continue;
    const byTag = tags.length > 0;
    // Where the tags mark headings, a styled line they call a list item or text is emphasis, unless numbered.
    const taggedAsText = taggedHeadings && !byTag && (LIST_ROLE.test(line.role ?? '') || !numbered);
    const byFont =
      font.length > 0 && !taggedAsText && (byTag || numbered || followedByText(lines, run.last, furniture.excluded));
    if (!byTag && !byFont) continue;
    candidates.push({ ...run, signals: [...font, ...tags], outlineDepth: null, tagLevel: tagLevel(line) });
  }

  // A numbered line that only its style marks must continue the numbering (or be listed in the
  // table of contents): a bold "1. ..." in the middle of chapter 7 is a list item.
  const tocTitles = new Map(
    furniture.toc.filter((entry) => entry.number !== null).map((entry) => [entry.number!, fold(entry.title)]),
  );
  const inToc = (number: number[], text: string) => {
    const listed = tocTitles.get(number.join('.'));
    const title = fold(text.replace(LAYOUT_NUMBER, '$2'));
    return (
      listed !== undefined &&
      listed.length > 0 &&
      (listed.startsWith(title.slice(0, 24)) || title.startsWith(listed.slice(0, 24)))
    );
  };
  const accepted: typeof candidates = [];
  const headings: LayoutHeading[] = [];
  let current: number[] | null = null;
  for (const candidate of candidates) {
    const match = LAYOUT_NUMBER.exec(candidate.text);
    const number = match ? parseNumber(match[1]!) : null;
    const styleOnly = !candidate.signals.some((signal) => signal === 'outline' || signal.startsWith('tag:'));
    if (number && styleOnly && !isSuccessor(current, number, true) && !inToc(number, candidate.text)) continue;
    if (number) current = number;
    accepted.push(candidate);
    headings.push({
      start: candidate.first + 1,
      end: candidate.last + 1,
      number,
      text: candidate.text,
      signals: number ? [...candidate.signals, 'number'] : candidate.signals,
      level: number?.length ?? candidate.outlineDepth ?? 0,
    });
  }
  assignStyleLevels(headings, accepted, lines);
  const styledDepth = Math.max(
    0,
    ...headings.filter((heading) => heading.number).map((heading) => heading.number!.length),
  );
  // Every heading found here has a signal of layout (bookmark, tag or style).
  const structured = headings.length >= 3;
  return { headings, structured, styledDepth };
}

function isEligible(line: PdfLine, excluded: boolean): boolean {
  if (excluded || line.text.trim() === '' || line.cells > 1) return false;
  const role = line.role ?? '';
  return !/^(?:Table|TOC|Note|Figure)\b/u.test(role) && role !== 'Artifact';
}

/**
 * Per line: it lies right under a row of cells, or under such a line (no blank line between), and
 * starts to the right of that row's first cell: the wrapped rest of a cell of an untagged table,
 * not a heading.
 */
function tableContinuations(lines: PdfLine[]): boolean[] {
  const within = new Array<boolean>(lines.length).fill(false);
  let row: PdfLine | null = null;
  lines.forEach((line, index) => {
    const above = lines[index - 1];
    if (line.cells > 1) row = line;
    else if (
      !above ||
      above.y === null ||
      line.y === null ||
      above.page !== line.page ||
      !(above.cells > 1 || within[index - 1])
    )
      row = null;
    else within[index] = row !== null && row.x !== null && line.x !== null && line.x > row.x + (line.size ?? 10);
  });
  return within;
}

function styleShares(lines: PdfLine[]): Map<string, number> {
  const chars = new Map<string, number>();
  let total = 0;
  for (const line of lines) {
    if (line.size === null) continue;
    chars.set(styleKey(line), (chars.get(styleKey(line)) ?? 0) + line.text.length);
    total += line.text.length;
  }
  return new Map([...chars].map(([key, count]) => [key, count / Math.max(1, total)]));
}

/**
 * "font:14.0/bold" when the line is set larger than the body text, or bold where the body is not,
 * in a style rare enough for headings.
 */
function styleSignals(line: PdfLine, body: BodyStyle, share: Map<string, number>): string[] {
  if (line.size === null) return [];
  const larger = line.size >= body.size * 1.15;
  const bolder = line.bold && !body.bold && line.size >= body.size * 0.9;
  if (!(larger || bolder) || (share.get(styleKey(line)) ?? 0) > MAX_HEADING_SHARE) return [];
  return [`font:${line.size.toFixed(1)}/${line.bold ? 'bold' : 'regular'}`];
}

function tagSignals(line: PdfLine): string[] {
  return HEADING_TAG.test(line.role ?? '') ? [`tag:${line.role}`] : [];
}

function tagLevel(line: PdfLine): number | null {
  const match = HEADING_TAG.exec(line.role ?? '');
  return match?.[1] ? Number(match[1]) : null;
}

/** Consecutive lines of one style on one page (no blank line between): a heading wrapped over lines, or a paragraph. */
function styleRun(
  lines: PdfLine[],
  first: number,
  eligible: (index: number) => boolean,
  outline: Map<number, unknown>,
): Run {
  let last = first;
  while (
    last + 1 < lines.length &&
    eligible(last + 1) &&
    !outline.has(last + 1) &&
    lines[last + 1]!.page === lines[first]!.page &&
    styleKey(lines[last + 1]!) === styleKey(lines[first]!) &&
    !LAYOUT_NUMBER.test(lines[last + 1]!.text)
  )
    last++;
  return { first, last, text: joinLines(lines, first, last) };
}

function joinLines(lines: PdfLine[], first: number, last: number): string {
  let text = '';
  for (let index = first; index <= last; index++) text = joinWrappedLine(text, lines[index]!.text.trim());
  return text.replace(/\s+/gu, ' ');
}

function titleLike(text: string, strongSignal: boolean): boolean {
  const words = text.split(/\s+/u).length;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters < 2 || text.length > 300 || words > 40) return false;
  if (/[,;]$/u.test(text)) return false;
  if (!strongSignal && (/[.:]$/u.test(text) || words > 20)) return false;
  return true;
}

/** The lines after a heading read as text: a paragraph of some length, or a list. */
function followedByText(lines: PdfLine[], last: number, excluded: boolean[]): boolean {
  let words = 0;
  let text = '';
  for (let index = last + 1; index < lines.length && words < 16; index++) {
    const line = lines[index]!;
    if (excluded[index]) continue;
    if (line.text.trim() === '') {
      // A paragraph may go on after a page or column break; a finished sentence ends the look.
      if (/[.:;?!]$/u.test(text.trim())) break;
      continue;
    }
    if (/^[•●▪■◦·–-]\s/u.test(line.text) && text === '') return true;
    text += ` ${line.text}`;
    words = text.trim().split(/\s+/u).length;
  }
  return words >= 16 || (words >= 6 && /[.:;?!]$/u.test(text.trim()));
}

function parseNumber(text: string): number[] | null {
  const number = text.split('.').map(Number);
  return number.length > 1 && number.some((part) => part === 0) ? null : number;
}

/**
 * Unnumbered headings take the level that headings of their style have elsewhere in the document
 * (by number or bookmark), else their tag's level, else their style's rank by size and weight.
 */
function assignStyleLevels(
  headings: LayoutHeading[],
  candidates: Array<{ first: number; tagLevel: number | null }>,
  lines: PdfLine[],
): void {
  const votes = new Map<string, Map<number, number>>();
  headings.forEach((heading) => {
    if (heading.level === 0) return;
    const key = styleKey(lines[heading.start - 1]!);
    const tally = votes.get(key) ?? new Map<number, number>();
    tally.set(heading.level, (tally.get(heading.level) ?? 0) + 1);
    votes.set(key, tally);
  });
  const styleLevel = new Map(
    [...votes].map(([key, tally]) => [key, [...tally].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]]),
  );
  const ranked = [...new Set(headings.map((heading) => styleKey(lines[heading.start - 1]!)))].sort(
    (a, b) => prominence(b) - prominence(a),
  );
  headings.forEach((heading, position) => {
    if (heading.level !== 0) return;
    const key = styleKey(lines[heading.start - 1]!);
    heading.level = styleLevel.get(key) ?? candidates[position]!.tagLevel ?? levelByRank(key, ranked, styleLevel);
  });
}

function prominence(key: string): number {
  const [size, font] = [Number(key.split('/')[0]), key.slice(key.indexOf('/') + 1)];
  return size * 10 + (/bold|black|heavy|semibold/iu.test(font) ? 1 : 0);
}

/** A style without numbered examples sits one level below the nearest more prominent style that has a level. */
function levelByRank(key: string, ranked: string[], known: Map<string, number>): number {
  const position = ranked.indexOf(key);
  for (let above = position - 1; above >= 0; above--) {
    const level = known.get(ranked[above]!);
    if (level !== undefined) return level + (position - above);
  }
  return position + 1;
}
