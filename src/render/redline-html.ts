/**
 * A word diff as a redline: a row per paragraph, each changed one marked in the margin, unchanged
 * paragraphs between changes folded into one line that opens ("3 ongewijzigde alinea’s"), and in
 * the side-by-side view old and new in two columns, row beside row. Every character is escaped
 * (hast-util-to-html).
 */
import type { ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { type DiffPart, type DiffRow, diffRows, type WordDiff } from '../analysis/word-diff.ts';

/** Unchanged paragraphs kept open either side of a change, for context. */
const CONTEXT = 1;
/** A run of unchanged paragraphs folds from this many on (shorter runs read better open). */
const FOLD_FROM = 3;

const ROW_LABELS: Record<DiffRow['kind'], string | null> = {
  same: null,
  changed: 'gewijzigd',
  added: 'toegevoegd',
  removed: 'verwijderd',
};

function partNode(part: DiffPart): ElementContent {
  if (part.kind === 'added') return h('ins', part.value);
  if (part.kind === 'removed') return h('del', part.value);
  return { type: 'text', value: part.value };
}

/** One side's parts of a row: the old text keeps its deletions, the new its insertions. */
const sideParts = (row: DiffRow, side: 'old' | 'new') =>
  row.parts.filter((part) => part.kind !== (side === 'old' ? 'added' : 'removed'));

function rowNode(row: DiffRow, mode: 'inline' | 'side-by-side'): ElementContent {
  const label = ROW_LABELS[row.kind];
  // The margin bar is CSS; its meaning is said in words for those who do not see it.
  const marker = label ? [h('span.visually-hidden', `(${label}) `)] : [];
  // An unchanged row is the plain class: thousands of them on a large diff page.
  const tag = row.kind === 'same' ? 'div.rij' : `div.rij.rij--${row.kind}`;
  if (mode === 'inline') return h(tag, [...marker, ...row.parts.map(partNode)]);
  const oldSide = sideParts(row, 'old');
  const newSide = sideParts(row, 'new');
  const cell = (parts: DiffPart[], side: string) =>
    h(`div.rij__kant.rij__kant--${side}`, parts.some((part) => part.value.trim()) ? parts.map(partNode) : []);
  return h(tag, [...marker, cell(oldSide, 'oud'), cell(newSide, 'nieuw')]);
}

/** Rows with their unchanged runs folded: the nodes of a redline. */
function redlineNodes(rows: DiffRow[], mode: 'inline' | 'side-by-side'): ElementContent[] {
  const nodes: ElementContent[] = [];
  let index = 0;
  while (index < rows.length) {
    if (rows[index]!.kind !== 'same') {
      nodes.push(rowNode(rows[index]!, mode));
      index++;
      continue;
    }
    let end = index;
    while (end < rows.length && rows[end]!.kind === 'same') end++;
    // Context: a row open after the change before the run, and before the change after it.
    const keepStart = index > 0 ? CONTEXT : 0;
    const keepEnd = end < rows.length ? CONTEXT : 0;
    const folded = end - index - keepStart - keepEnd;
    if (folded < FOLD_FROM) {
      for (let row = index; row < end; row++) nodes.push(rowNode(rows[row]!, mode));
    } else {
      for (let row = index; row < index + keepStart; row++) nodes.push(rowNode(rows[row]!, mode));
      const inside = rows.slice(index + keepStart, end - keepEnd).map((row) => rowNode(row, mode));
      nodes.push(h('details.ongewijzigd', [h('summary', `${folded} ongewijzigde alinea’s`), ...inside]));
      for (let row = end - keepEnd; row < end; row++) nodes.push(rowNode(rows[row]!, mode));
    }
    index = end;
  }
  return nodes;
}

export function toRedlineHtml(diff: WordDiff, mode: 'inline' | 'side-by-side'): string {
  let rows = diffRows(diff);
  // A section added or removed whole is one row: one bar and one word for all its paragraphs.
  const kinds = new Set(rows.map((row) => row.kind));
  if (rows.length > 1 && kinds.size === 1 && (kinds.has('added') || kinds.has('removed')))
    rows = [{ kind: rows[0]!.kind, parts: rows.flatMap((row) => row.parts) }];
  const root: Root = {
    type: 'root',
    children: [h(`div.redline${mode === 'side-by-side' ? '.redline--naast' : ''}`, redlineNodes(rows, mode))],
  };
  return toHtml(root);
}
