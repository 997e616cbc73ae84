/**
 * A section's own text: paragraphs separated by a blank line, list items as "- item" (nested
 * items indented), table rows tab-separated. Links from Markdown sources stay as [label](url).
 * Text layers often lose the list markers: a run of lines that end in ";" (the last one in ".")
 * is a list all the same ("spillagereductie;", "de acceptatie van biosimilars;", ...).
 */
import type { Block } from '../normalise/types.ts';

export function sectionTextOf(blocks: Block[]): string {
  const markerless = markerlessListItems(blocks);
  let text = '';
  let previous: { kind: Block['kind'] } | null = null;
  blocks.forEach((block, index) => {
    const kind = markerless.has(index) ? 'list-item' : block.kind;
    const line =
      kind === 'list-item' ? `${'  '.repeat(block.depth)}${block.ordered ? '1.' : '-'} ${block.text}` : block.text;
    if (previous === null) text = line;
    else {
      const tight =
        (previous.kind === 'list-item' && kind === 'list-item') ||
        (previous.kind === 'table-row' && kind === 'table-row');
      text += (tight ? '\n' : '\n\n') + line;
    }
    previous = { kind };
  });
  return text;
}

/**
 * Indexes of paragraph blocks that form a list without markers: two or more items ending in
 * ";" (the last may end in "."), or, after a lead-in ending in ":", short sentences with no blank
 * line between them ("Voor het contract hanteren we: ... We hanteren ... De categorie ...").
 */
function markerlessListItems(blocks: Block[]): Set<number> {
  const items = new Set<number>();
  let index = 0;
  while (index < blocks.length) {
    const afterLeadIn = index > 0 && blocks[index - 1]!.kind === 'paragraph' && blocks[index - 1]!.text.endsWith(':');
    let end = index;
    const isItem = (block: Block, first: boolean) =>
      block.kind === 'paragraph' &&
      (first || !block.afterBreak) &&
      (block.text.endsWith(';') || (afterLeadIn && /[.;]$/u.test(block.text) && block.end - block.start <= 2));
    while (end < blocks.length && isItem(blocks[end]!, end === index)) end++;
    // Without a lead-in, the run is a ";" list, which may close with one sentence ending in ".".
    if (
      !afterLeadIn &&
      end > index &&
      end < blocks.length &&
      !blocks[end]!.afterBreak &&
      blocks[end]!.kind === 'paragraph' &&
      /[.!?]$/u.test(blocks[end]!.text)
    )
      end++;
    if (end - index >= 2) for (let item = index; item < end; item++) items.add(item);
    index = Math.max(end, index + 1);
  }
  return items;
}
