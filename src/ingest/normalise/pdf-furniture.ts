/**
 * Normalise step for PDFs: what is on the page but not part of the reading text, found by
 * position and repetition rather than by wording. Running headers and footers (the same text at
 * the same height on many pages), page numbers, a cover page, tables of contents (pages whose
 * lines end in page numbers) and footnotes (small type at a page's foot, opened by a marker that
 * is set as a superscript above it). All of it stays inside the section spans (lossless).
 */
import { joinWrappedLine, plainDigits } from '../../core/text.ts';
import { TOC_LINE, TOC_TITLE } from './artefacts.ts';
import type { Artefact, Footnote, TocEntry } from './types.ts';
import type { PdfLayout, PdfLine } from '../load/pdf-types.ts';

/** The text style most characters are set in: what every other size and weight is measured against. */
export interface BodyStyle {
  size: number;
  font: string;
  bold: boolean;
}

export interface PdfFurniture {
  body: BodyStyle;
  artefacts: Artefact[];
  toc: TocEntry[];
  footnotes: Footnote[];
  /** Per line (index = line - 1): set aside as an artefact. */
  excluded: boolean[];
}

/** How much of a page's height counts as its top or bottom margin. */
const MARGIN = 0.1;
const PAGE_NUMBER = /^(?:(?:pagina|page|blz\.?|p\.)\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:\/|van|of)\s*\d{1,4})?$/iu;
const NOTE_START = /^(\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}|\*{1,3})\s+\S/u;

export function findPdfFurniture(layout: PdfLayout): PdfFurniture {
  const lines = layout.lines;
  const body = bodyStyle(lines);
  const excluded = new Array<boolean>(lines.length).fill(false);
  const artefacts: Artefact[] = [];
  const add = (kind: Artefact['kind'], start: number, end: number, note?: string) => {
    for (let no = start; no <= end; no++) excluded[no - 1] = true;
    artefacts.push(note === undefined ? { kind, start, end } : { kind, start, end, note });
  };
  findRunningLines(layout, add);
  findCover(layout, body, excluded, add);
  const toc = findTocPages(layout, excluded, add);
  const footnotes = findFootnotes(layout, body, excluded, add);
  artefacts.sort((a, b) => a.start - b.start || a.end - b.end);
  return { body, artefacts, toc, footnotes, excluded };
}

/** A line's style: its font size and font (the font name carries the weight). */
export function styleKey(line: PdfLine): string {
  return `${line.size}/${line.font}`;
}

export function bodyStyle(lines: PdfLine[]): BodyStyle {
  const counts = new Map<string, { style: BodyStyle; chars: number }>();
  for (const line of lines) {
    if (line.size === null || line.font === null || line.role === 'Artifact' || line.cells > 1) continue;
    const key = styleKey(line);
    const entry = counts.get(key) ?? { style: { size: line.size, font: line.font, bold: line.bold }, chars: 0 };
    entry.chars += line.text.length;
    counts.set(key, entry);
  }
  const best = [...counts.values()].sort((a, b) => b.chars - a.chars || a.style.size - b.style.size)[0];
  return best?.style ?? { size: 10, font: '', bold: false };
}

/** The non-blank lines of each page not yet set aside, by index, in page order. */
function textLinesByPage(lines: PdfLine[], excluded: boolean[]): Map<number, number[]> {
  const byPage = new Map<number, number[]>();
  lines.forEach((line, index) => {
    if (line.text.trim() === '' || excluded[index]) return;
    const list = byPage.get(line.page) ?? [];
    list.push(index);
    byPage.set(line.page, list);
  });
  return byPage;
}

type Add = (kind: Artefact['kind'], start: number, end: number, note?: string) => void;

/**
 * Headers, footers and page numbers: in a page's margin, and the same (digits aside) on many pages,
 * a page number, or tagged as an artefact.
 */
