/**
 * Word-level differences inside a changed section: jsdiff, paragraphs first, then words,
 * bounded in cost. Past the bound the section is shown as replaced whole. jsdiff's own word
 * tokenizer knows the Latin letters Dutch uses (ë, é, ï); Intl.Segmenter gave the same words at
 * three times the cost, most of a diff's time at scale (see tests/bench/REPORT.md).
 */
import { diffArrays, diffWords, type ChangeObject } from 'diff';
import { countWords, stripLinks } from '../core/text.ts';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  value: string;
}

export interface WordDiff {
  parts: DiffPart[];
  wordsAdded: number;
  wordsRemoved: number;
  /** False when the edit was too large or slow to compute: shown as removed + added whole. */
  complete: boolean;
}

/** Bounds for one section pair: jsdiff gives up (returns undefined) past them. */
export const DIFF_LIMITS = { maxEditLength: 4000, timeout: 200 };

/**
 * Two paragraphs that share less than this (Dice over their words) are a rewrite: shown as the
 * old paragraph removed and the new one added, side by side, not as a soup of word edits. Only
 * paragraphs alike enough are diffed word by word, so a largely rewritten section still lines up
 * paragraph by paragraph.
 */
export const PARAGRAPH_REWRITE = 0.5;
/** Old × new paragraphs of one edit that are paired at most (a rewritten chapter of a PDF). */
const MAX_PAIRINGS = 40_000;

export function diffSectionText(oldText: string, newText: string, limits = DIFF_LIMITS): WordDiff {
  const before = stripLinks(oldText);
  const after = stripLinks(newText);
  const trivial = before.trim() === '' || after.trim() === '';
  if (before === after)
    return { parts: before ? [{ kind: 'same', value: before }] : [], wordsAdded: 0, wordsRemoved: 0, complete: true };
  // Only the stretch between the common start and end is segmented and diffed: an edit of a few
  // words in a long section costs what those words cost (segmenting is most of a diff's time).
  const { head, tail } = commonEnds(before, after);
  const changes: ChangeObject<string>[] | undefined = trivial
    ? undefined
    : diffByLines(
        before.slice(head.length, before.length - tail.length),
        after.slice(head.length, after.length - tail.length),
        limits,
      );
  if (!changes) {
    const parts: DiffPart[] = [];
    if (before) parts.push({ kind: 'removed', value: before });
    if (after) parts.push({ kind: 'added', value: after });
    // An added or removed section is complete as it is; a diff past its bound is not.
    return { parts, wordsAdded: countWords(after), wordsRemoved: countWords(before), complete: trivial };
  }
  const parts: DiffPart[] = changes.map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    value: change.value,
  }));
  if (head) parts.unshift({ kind: 'same', value: head });
  if (tail) parts.push({ kind: 'same', value: tail });
  return {
    parts,
    wordsAdded: parts.filter((part) => part.kind === 'added').reduce((sum, part) => sum + countWords(part.value), 0),
    wordsRemoved: parts
      .filter((part) => part.kind === 'removed')
      .reduce((sum, part) => sum + countWords(part.value), 0),
    complete: true,
  };
}

type ChangeKind = 'same' | 'added' | 'removed';

/** Adds a change, joined to the last one when it is of the same kind (jsdiff's own shape). */
function appendChange(changes: ChangeObject<string>[], value: string, kind: ChangeKind): void {
  if (value === '') return;
  const last = changes.at(-1);
  const lastKind: ChangeKind | undefined = last && (last.added ? 'added' : last.removed ? 'removed' : 'same');
  if (last && lastKind === kind) last.value += value;
  else changes.push({ value, added: kind === 'added', removed: kind === 'removed', count: 1 });
}

/**
 * Paragraphs first, then words only inside the paragraphs that differ: unchanged paragraphs
 * between two edits are never segmented. A paragraph is a line with the blank lines after it,
 * compared without them (the last paragraph has none). Undefined past the bounds, like diffWords.
 */
function diffByLines(before: string, after: string, limits: typeof DIFF_LIMITS): ChangeObject<string>[] | undefined {
  const split = (text: string) => text.split(/(?<=\n)(?!\n)/u);
  const [oldUnits, newUnits] = [split(before), split(after)];
  const key = (unit: string) => unit.replace(/\n+$/u, '');
  const parts = diffArrays(oldUnits.map(key), newUnits.map(key));
  const changes: ChangeObject<string>[] = [];
  const push = (value: string, kind: ChangeKind) => appendChange(changes, value, kind);
  let [oldAt, newAt] = [0, 0];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (!part.added && !part.removed) {
      for (let count = 0; count < part.value.length; count++) {
        const [oldUnit, newUnit] = [oldUnits[oldAt++]!, newUnits[newAt++]!];
        const content = key(newUnit);
        push(content, 'same');
        // The blank lines after it: the same, or (rarely) a change of white space only.
        const [oldGap, newGap] = [oldUnit.slice(content.length), newUnit.slice(content.length)];
        if (oldGap === newGap) push(newGap, 'same');
        else {
          push(oldGap, 'removed');
          push(newGap, 'added');
        }
      }
      continue;
    }
    // A run of removed and added paragraphs: those alike enough are paired and diffed word by
    // word, the others are removed or added whole.
    const removed: string[] = [];
    const added: string[] = [];
    while (index < parts.length && (parts[index]!.added || parts[index]!.removed)) {
      const run = parts[index]!;
      for (let count = 0; count < run.value.length; count++)
        if (run.added) added.push(newUnits[newAt++]!);
        else removed.push(oldUnits[oldAt++]!);
      index++;
    }
    index--;
    const run = diffRun(removed, added, limits);
    if (!run) return undefined;
    for (const change of run) push(change.value, change.added ? 'added' : change.removed ? 'removed' : 'same');
  }
  return changes;
}

