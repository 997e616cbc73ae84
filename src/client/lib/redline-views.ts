// The two views of a redline. A page carries the inline one only; the side-by-side one is made
// from it here, row for row, so the two line up and a diff needs one page instead of one per view.
// The choice lives in the URL (?weergave=naast-elkaar), so a shared link opens in the same view.
import type { DiffPart } from '../../analysis/word-diff.ts';
import { rowSides } from '../../render/redline-html.ts';

export type RedlineView = 'inline' | 'naast-elkaar';
const VIEW_PARAM = 'weergave';
const SIDE_BY_SIDE: RedlineView = 'naast-elkaar';

export function currentView(): RedlineView {
  return new URLSearchParams(location.search).get(VIEW_PARAM) === SIDE_BY_SIDE ? SIDE_BY_SIDE : 'inline';
}

/** The query that opens another diff page in the current view ('' for inline). */
export function viewQuery(): string {
  return currentView() === SIDE_BY_SIDE ? `?${VIEW_PARAM}=${SIDE_BY_SIDE}` : '';
}

/** The view in the address bar, without reloading (other parameters kept). */
export function rememberView(view: RedlineView): void {
  const query = new URLSearchParams(location.search);
  if (view === SIDE_BY_SIDE) query.set(VIEW_PARAM, view);
  else query.delete(VIEW_PARAM);
  const search = query.size > 0 ? `?${query}` : '';
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
}

/** A row's words as the diff parts they were rendered from (redline-html.ts partNode). */
function partsOf(row: Element): { marker: Element | null; parts: DiffPart[] } {
  let marker: Element | null = null;
  const parts: DiffPart[] = [];
  for (const node of row.childNodes) {
    const value = node.textContent ?? '';
    if (!(node instanceof Element)) parts.push({ kind: 'same', value });
    else if (node.matches('.visually-hidden')) marker = node;
    else
      parts.push({ kind: node.localName === 'ins' ? 'added' : node.localName === 'del' ? 'removed' : 'same', value });
  }
  return { marker, parts };
}

function partNode(part: DiffPart): Node {
  if (part.kind === 'same') return document.createTextNode(part.value);
  const element = document.createElement(part.kind === 'added' ? 'ins' : 'del');
  element.textContent = part.value;
  return element;
}

function sideRow(row: Element): HTMLElement {
  const copy = document.createElement('div');
  copy.className = row.className;
  const { marker, parts } = partsOf(row);
  if (marker) copy.append(marker.cloneNode(true));
  const sides = rowSides(parts);
  for (const [side, name] of [
    [sides.old, 'oud'],
    [sides.new, 'nieuw'],
  ] as const) {
    const cell = document.createElement('div');
    cell.className = `rij__kant rij__kant--${name}`;
    cell.append(...side.map(partNode));
    copy.append(cell);
  }
  return copy;
}

/** The side-by-side view of one inline redline: a head with the two years, then the rows. */
function sideBySide(redline: Element): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'redline-naast';
  const years = redline.closest<HTMLElement>('[data-van]');
  if (years) {
    const head = document.createElement('p');
    head.className = 'redline-kop';
    head.setAttribute('aria-hidden', 'true');
    for (const label of [years.dataset.van, years.dataset.naar]) {
      const cell = document.createElement('span');
      cell.textContent = label ?? '';
      head.append(cell);
    }
    wrap.append(head);
  }
  const side = document.createElement('div');
  side.className = 'redline redline--naast';
  for (const child of redline.children) {
    if (child.matches('.rij')) side.append(sideRow(child));
    else if (child instanceof HTMLDetailsElement) {
      const folded = document.createElement('details');
      folded.className = child.className;
      const summary = child.querySelector(':scope > summary');
      if (summary) folded.append(summary.cloneNode(true));
      for (const row of child.querySelectorAll(':scope > .rij')) folded.append(sideRow(row));
      side.append(folded);
    }
  }
  wrap.append(side);
  return wrap;
}

/** Shows every redline under `root` in `view`, making each side-by-side view the first time it is asked for. */
export function showView(root: ParentNode, view: RedlineView): void {
  for (const redline of root.querySelectorAll<HTMLElement>('.redline:not(.redline--naast)')) {
    let side = redline.nextElementSibling;
    if (view === SIDE_BY_SIDE && !side?.matches('.redline-naast')) {
      side = sideBySide(redline);
      redline.after(side);
    }
    redline.hidden = view === SIDE_BY_SIDE;
    if (side instanceof HTMLElement && side.matches('.redline-naast')) side.hidden = view !== SIDE_BY_SIDE;
  }
}
