/**
 * Normalise step for text sources: footnotes that a text layer or an export left in the flow. A
 * note is a line "3 Het effect van ..." (or "3 [3] ...") after a blank line whose number is the
 * next note's and whose marker stands earlier in the text, glued to a word ("gezondheid3.") or in
 * brackets ("[3]"). Notes are set aside (still inside the spans) and go with the section that
 * carries their marker; a glued marker is set as a superscript ("gezondheid³."), recorded as a fix.
 */
import { scriptDigits } from '../../core/text.ts';
import type { Artefact, Footnote, OcrFix, PreparedLine } from './types.ts';

const NOTE_LINE = /^(\d{1,2})\s*(?:\d{1,2}\]|\[\d{1,2}\])?\s+(\S.*)$/u;
/**
 * A digit glued to the end of a word, before punctuation or a space: a footnote marker in running
 * text. The digit is looked for before the word behind it, which lets the pattern skip to digits.
 */
const GLUED_MARKER = /(?=\d)(?<=\p{L}{3}[)\]]?)(\d{1,2})(?=[.,;:)]?(?:\s|$))/gu;
const BRACKET_MARKER = /\[(\d{1,2})\]/gu;
const HAS_DIGIT = /\d/u;
/** How far above its note a marker may stand, in lines. */
const MARKER_REACH = 150;
/** Lines between two notes of one block (a wrapped tail after a blank line). */
const NOTE_GAP = 3;

export interface TextFootnotes {
  artefacts: Artefact[];
  footnotes: Footnote[];
  fixes: OcrFix[];
  lines: PreparedLine[];
}

export function findTextFootnotes(lines: PreparedLine[], excluded: boolean[]): TextFootnotes {
  // Found only once a line looks like a first note: most texts have none, and a marker's pattern
  // is slow to run over every line.
  let markers: Map<string, number[]> | null = null;
  const markersOf = () => {
    if (markers) return markers;
    markers = new Map();
    for (const [index, line] of lines.entries()) {
      if (excluded[index] || !HAS_DIGIT.test(line.text)) continue;
      for (const pattern of [GLUED_MARKER, BRACKET_MARKER]) {
        for (const match of line.text.matchAll(pattern)) {
          const list = markers.get(match[1]!) ?? [];
          list.push(index);
          markers.set(match[1]!, list);
        }
      }
    }
    return markers;
  };
  const footnotes: Footnote[] = [];
  const artefacts: Artefact[] = [];
  const glued = new Map<number, Set<string>>();
  let expected = 1;
  let searchFrom = 0;
  let nextNoteAt = -1;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const match = NOTE_LINE.exec(line.text);
    const afterBreak = index === 0 || lines[index - 1]!.blank || line.pageStart || index === nextNoteAt;
    if (!match || excluded[index] || !afterBreak || Number(match[1]) !== expected) continue;
    const reference = (markersOf().get(match[1]!) ?? []).find(
      (at) => at < index && at >= Math.max(searchFrom, index - MARKER_REACH),
    );
    if (reference === undefined) continue;
    let end = index;
    let text = match[2]!.trim();
    while (
      end + 1 < lines.length &&
      !lines[end + 1]!.blank &&
      !excluded[end + 1] &&
      !NOTE_LINE.test(lines[end + 1]!.text)
    ) {
      end++;
      text = `${text} ${lines[end]!.text}`;
    }
    // The next note a few lines on: what lies between (a source's tail after a blank line) is this note's.
    nextNoteAt = -1;
    for (let ahead = end + 1; ahead <= end + NOTE_GAP && ahead < lines.length; ahead++) {
      if (Number(NOTE_LINE.exec(lines[ahead]!.text)?.[1]) !== expected + 1) continue;
      for (let between = end + 1; between < ahead; between++) {
        if (!lines[between]!.blank) text = `${text} ${lines[between]!.text}`;
      }
      end = ahead - 1;
      while (lines[end]!.blank) end--;
      nextNoteAt = ahead;
      break;
    }
    footnotes.push({ marker: match[1]!, text, lines: [line.no, lines[end]!.no], reference: lines[reference]!.no });
    artefacts.push({
      kind: 'footnote',
      start: line.no,
      end: lines[end]!.no,
      note: `note ${match[1]}, marker on line ${lines[reference]!.no}`,
    });
    const set = glued.get(reference) ?? new Set<string>();
    set.add(match[1]!);
    glued.set(reference, set);
    expected++;
    searchFrom = reference;
    index = end;
  }
  const fixes: OcrFix[] = [];
  const rewritten = lines.map((line, index) => {
    const numbers = glued.get(index);
    if (!numbers) return line;
    const replace = (text: string) =>
      text.replace(GLUED_MARKER, (digits: string) => (numbers.has(digits) ? scriptDigits(digits) : digits));
    const full = replace(line.full);
    if (full === line.full) return line;
    for (const digits of numbers) {
      const word = new RegExp(`\\p{L}+[)\\]]?${digits}(?=[.,;:)]?(?:\\s|$))`, 'u').exec(line.full)?.[0];
      if (word) fixes.push({ line: line.no, from: word, to: word.slice(0, -digits.length) + scriptDigits(digits) });
    }
    return { ...line, full, text: full.trim() };
  });
  return { artefacts, footnotes, fixes, lines: rewritten };
}
