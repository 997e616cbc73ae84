/**
 * A section's own text: paragraphs separated by a blank line, list items as "- item" (nested
 * items indented), table rows tab-separated. Links from Markdown sources stay as [label](url).
 */
import type { Block } from './types.ts';

export function renderSectionText(blocks: Block[]): string {
  let text = '';
  let previous: Block | null = null;
  for (const block of blocks) {
    const line =
      block.kind === 'list-item'
        ? `${'  '.repeat(block.depth)}${block.ordered ? '1.' : '-'} ${block.text}`
        : block.text;
    if (previous === null) text = line;
    else {
      const tight = (previous.kind === 'list-item' && block.kind === 'list-item') || (previous.kind === 'table-row' && block.kind === 'table-row');
      text += (tight ? '\n' : '\n\n') + line;
    }
    previous = block;
  }
  return text;
}
