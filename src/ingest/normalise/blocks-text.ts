/**
 * Normalise step 3 for plain-text sources (PDF text layers, OCR): join wrapped lines into
 * paragraphs and list items, undo end-of-line hyphenation, turn bullet glyphs into list items.
 */
import type { Block, PreparedLine } from './types.ts';
import { isTitleLike, NUMBER_ONLY } from '../segment/heading-rules.ts';

/** Bullet glyphs as PDF text layers and OCR render them: •, ®, °, ¢, «, and e/o/. read for a dot. */
export const BULLET = /^(?:[•●▪■◦·¢®°«]\*?|\*|[-–](?=\s)|[eo.](?=\s+[\p{Lu}(‘'"“]))\s+/u;
/** A line that opens with a section number and a capitalised word: a heading or a numbered item. */
export const NUMBERED_START = /^\d{1,2}(?:\.\d{1,2})*[.)]?\s+[\p{Lu}‘'"“([]/u;
const CONJUNCTION_AFTER_HYPHEN = /^(?:en|of|tot|en\/of|t\/m)\b/u;
const TERMINAL = /[.:;?!]$/u;

export function lineWidth(lines: PreparedLine[]): number {
  const lengths = lines
    .filter((line) => !line.blank)
    .map((line) => line.text.length)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return 80;
  return Math.max(40, lengths[Math.floor(lengths.length * 0.9)]!);
}

interface OpenBlock extends Block {
  lastLine: string;
}

/** Where a PDF's layout has already decided: lines that must open a block, lines that must continue one. */
export interface BlockBreaks {
  before: Set<number>;
  joined: Set<number>;
}

export function buildTextBlocks(
  lines: PreparedLine[],
  excluded: boolean[],
  width: number,
  breaks?: BlockBreaks,
): Block[] {
  // Only a hyphen at a line end between lower-case letters asks for it: built on first need.
  const vocabulary = lazyVocabulary(lines);
  const blocks: Block[] = [];
  let open: OpenBlock | null = null;
  let sawBreak = true;

  const startBlock = (line: PreparedLine, afterBreak: boolean): OpenBlock => {
    const bullet = BULLET.exec(line.text);
    const text = bullet ? line.text.slice(bullet[0].length) : line.text;
    return {
      kind: bullet ? 'list-item' : 'paragraph',
      start: line.no,
      end: line.no,
      text,
      depth: 0,
      ordered: false,
      afterBreak,
      pageStart: line.pageStart,
      emphasised: false,
      maxLineLength: line.text.length,
      lineOffsets: [[0, line.no]],
      lastLine: line.text,
    };
  };

  for (const line of lines) {
    if (excluded[line.no - 1]) {
      // An artefact (e.g. a link dump) ends the paragraph only when prose does not continue after it.
      continue;
    }
    if (line.blank) {
      sawBreak = true;
      continue;
    }
    const breakBefore = sawBreak || line.pageStart;
    sawBreak = false;
    const decided = breaks?.joined.has(line.no) ? true : breaks?.before.has(line.no) ? false : null;
    if (open && (decided ?? continues(open, line, breakBefore, width))) {
      appendLine(open, line, vocabulary);
      continue;
    }
    if (open) blocks.push(close(open));
    open = startBlock(line, breakBefore);
  }
  if (open) blocks.push(close(open));
  return blocks;
}

function close(block: OpenBlock): Block {
  const { lastLine: _lastLine, ...rest } = block;
  return rest;
}

/** Does `line` continue the open block (a wrapped line) rather than start a new one? */
function continues(open: OpenBlock, line: PreparedLine, breakBefore: boolean, width: number): boolean {
  const text = line.text;
  const previous = open.lastLine;
  if (BULLET.test(text) || NUMBERED_START.test(text)) return false;
  if (NUMBER_ONLY.test(previous) || NUMBER_ONLY.test(text)) return false;
  if (previous.endsWith(';')) return false;
  const first = text.charAt(0);
  const lowercaseOrDigit = /[\p{Ll}\d(]/u.test(first);
  if (lowercaseOrDigit) {
    // A numbered title on a line of its own, then a paragraph that happens to open in lower case
    // ("2.2.3.3 Ziekenhuisverplaatste zorg" / "a.s.r. ondersteunt de ontwikkeling naar ..."): a
    // heading and its body, not one wrapped line. A title that wraps ends mid-phrase ("... en")
    // or goes on in a short line, so it is not taken for one.
    if (
      open.start === open.end &&
      NUMBERED_START.test(previous) &&
      previous.length < width * 0.85 &&
      text.length >= width * 0.6 &&
      isTitleLike(previous.replace(/^\S+\s+/u, ''))
    )
      return false;
    // A wrapped line, also across a blank line or a page break that split the paragraph; after a
    // lead-in ending in ":" and a blank line, a list follows instead.
    return !(breakBefore && /[.!?:]$/u.test(previous));
  }
  if (breakBefore) return false;
  if (previous.endsWith('-') || previous.endsWith('/')) return true;
  // A title line on its own above a paragraph ("Principe 2: ..."): shorter than a full line.
  if (open.start === open.end && previous.length < width * 0.85 && text.length >= width * 0.6 && isTitleLike(previous))
    return false;
  if (TERMINAL.test(previous) && previous.length < width * 0.9) return false;
  if (previous.length < width * 0.7) return false;
  return true;
}

function appendLine(open: OpenBlock, line: PreparedLine, vocabulary: Vocabulary): void {
  const text = line.text;
  let joined: string;
  if (open.text.endsWith('-')) {
    joined = joinHyphenated(open.text, text, vocabulary);
  } else if (open.text.endsWith('/')) {
    joined = open.text + text;
  } else {
    joined = `${open.text} ${text}`;
  }
  const offset = joined.length - text.length;
  open.text = joined;
  open.end = line.no;
  open.lineOffsets.push([offset, line.no]);
  open.maxLineLength = Math.max(open.maxLineLength, text.length);
  open.lastLine = text;
}

/**
 * "verbe-" + "teren" drops the hyphen when the document spells "verbeteren" elsewhere;
 * "medisch-" + "specialistische" keeps it when "medisch" is a word of the document (a Dutch
 * compound); "Zvw-" + "en" keeps it with a space (an elided compound); otherwise the hyphen was
 * a line-end hyphenation and goes.
 */
function joinHyphenated(before: string, after: string, vocabulary: Vocabulary): string {
  if (CONJUNCTION_AFTER_HYPHEN.test(after)) return `${before} ${after}`;
  const head = /([\p{L}]+)-$/u.exec(before)?.[1] ?? '';
  const tail = /^[\p{L}]+/u.exec(after)?.[0] ?? '';
  const lowercaseJoin = head !== '' && tail !== '' && /\p{Ll}$/u.test(head) && /^\p{Ll}/u.test(tail);
  if (!lowercaseJoin) return before + after;
  const words = vocabulary();
  const joinedIsWord = words.has((head + tail).toLowerCase());
  const headIsWord = words.has(head.toLowerCase());
  return joinedIsWord || !headIsWord ? before.slice(0, -1) + after : before + after;
}

/** The document's words of four letters or more, lower-cased. */
type Vocabulary = () => Set<string>;

function lazyVocabulary(lines: PreparedLine[]): Vocabulary {
  let words: Set<string> | null = null;
  return () => (words ??= collectVocabulary(lines));
}

function collectVocabulary(lines: PreparedLine[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    // A fragment hyphenated at the line end ("inge-") is not evidence of a word.
    const text = line.text.endsWith('-') ? line.text.slice(0, line.text.search(/\p{L}*-$/u)) : line.text;
    for (const word of text.match(/\p{L}{4,}/gu) ?? []) words.add(word.toLowerCase());
  }
  return words;
}