function findRunningLines(layout: PdfLayout, add: Add): void {
  const pageHeight = new Map(layout.pages.map((page) => [page.number, page.height]));
  const inMargin = (line: PdfLine) => {
    const height = pageHeight.get(line.page) ?? 842;
    return line.y !== null && (line.y > height * (1 - MARGIN) || line.y < height * MARGIN);
  };
  const key = (line: PdfLine) =>
    `${Math.round((line.y ?? 0) / 6)}|${line.text.toLowerCase().replace(/\d+/gu, '#').replace(/\s+/gu, ' ')}`;
  const pagesOf = new Map<string, Set<number>>();
  layout.lines.forEach((line) => {
    if (!inMargin(line)) return;
    const pages = pagesOf.get(key(line)) ?? new Set<number>();
    pages.add(line.page);
    pagesOf.set(key(line), pages);
  });
  // Three pages make a running line: a chapter's own header repeats on that chapter's pages only.
  const repeated = Math.min(3, Math.max(2, layout.pages.length - 1));
  layout.lines.forEach((line, index) => {
    if (!inMargin(line)) return;
    const top = line.y! > (pageHeight.get(line.page) ?? 842) / 2;
    if (PAGE_NUMBER.test(line.text)) add('page-number', index + 1, index + 1, `page ${line.page}`);
    else if ((pagesOf.get(key(line))?.size ?? 0) >= repeated || line.role === 'Artifact') {
      add(
        top ? 'running-header' : 'running-footer',
        index + 1,
        index + 1,
        `on ${pagesOf.get(key(line))?.size ?? 1} page(s)`,
      );
    }
  });
}

/** A first page of a few large lines and hardly any body text is a cover. */
function findCover(layout: PdfLayout, body: BodyStyle, excluded: boolean[], add: Add): void {
  if (layout.pages.length < 3) return;
  const first: number[] = [];
  layout.lines.forEach((line, index) => {
    if (line.page === 1 && line.text.trim() !== '' && !excluded[index]) first.push(index);
  });
  if (first.length === 0 || first.length > 15) return;
  const bodyLines = first.filter((index) => {
    const line = layout.lines[index]!;
    return line.size !== null && line.size <= body.size * 1.05 && line.text.split(/\s+/u).length >= 8;
  });
  if (bodyLines.length >= 3) return;
  add('cover', first[0]! + 1, first[first.length - 1]! + 1, `page 1: ${first.length} line(s)`);
}

/**
 * A table of contents: a page most of whose lines end in a page number (after dot leaders or a
 * tab stop), an entry wrapped over two lines counted with its number; tagged TOC entries too.
 */
function findTocPages(layout: PdfLayout, excluded: boolean[], add: Add): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const indexes of textLinesByPage(layout.lines, excluded).values()) {
    const isEntry = (index: number) =>
      TOC_LINE.test(layout.lines[index]!.text) || (layout.lines[index]!.role ?? '').startsWith('TOC');
    const member = indexes.map(isEntry);
    // Wrapped entries: a line that does not end in a page number, followed by one that does.
    for (let position = 0; position + 1 < indexes.length; position++) {
      if (
        !member[position] &&
        isEntry(indexes[position + 1]!) &&
        /^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?\S/u.test(layout.lines[indexes[position]!]!.text)
      ) {
        const text = layout.lines[indexes[position]!]!.text;
        if (!TOC_TITLE.test(text.trim()) && (/^\d/u.test(text) || (position > 0 && member[position - 1])))
          member[position] = true;
      }
    }
    const count = member.filter(Boolean).length;
    const entryCount = indexes.filter(isEntry).length;
    if (entryCount < 3 || count < indexes.length * 0.6) {
      entries.push(...titledContents(layout, indexes, add));
      continue;
    }
    const first = member.indexOf(true);
    const last = member.lastIndexOf(true);
    // An entry wrapped over lines: its number and first words on one line, the page number on the last.
    let pending: TocEntry | null = null as TocEntry | null;
    for (let position = first; position <= last; position++) {
      const index = indexes[position]!;
      const text = layout.lines[index]!.text;
      const match = TOC_LINE.exec(text);
      if (match) {
        const start: TocEntry = pending ?? { number: match[1] ?? null, title: '', line: index + 1 };
        const title = `${start.title} ${match[2]!}`
          .replace(/\s*\.+$/u, '')
          .replace(/\s+/gu, ' ')
          .trim();
        entries.push({ number: start.number, title, line: start.line });
        pending = null;
      } else if (member[position]) {
        const head = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(.*)$/u.exec(text);
        pending = pending
          ? { number: pending.number, title: `${pending.title} ${text}`, line: pending.line }
          : { number: head ? head[1]! : null, title: head ? head[2]! : text, line: index + 1 };
      }
    }
    add('toc', indexes[first]! + 1, indexes[last]! + 1, `${entryCount} entries`);
  }
  return entries;
}