/**
 * Old and new paragraphs of one edit, in order: each old paragraph is paired with the first new
 * one after the last pairing that shares enough words with it; new paragraphs skipped on the way
 * are added, old ones without a partner removed.
 */
function diffRun(removed: string[], added: string[], limits: typeof DIFF_LIMITS): ChangeObject<string>[] | undefined {
  const out: ChangeObject<string>[] = [];
  const push = (value: string, kind: ChangeKind) => appendChange(out, value, kind);
  // Pairing compares every old paragraph with the new ones after it: past a bound, whole.
  if (removed.length * added.length > MAX_PAIRINGS) {
    if (removed.length) push(removed.join(''), 'removed');
    if (added.length) push(added.join(''), 'added');
    return out;
  }
  // Each paragraph's words counted once, however many it is weighed against.
  const addedWords = added.map(wordCounts);
  let next = 0;
  for (const old of removed) {
    const oldWords = wordCounts(old);
    let partner = -1;
    for (let candidate = next; candidate < added.length; candidate++)
      if (dice(oldWords, addedWords[candidate]!) >= PARAGRAPH_REWRITE) {
        partner = candidate;
        break;
      }
    if (partner === -1) {
      push(old, 'removed');
      continue;
    }
    for (; next < partner; next++) push(added[next]!, 'added');
    // The words without the blank lines after them (jsdiff keeps the new side's white space only).
    const [oldText, newText] = [old.replace(/\n+$/u, ''), added[partner]!.replace(/\n+$/u, '')];
    const words = diffWords(oldText, newText, limits);
    if (!words) return undefined;
    out.push(...words);
    const [oldGap, newGap] = [old.slice(oldText.length), added[partner]!.slice(newText.length)];
    if (oldGap === newGap) {
      push(oldGap, 'same');
    } else {
      if (oldGap) push(oldGap, 'removed');
      if (newGap) push(newGap, 'added');
    }
    next = partner + 1;
  }
  for (; next < added.length; next++) push(added[next]!, 'added');
  return out;
}

/** How much two paragraphs share: the Dice coefficient of their words (lower case), 0–1. */
export function wordOverlap(a: string, b: string): number {
  return dice(wordCounts(a), wordCounts(b));
}

function wordCounts(text: string): Map<string, number> {
  const words = new Map<string, number>();
  for (const [word] of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) words.set(word, (words.get(word) ?? 0) + 1);
  return words;
}

function dice(left: Map<string, number>, right: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [word, times] of left) {
    shared += Math.min(times, right.get(word) ?? 0);
    total += times;
  }
  for (const times of right.values()) total += times;
  return total === 0 ? 1 : (2 * shared) / total;
}

/** The longest common start and end of two texts, cut back to white space so no word is split. */
function commonEnds(a: string, b: string): { head: string; tail: string } {
  const limit = Math.min(a.length, b.length);
  let start = 0;
  while (start < limit && a[start] === b[start]) start++;
  while (start > 0 && !/\s/u.test(a[start - 1]!)) start--;
  let end = 0;
  while (end < limit - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  while (end > 0 && !/\s/u.test(a[a.length - end]!)) end--;
  // Where the common ends cross a line end, they stop at whole paragraphs, so that the paragraphs
  // in between are compared whole (a paragraph cut in two pairs with nothing).
  const headLine = start > 0 ? a.lastIndexOf('\n', start - 1) : -1;
  if (headLine !== -1) start = headLine + 1;
  const tailLine = a.indexOf('\n', a.length - end);
  if (end > 0 && tailLine !== -1) {
    let next = tailLine;
    while (a[next] === '\n') next++;
    end = a.length - next;
  }
  return { head: a.slice(0, start), tail: end ? a.slice(a.length - end) : '' };
}

/** "[-old-]{+new+}": the readable form tests assert on. */
export function toMarkedString(diff: WordDiff): string {
  return diff.parts
    .map((part) =>
      part.kind === 'added' ? `{+${part.value}+}` : part.kind === 'removed' ? `[-${part.value}-]` : part.value,
    )
    .join('');
}

/** A paragraph of a diff: its parts, and whether it is unchanged, changed, or added or removed whole. */
export interface DiffRow {
  kind: 'same' | 'changed' | 'added' | 'removed';
  parts: DiffPart[];
}

/**
 * The diff cut into paragraphs (at line ends), so the page can mark each changed one in the
 * margin, line old and new up row by row and fold the unchanged ones. Lossless: the rows' parts
 * joined are the diff's. A blank line belongs to the paragraph before it.
 */
export function diffRows(diff: WordDiff): DiffRow[] {
  const rows: DiffRow[] = [];
  let current: DiffPart[] = [];
  const close = () => {
    if (current.length === 0) return;
    const blank = current.every((part) => part.value.trim() === '');
    const previous = rows.at(-1);
    if (blank && previous) previous.parts.push(...current);
    else rows.push({ kind: 'same', parts: current });
    current = [];
  };
  for (const part of diff.parts)
    for (const piece of part.value.split(/(?<=\n)/u)) {
      if (piece === '') continue;
      current.push({ kind: part.kind, value: piece });
      if (piece.endsWith('\n')) close();
    }
  close();
  for (const row of rows) {
    const kinds = new Set(row.parts.filter((part) => part.value.trim() !== '').map((part) => part.kind));
    row.kind =
      kinds.size === 0 || (kinds.size === 1 && kinds.has('same'))
        ? 'same'
        : kinds.size === 1
          ? [...kinds][0]!
          : 'changed';
  }
  return rows;
}
