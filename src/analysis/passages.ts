/**
 * A section's text cut into passages: each paragraph, each top-level list item (with its nested
 * items) and each table on its own. Passages keep the section-text format (see README), so
 * sectionTextToHtml renders one as it renders a whole section.
 */
import { stripLinks } from '../core/text.ts';

export interface Passage {
  kind: 'paragraph' | 'item' | 'table';
  /** The passage in section-text format ("- item" for a list item). */
  text: string;
  /** The words only: no list marker, links reduced to their labels' brackets stay for matching. */
  plain: string;
  /** The paragraph ending in ":" that introduces the list this item belongs to. */
  leadIn: string | null;
}

const LIST_ITEM = /^( *)(?:-|\d+\.) (.*)$/u;

export function splitPassages(text: string): Passage[] {
  const passages: Passage[] = [];
  let previousParagraph: string | null = null;
  for (const block of text.split(/\n{2,}/u)) {
    if (block.trim() === '') continue;
    const lines = block.split('\n');
    if (lines.every((line) => line.includes('\t'))) {
      passages.push({ kind: 'table', text: block, plain: lines.join(' ').replace(/\t/gu, ' '), leadIn: null });
      previousParagraph = null;
    } else if (lines.every((line) => LIST_ITEM.test(line))) {
      const leadIn = previousParagraph?.trimEnd().endsWith(':') ? previousParagraph : null;
      const topIndent = LIST_ITEM.exec(lines[0]!)![1]!.length;
      let current: string[] = [];
      const flush = () => {
        if (current.length === 0) return;
        const plain = current.map((line) => LIST_ITEM.exec(line)![2]!).join(' ');
        passages.push({ kind: 'item', text: current.join('\n'), plain, leadIn });
        current = [];
      };
      for (const line of lines) {
        if (LIST_ITEM.exec(line)![1]!.length <= topIndent) flush();
        current.push(line);
      }
      flush();
    } else {
      const paragraph = lines.join(' ');
      passages.push({ kind: 'paragraph', text: block, plain: paragraph, leadIn: null });
      previousParagraph = paragraph;
    }
  }
  return passages;
}

/** Where a cut may fall short of the room and still read as a sentence: at least this share of it. */
const SENTENCE_CUT_SHARE = 0.5;
/** Less room than this left for a passage, and it is left out rather than cut to a stub. */
const MIN_CUT = 80;

/**
 * The start of a passage's text in at most `room` characters: whole table rows, else up to the
 * last sentence that ends late enough, else the last whole word; never inside a [label](url) link.
 * Null when nothing fits.
 */
function cutPassage(passage: Passage, room: number): Passage | null {
  if (passage.kind === 'table') {
    const rows: string[] = [];
    for (const row of passage.text.split('\n')) {
      if ([...rows, row].join('\n').length > room) break;
      rows.push(row);
    }
    return rows.length >= 2 ? { ...passage, text: rows.join('\n') } : null;
  }
  let end = room;
  // A link is kept whole or left out.
  for (const link of passage.text.matchAll(/\[[^\]]*\]\([^)]*\)/gu))
    if (link.index < end && link.index + link[0].length > end) end = link.index;
  const head = passage.text.slice(0, end);
  const sentence = [...head.matchAll(/[.!?;:](?=\s)/gu)].at(-1);
  const cut =
    sentence && sentence.index + 1 >= room * SENTENCE_CUT_SHARE
      ? sentence.index + 1
      : Math.max(head.search(/\s\S*$/u), 0);
  if (cut < MIN_CUT) return null;
  const text = `${passage.text.slice(0, cut).trimEnd()} …`;
  return { ...passage, text, plain: stripLinks(text) };
}

/**
 * The first `max` characters or so of a run of passages (a comparison cell's excerpt): whole
 * passages while they fit, the next one cut (cutPassage), and whether anything was left out.
 */
export function leadingPassages(passages: readonly Passage[], max: number): { passages: Passage[]; cut: boolean } {
  const kept: Passage[] = [];
  let used = 0;
  for (const passage of passages) {
    if (used + passage.text.length <= max) {
      kept.push(passage);
      used += passage.text.length;
      continue;
    }
    const part = cutPassage(passage, max - used);
    if (part) kept.push(part);
    // Nothing fits (a long table first): that passage whole, so a cell is never empty.
    if (kept.length === 0) return { passages: [passage], cut: passages.length > 1 };
    return { passages: kept, cut: true };
  }
  return { passages: kept, cut: false };
}