const TOC_NUMBERED = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$/u;

/**
 * A table of contents without page numbers: under a title such as "Inhoudsopgave", a page of
 * short numbered lines (a web page printed, a policy that links its entries instead).
 */
function titledContents(layout: PdfLayout, indexes: number[], add: Add): TocEntry[] {
  const titleAt = indexes.findIndex((index) => TOC_TITLE.test(layout.lines[index]!.text.trim()));
  if (titleAt < 0) return [];
  const after = indexes.slice(titleAt + 1);
  const entry = (index: number) => {
    const text = layout.lines[index]!.text.trim();
    return TOC_NUMBERED.test(text) && text.length <= 110 && !/[.;:,]$/u.test(text);
  };
  const numbered = after.filter(entry);
  if (numbered.length < 3 || numbered.length < after.length * 0.6) return [];
  add('toc', after[0]! + 1, after[after.length - 1]! + 1, `${numbered.length} entries without page numbers`);
  return numbered.map((index) => {
    const match = TOC_NUMBERED.exec(layout.lines[index]!.text.trim())!;
    return { number: match[1]!, title: match[2]!, line: index + 1 };
  });
}

/**
 * Footnotes: the small-type lines at a page's foot, each note opened by its marker, where that
 * marker is set as a superscript in the text above (on this page or the one before) or the
 * notes are tagged as such.
 */
function findFootnotes(layout: PdfLayout, body: BodyStyle, excluded: boolean[], add: Add): Footnote[] {
  const notes: Footnote[] = [];
  const lines = layout.lines;
  const markersOn = new Map<number, Map<string, number>>();
  lines.forEach((line, index) => {
    for (const marker of line.markers) {
      const map = markersOn.get(line.page) ?? new Map<string, number>();
      if (!map.has(marker)) map.set(marker, index + 1);
      markersOn.set(line.page, map);
    }
  });
  for (const [page, indexes] of textLinesByPage(lines, excluded)) {
    const foot: number[] = [];
    for (let position = indexes.length - 1; position >= 0; position--) {
      const line = lines[indexes[position]!]!;
      if (line.size === null || line.size > body.size * 0.9) break;
      // The notes stand apart from the text above them: small type above a gap (a table) is not a note.
      if (
        foot.length > 0 &&
        lines[indexes[position]! + 1]?.text.trim() === '' &&
        NOTE_START.test(lines[foot[0]!]!.text)
      )
        break;
      foot.unshift(indexes[position]!);
    }
    if (foot.length === 0 || foot.length === indexes.length || !NOTE_START.test(lines[foot[0]!]!.text)) continue;
    const reference = (marker: string) =>
      markersOn.get(page)?.get(marker) ?? markersOn.get(page - 1)?.get(marker) ?? null;
    const tagged = foot.every((index) => (lines[index]!.role ?? '').startsWith('Note'));
    const firstMarker = plainDigits(NOTE_START.exec(lines[foot[0]!]!.text)![1]!);
    if (!tagged && reference(firstMarker) === null) continue;
    const noteX = Math.min(...foot.map((index) => lines[index]!.x ?? 0));
    let current: Footnote | null = null;
    for (const index of foot) {
      const line = lines[index]!;
      const start = NOTE_START.exec(line.text);
      if (start && (line.x ?? 0) <= noteX + 1) {
        const marker = plainDigits(start[1]!);
        current = {
          marker,
          text: line.text.slice(start[1]!.length).trim(),
          lines: [index + 1, index + 1],
          reference: reference(marker),
        };
        notes.push(current);
      } else if (current) {
        current.text = joinWrappedLine(current.text, line.text);
        current.lines = [current.lines[0], index + 1];
      }
    }
    add('footnote', foot[0]! + 1, foot[foot.length - 1]! + 1, `page ${page}`);
  }
  return notes;
}
