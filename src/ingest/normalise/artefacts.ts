/**
 * Normalise step 2: find lines that belong to no reading text: a table of contents, a block
 * printed twice, link dumps at page ends, a running sidebar with contact details. They stay in
 * the section spans (lossless) but leave the section text.
 */
import type { Artefact, PreparedLine, TocEntry } from './types.ts';

/** A table-of-contents line: number, title, then leader dots or a tab and the page number. */
export const TOC_LINE = /^(?:(\d{1,2}(?:\.\d{1,2})*)\.?[\s\t]+)?(\S.*?)\s*(?:\.{3,}|…+|\t)\s*\d{1,3}\s*$/u;
export const TOC_TITLE =
  /^(?:#{1,6}\s*)?(?:\*\*)?(inhoud|inhoudsopgave|inhoudstafel|contents|table of contents)(?:\*\*)?$/iu;
const URL_ONLY = /^(?:<)?(?:https?:\/\/|mailto:|www\.)\S+?(?:>)?$/u;
const CONTACT = [
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u,
  /(?:\+31|\b0)\d{1,3}[\s-]?\d{2,4}[\s-]?\d{2,4}(?:[\s-]?\d{2,4})?\b/u,
  /\b\d{4}\s?[A-Z]{2}\b/u,
  /^Postbus\b/iu,
  /\b(?:www\.|https?:\/\/)/u,
  /\bUZOVI\b/u,
  /^[\p{Lu}\d\s:.&-]{6,}$/u,
];
const ADDRESS_ONLY = /^(?:\d{4}\s?[A-Z]{2}\s+\p{Lu}[\p{L}' -]+|Postbus \d+|(?:\+31|0)[\d\s-]{9,13})$/u;
const NUMBERED_HEADING = /^\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}/u;

export function findArtefacts(
  lines: PreparedLine[],
  markdown: boolean,
  options: { toc: boolean } = { toc: true },
): { artefacts: Artefact[]; toc: TocEntry[] } {
  const marked = new Array<boolean>(lines.length).fill(false);
  const artefacts: Artefact[] = [];
  const add = (kind: Artefact['kind'], start: number, end: number, note?: string) => {
    for (let no = start; no <= end; no++) marked[no - 1] = true;
    artefacts.push(note === undefined ? { kind, start, end } : { kind, start, end, note });
  };
  const toc = options.toc ? findToc(lines, add) : [];
  findDuplicates(lines, marked, add);
  if (!markdown) {
    findLinkDumps(lines, marked, add);
    findSidebars(lines, marked, add);
  }
  artefacts.sort((a, b) => a.start - b.start);
  return { artefacts, toc };
}

/** A table-of-contents line ends in a page number: a cheap test first, since most lines do not. */
function tocLine(text: string): RegExpExecArray | null {
  return ENDS_IN_DIGIT.test(text) ? TOC_LINE.exec(text) : null;
}
const ENDS_IN_DIGIT = /\d\s*$/u;

type AddArtefact = (kind: Artefact['kind'], start: number, end: number, note?: string) => void;

function findToc(lines: PreparedLine[], add: AddArtefact): TocEntry[] {
  const entries: TocEntry[] = [];
  let index = 0;
  while (index < lines.length) {
    let end = index;
    const run: TocEntry[] = [];
    while (end < lines.length) {
      const line = lines[end]!;
      if (!line.blank) {
        const match = tocLine(line.text);
        if (!match) break;
        run.push({ number: match[1] ?? null, title: match[2]!.replace(/\s*\.+$/, ''), line: line.no });
      }
      end++;
    }
    if (run.length >= 3) {
      let start = run[0]!.line;
      // The "Inhoudsopgave" title above the entries belongs to the table of contents too.
      for (let back = start - 2; back >= 0 && back >= start - 4; back--) {
        if (lines[back]!.blank) continue;
        if (TOC_TITLE.test(lines[back]!.text)) start = lines[back]!.no;
        break;
      }
      add('toc', start, run[run.length - 1]!.line, `${run.length} entries`);
      entries.push(...run);
      index = end;
    } else {
      index = Math.max(end, index + 1);
    }
  }
  return entries;
}

const RECENT_COPIES = 8;

/** A long run of lines printed a second time (e.g. an appendix repeated in the PDF). */
function findDuplicates(lines: PreparedLine[], marked: boolean[], add: AddArtefact): void {
  // Letters and digits only, but a dot between digits kept: "44.1 Titel" is not "441 Titel". The
  // dot is matched before what precedes it, which lets the pattern skip to the next dot.
  const key = (line: PreparedLine) =>
    line.text
      .toLowerCase()
      .replace(/\.(?<=\p{N}\.)(?=\p{N})/gu, '·')
      .replace(/[^\p{L}\p{N}·]+/gu, '');
  const content = lines.map((line, index) => ({ index, key: key(line) })).filter((entry) => entry.key.length > 0);
  const firstSeen = new Map<string, number[]>();
  let position = 0;
  while (position < content.length) {
    const current = content[position]!;
    let best = { length: 0, from: -1 };
    if (current.key.length >= 20) {
      // Only the latest few earlier copies of the line: a line of boilerplate repeated under each
      // of thousands of headings made every copy compare with every other (quadratic time), and a
      // block printed twice repeats a recent copy.
      for (const earlier of (firstSeen.get(current.key) ?? []).slice(-RECENT_COPIES)) {
        let length = 0;
        while (
          position + length < content.length &&
          earlier + length < position &&
          content[earlier + length]!.key === content[position + length]!.key
        )
          length++;
        if (length > best.length) best = { length, from: earlier };
      }
    }
    const chars = content.slice(position, position + best.length).reduce((sum, entry) => sum + entry.key.length, 0);
    if (best.length >= 12 && chars >= 600) {
      const startLine = content[position]!.index + 1;
      const endLine = content[position + best.length - 1]!.index + 1;
      const originalStart = content[best.from]!.index + 1;
      const originalEnd = content[best.from + best.length - 1]!.index + 1;
      if (!marked.slice(startLine - 1, endLine).some(Boolean)) {
        add('duplicate', startLine, endLine, `repeats lines ${originalStart}–${originalEnd}`);
      }
      position += best.length;
      continue;
    }
    const seen = firstSeen.get(current.key);
    if (seen) seen.push(position);
    else firstSeen.set(current.key, [position]);
    position++;
  }
}

function findLinkDumps(lines: PreparedLine[], marked: boolean[], add: AddArtefact): void {
  let index = 0;
  while (index < lines.length) {
    if (!marked[index] && URL_ONLY.test(lines[index]!.text)) {
      let end = index;
      while (end + 1 < lines.length && !marked[end + 1] && URL_ONLY.test(lines[end + 1]!.text)) end++;
      add('link-dump', index + 1, end + 1);
      index = end + 1;
    } else index++;
  }
}

/** Short lines dense with contact details: a sidebar or letterhead read into the text flow. */
function findSidebars(lines: PreparedLine[], marked: boolean[], add: AddArtefact): void {
  const isShort = (line: PreparedLine) => line.text.length <= 45 && !NUMBERED_HEADING.test(line.text);
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.blank || marked[index] || !isShort(line)) {
      index++;
      continue;
    }
    let end = index;
    const members: PreparedLine[] = [line];
    for (let next = index + 1; next < lines.length; next++) {
      const candidate = lines[next]!;
      if (candidate.blank) continue;
      if (candidate.pageStart) break;
      if (marked[next] && URL_ONLY.test(candidate.text)) {
        end = next;
        continue;
      }
      if (marked[next] || !isShort(candidate)) break;
      members.push(candidate);
      end = next;
    }
    const contacts = members.filter((member) => CONTACT.some((pattern) => pattern.test(member.text))).length;
    if (
      (members.length >= 5 && contacts / members.length >= 0.5) ||
      (members.length === 1 && ADDRESS_ONLY.test(line.text))
    ) {
      add('sidebar', line.no, lines[end]!.no, `${contacts} of ${members.length} lines are contact details`);
    }
    index = end + 1;
  }
}
