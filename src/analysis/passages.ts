/**
 * A section's text cut into passages: each paragraph, each top-level list item (with its nested
 * items) and each table on its own. Passages keep the section-text format (see README), so
 * sectionTextToHtml renders one as it renders a whole section.
 */

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
