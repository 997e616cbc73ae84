/**
 * Segment step 1: decide which blocks are headings. Markdown headings are explicit; in text
 * layers a heading is a numbered line whose number continues the document's numbering (so
 * footnotes "4 RVO inzake ..." and numbered list items are not headings), a "Bijlage" line, or a
 * short title line between a break and body text. A table of contents confirms numbers.
 */
import { squashSpaces } from '../../core/text.ts';
import {
  APPENDIX,
  APPENDIX_GROUP,
  EMPHASISED_TITLE,
  NUMBER_ONLY,
  SECTION_NUMBER,
  TITLE_AFTER_NUMBER,
  groupFrom,
  isBodyText,
  isTitleLike,
} from './heading-rules.ts';
import type { NormalisedSource, OcrFix } from '../normalise/types.ts';

export type HeadingKind = 'numbered' | 'appendix' | 'appendix-group' | 'plain';

export interface DetectedHeading {
  kind: HeadingKind;
  /** First and last block of the heading (a number alone on a line merges with its title). */
  firstBlock: number;
  lastBlock: number;
  start: number;
  end: number;
  number: number[] | null;
  title: string;
  /** Markdown heading depth; undefined for text-layer headings. */
  markdownDepth?: number;
  pageStart: boolean;
  /** "21" read for "2.1", a title joined from wrapped lines, ...: recorded in the output. */
  notes: string[];
  outOfSequence: boolean;
  /** PDF layouts: the level the heading's style, tag or bookmark gives. */
  level?: number;
  /** What made it a heading ("outline", "tag:H2", "font:14.0/bold", "number", "text"). */
  signals?: string[];
}

export interface HeadingDetection {
  headings: DetectedHeading[];
  ocrNumberFixes: OcrFix[];
}

export function detectHeadings(source: NormalisedSource): HeadingDetection {
  const tocNumbers = new Set(
    source.toc.map((entry) => entry.number).filter((number): number is string => number !== null),
  );
  const headings: DetectedHeading[] = [];
  const ocrNumberFixes: HeadingDetection['ocrNumberFixes'] = [];
  let current: number[] | null = null;
  let lastMarkdownDepth = 0;
  let lastWasPlainMarkdown = false;

  const accept = (heading: DetectedHeading) => {
    headings.push(heading);
    if (heading.number) current = heading.number;
  };

  for (let index = 0; index < source.blocks.length; index++) {
    const block = source.blocks[index]!;
    const base = {
      firstBlock: index,
      lastBlock: index,
      start: block.start,
      end: block.end,
      pageStart: block.pageStart,
      notes: [] as string[],
    };

    if (block.kind === 'heading') {
      const title = cleanTitle(block.text);
      const parsed = parseNumbered(title);
      const appendix = APPENDIX.test(title);
      if (parsed) {
        const outOfSequence = !isSuccessor(current, parsed.number) && !tocNumbers.has(parsed.number.join('.'));
        accept({
          ...base,
          kind: 'numbered',
          number: parsed.number,
          title: parsed.title,
          markdownDepth: block.depth,
          outOfSequence,
        });
      } else {
        accept({
          ...base,
          kind: appendix ? 'appendix' : APPENDIX_GROUP.test(title) ? 'appendix-group' : 'plain',
          number: null,
          title,
          markdownDepth: block.depth,
          outOfSequence: false,
        });
      }
      lastMarkdownDepth = block.depth;
      lastWasPlainMarkdown = !parsed;
      continue;
    }

    if (block.kind !== 'paragraph') continue;
    const text = block.text;

    if (source.markdown) {
      // Markdown: a paragraph that is one bold run ("**Principe 4: ...**") is a paragraph heading.
      const title = cleanTitle(text);
      if (
        block.emphasised &&
        isTitleLike(title, EMPHASISED_TITLE) &&
        isBodyText(groupFrom(source.blocks, index + 1), 0)
      ) {
        const depth =
          lastWasPlainMarkdown && lastMarkdownDepth >= 4 ? lastMarkdownDepth : Math.min(6, lastMarkdownDepth + 1);
        accept({ ...base, kind: 'plain', number: null, title, markdownDepth: depth, outOfSequence: false });
        lastMarkdownDepth = depth;
        lastWasPlainMarkdown = true;
      }
      continue;
    }

    // "3." alone, its title on the next line.
    const numberOnly = NUMBER_ONLY.exec(text);
    const next = source.blocks[index + 1];
    if (numberOnly && next && next.kind === 'paragraph' && isTitleLike(next.text, TITLE_AFTER_NUMBER)) {
      const number = numberOnly[1]!.split('.').map(Number);
      if (isSuccessor(current, number) || tocNumbers.has(number.join('.'))) {
        accept({
          ...base,
          kind: 'numbered',
          lastBlock: index + 1,
          end: next.end,
          number,
          title: next.text,
          notes: [`number "${text}" on line ${block.start} merged with its title on line ${next.start}`],
          outOfSequence: false,
        });
        index++;
        continue;
      }
    }

    const parsed = parseNumbered(text);
    if (parsed && isTitleLike(parsed.title)) {
      const reading = chooseReading(parsed, current, tocNumbers);
      if (reading) {
        if (reading.fixedFrom)
          ocrNumberFixes.push({ line: block.start, from: reading.fixedFrom, to: reading.number.join('.') });
        const notes = block.end > block.start ? [`heading wrapped over lines ${block.start}–${block.end} joined`] : [];
        if (reading.fixedFrom) notes.push(`number "${reading.fixedFrom}" read as "${reading.number.join('.')}"`);
        accept({
          ...base,
          kind: 'numbered',
          number: reading.number,
          title: parsed.title,
          notes,
          outOfSequence: reading.skipped,
        });
        continue;
      }
    }

    if (APPENDIX_GROUP.test(text) && (block.afterBreak || block.pageStart)) {
      accept({ ...base, kind: 'appendix-group', number: null, title: text, outOfSequence: false });
      continue;
    }
    if (APPENDIX.test(text) && isTitleLike(text)) {
      accept({ ...base, kind: 'appendix', number: null, title: text, outOfSequence: false });
      continue;
    }

    const previousIsHeading = headings.length > 0 && headings[headings.length - 1]!.lastBlock === index - 1;
    if ((block.afterBreak || previousIsHeading) && block.end - block.start <= 2 && isTitleLike(text)) {
      const following = groupFrom(source.blocks, index + 1);
      const nextIsHeadingLike =
        next !== undefined && (SECTION_NUMBER.test(next.text) || APPENDIX.test(next.text) || isTitleLike(next.text));
      if (isBodyText(following, source.lineWidth) || (block.pageStart && nextIsHeadingLike)) {
        const notes = block.end > block.start ? [`heading wrapped over lines ${block.start}–${block.end} joined`] : [];
        accept({ ...base, kind: 'plain', number: null, title: text, notes, outOfSequence: false });
      }
    }
  }
  return { headings, ocrNumberFixes };
}

