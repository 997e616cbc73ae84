/**
 * A word diff as a redline: a row per paragraph, each changed one marked in the margin, unchanged
 * paragraphs between changes folded into one line that opens ("3 ongewijzigde alinea’s"). The page
 * carries only this inline view; the side-by-side one is made from it in the browser
 * (`rowSides`, src/client/lib/redline-views.ts), so a diff is one page, not one per view. Every
 * character is escaped (hast-util-to-html).
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

/**
 * A row's two sides for the side-by-side view: the old text keeps its deletions, the new its
 * insertions; a side with nothing but spaces is empty (the paragraph is new, or gone).
 */
export function rowSides(parts: readonly DiffPart[]): { old: DiffPart[]; new: DiffPart[] } {
  const side = (drop: DiffPart['kind']) => {
    const kept = parts.filter((part) => part.kind !== drop);
    return kept.some((part) => part.value.trim()) ? kept : [];
  };
  return { old: side('added'), new: side('removed') };
}

function rowNode(row: DiffRow): ElementContent {
  const label = ROW_LABELS[row.kind];
  // The margin bar is CSS; its meaning is said in words for those who do not see it.
  const marker = label ? [h('span.visually-hidden', `(${label}) `)] : [];
  // An unchanged row is the plain class: thousands of them on a large diff page.
  const tag = row.kind === 'same' ? 'div.rij' : `div.rij.rij--${row.kind}`;
  return h(tag, [...marker, ...row.parts.map(partNode)]);
}

/** Rows with their unchanged runs folded: the nodes of a redline. */
function redlineNodes(rows: DiffRow[]): ElementContent[] {
  const nodes: ElementContent[] = [];
  let index = 0;
  while (index < rows.length) {
    if (rows[index]!.kind !== 'same') {
      nodes.push(rowNode(rows[index]!));
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
      for (let row = index; row < end; row++) nodes.push(rowNode(rows[row]!));
    } else {
      for (let row = index; row < index + keepStart; row++) nodes.push(rowNode(rows[row]!));
      const inside = rows.slice(index + keepStart, end - keepEnd).map((row) => rowNode(row));
      nodes.push(h('details.ongewijzigd', [h('summary', `${folded} ongewijzigde alinea’s`), ...inside]));
      for (let row = end - keepEnd; row < end; row++) nodes.push(rowNode(rows[row]!));
    }
    index = end;
  }
  return nodes;
}

export function toRedlineHtml(diff: WordDiff): string {
  let rows = diffRows(diff);
  // A section added or removed whole is one row: one bar and one word for all its paragraphs.
  const kinds = new Set(rows.map((row) => row.kind));
  if (rows.length > 1 && kinds.size === 1 && (kinds.has('added') || kinds.has('removed')))
    rows = [{ kind: rows[0]!.kind, parts: rows.flatMap((row) => row.parts) }];
  const root: Root = {
    type: 'root',
    children: [h('div.redline', redlineNodes(rows))],
  };
  return toHtml(root);
}
