/**
 * Word-level differences inside a changed section: jsdiff, paragraphs first, then words,
 * bounded in cost. Past the bound the section is shown as replaced whole. jsdiff's own word
 * tokenizer knows the Latin letters Dutch uses (ë, é, ï); Intl.Segmenter gave the same words at
 * three times the cost, most of a diff's time at scale (see tests/bench/REPORT.md).
 */
import { diffArrays, diffWords, type ChangeObject } from 'diff';
import type { ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
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
 * `similarity` (0–1, from the alignment) below REWRITE_SIMILARITY means the section was largely
 * rewritten: a word diff would be costly and unreadable, so the texts are shown whole.
 */
export const REWRITE_SIMILARITY = 0.4;

export function diffSectionText(oldText: string, newText: string, limits = DIFF_LIMITS, similarity = 1): WordDiff {
  const before = stripLinks(oldText);
  const after = stripLinks(newText);
  const trivial = before.trim() === '' || after.trim() === '';
  if (before === after)
    return { parts: before ? [{ kind: 'same', value: before }] : [], wordsAdded: 0, wordsRemoved: 0, complete: true };
  // Only the stretch between the common start and end is segmented and diffed: an edit of a few
  // words in a long section costs what those words cost (segmenting is most of a diff's time).
  const { head, tail } = commonEnds(before, after);
  const changes: ChangeObject<string>[] | undefined =
    similarity < REWRITE_SIMILARITY || trivial
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
    // An added or removed section is complete as it is; a rewrite or a diff past its bound is not.
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

/**
 * Paragraphs (lines) first, then words only inside the paragraphs that differ: unchanged
 * paragraphs between two edits are never segmented. Undefined past the bounds, like diffWords.
 */
function diffByLines(before: string, after: string, limits: typeof DIFF_LIMITS): ChangeObject<string>[] | undefined {
  const lines = diffArrays(before.split(/(?<=\n)/u), after.split(/(?<=\n)/u));
  const changes: ChangeObject<string>[] = [];
  for (let index = 0; index < lines.length; index++) {
    const part = lines[index]!;
    if (!part.added && !part.removed) {
      changes.push({ value: part.value.join(''), added: false, removed: false, count: part.value.length });
      continue;
    }
    // A run of removed and added lines is one edit: its words are diffed together.
    let removed = '';
    let added = '';
    while (index < lines.length && (lines[index]!.added || lines[index]!.removed)) {
      if (lines[index]!.added) added += lines[index]!.value.join('');
      else removed += lines[index]!.value.join('');
      index++;
    }
    index--;
    const words =
      removed && added
        ? diffWords(removed, added, limits)
        : [{ value: removed || added, added: !removed, removed: Boolean(removed), count: 1 }];
    if (!words) return undefined;
    changes.push(...words);
  }
  return changes;
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

/** Inline HTML: <del> and <ins> in the running text, every character escaped. */
export function toInlineHtml(diff: WordDiff): string {
  return toHtml({ type: 'root', children: diff.parts.map(partNode) } satisfies Root);
}

/** One side of a side-by-side view: the old text with its deletions, or the new with its insertions. */
export function toSideHtml(diff: WordDiff, side: 'old' | 'new'): string {
  const hide = side === 'old' ? 'added' : 'removed';
  return toHtml({
    type: 'root',
    children: diff.parts.filter((part) => part.kind !== hide).map(partNode),
  } satisfies Root);
}

function partNode(part: DiffPart): ElementContent {
  if (part.kind === 'added') return h('ins', part.value);
  if (part.kind === 'removed') return h('del', part.value);
  return { type: 'text', value: part.value };
}