function cleanTitle(text: string): string {
  return squashSpaces(text.replace(/^[*_]+|[*_]+$/gu, '').replace(/\*\*/gu, ''));
}

function parseNumbered(text: string): { number: number[]; numberText: string; title: string } | null {
  const match = SECTION_NUMBER.exec(text);
  if (!match) return null;
  const number = match[1]!.split('.').map(Number);
  if (number.some((part) => part === 0) && number.length > 1) return null;
  return { number, numberText: match[1]!, title: squashSpaces(match[2]!) };
}

/**
 * The numbers that may follow `current`: the next sibling at any depth (2.2.1 → 2.2.2, 2.3, 3)
 * or the first child (2.2.1 → 2.2.1.1). A skip of one is accepted but marked out of sequence.
 */
export function isSuccessor(current: number[] | null, next: number[], allowSkip = false): boolean {
  if (current === null) return next.every((part) => part <= 3) && next.length <= 2;
  if (next.length === current.length + 1) {
    // The first child, or with a skip allowed its second (the first lost, like a skipped sibling).
    const child = next[next.length - 1]!;
    return (
      next.slice(0, current.length).every((part, i) => part === current[i]) &&
      (child === 1 || (allowSkip && child === 2))
    );
  }
  if (next.length > current.length || next.length === 0) return false;
  const depth = next.length;
  for (let i = 0; i < depth - 1; i++) if (next[i] !== current[i]) return false;
  const step = next[depth - 1]! - current[depth - 1]!;
  return step === 1 || (allowSkip && step === 2);
}

function chooseReading(
  parsed: { number: number[]; numberText: string; title: string },
  current: number[] | null,
  tocNumbers: Set<string>,
): { number: number[]; fixedFrom?: string; skipped: boolean } | null {
  // The next number in sequence is a heading however large (a policy of 40 chapters has a 31).
  if (isSuccessor(current, parsed.number) || tocNumbers.has(parsed.number.join('.')))
    return { number: parsed.number, skipped: false };
  // Maybe an OCR'd number that lost its dots: "21" for "2.1", "213" for "2.1.3".
  const split = splitDigits(parsed.numberText, current);
  if (split) return split;
  // A large number out of sequence is an amount or a count, not a lost heading.
  if (parsed.number[0]! > 30) return null;
  // A skipped number (a heading lost in the text layer) only for a short, clear title.
  if (parsed.title.length <= 80 && isSuccessor(current, parsed.number, true))
    return { number: parsed.number, skipped: true };
  return null;
}

function splitDigits(
  numberText: string,
  current: number[] | null,
): { number: number[]; fixedFrom: string; skipped: boolean } | null {
  if (!/^\d{2,4}$/u.test(numberText)) return null;
  const number = numberText.split('').map(Number);
  if (number.some((part) => part === 0)) return null;
  if (!isSuccessor(current, number) && !(current === null && number.length === 2)) return null;
  return { number, fixedFrom: numberText, skipped: false };
}
