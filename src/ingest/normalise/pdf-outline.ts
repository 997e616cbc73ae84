/**
 * Segment step for PDFs: bookmarks matched to the lines they point at. On the page of a
 * bookmark's destination (or the next), the lines whose letters and digits, joined, begin its
 * title; a printed number is left out on both sides, since a bookmark may drop or add it.
 */
import { foldText } from '../../core/text.ts';
import type { PdfLayout, PdfLine } from '../load/pdf-types.ts';
import { styleKey } from './pdf-furniture.ts';
import { OUTLINE_NUMBER_PREFIX } from '../segment/heading-rules.ts';

/**
 * Bookmarks matched to the lines they point at: on the page of their destination (or the next),
 * the lines whose letters and digits, joined, begin the bookmark's title. Matched in order.
 */
export function matchOutline(
  layout: PdfLayout,
  eligible: (index: number) => boolean,
): Map<number, { last: number; depth: number }> {
  const matches = new Map<number, { last: number; depth: number }>();
  const lines = layout.lines;
  // Compared without a leading number: a bookmark may leave out the number its heading prints, or add one.
  const folded = lines.map((line, index) =>
    index === 0 || !sameHeading(lines, index - 1, index) ? fold(withoutNumber(line.text)) : fold(line.text),
  );
  let from = 0;
  for (const entry of layout.outline) {
    const title = fold(withoutNumber(entry.title));
    if (title.length < 2) continue;
    const found = findTitle(lines, folded, title, entry.page, from, eligible, matches);
    if (!found) continue;
    matches.set(found.first, { last: found.last, depth: entry.depth });
    from = found.last + 1;
  }
  return matches;
}

function findTitle(
  lines: PdfLine[],
  folded: string[],
  title: string,
  page: number | null,
  from: number,
  eligible: (index: number) => boolean,
  taken: Map<number, unknown>,
): { first: number; last: number } | null {
  const search = (start: number, pages: (line: PdfLine) => boolean) => {
    for (let index = start; index < lines.length; index++) {
      if (!pages(lines[index]!) || !eligible(index) || taken.has(index)) continue;
      const head = folded[index]!;
      if (head.length < Math.min(6, title.length) || !(title.startsWith(head) || head.startsWith(title))) continue;
      let joined = head;
      let last = index;
      while (
        joined.length < title.length &&
        last + 1 < lines.length &&
        lines[last + 1]!.page === lines[index]!.page &&
        eligible(last + 1)
      ) {
        const next = joined + folded[last + 1]!;
        if (!title.startsWith(next) && !next.startsWith(title)) break;
        joined = next;
        last++;
      }
      if (joined.length >= title.length * 0.6 || joined.length >= 24) return { first: index, last };
    }
    return null;
  };
  if (page !== null) {
    const near = search(from, (line) => line.page === page || line.page === page + 1);
    if (near) return near;
  }
  return search(from, () => true);
}

/** Consecutive lines on one page in one style: the second may go on the first's title. */
function sameHeading(lines: PdfLine[], previous: number, index: number): boolean {
  return (
    lines[previous]!.page === lines[index]!.page &&
    styleKey(lines[previous]!) === styleKey(lines[index]!) &&
    lines[previous]!.text.trim() !== ''
  );
}

function withoutNumber(text: string): string {
  return text.replace(OUTLINE_NUMBER_PREFIX, '');
}

export function fold(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, '');
}
