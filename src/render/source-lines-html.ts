/**
 * A run of a source's lines as the items of the ordered list the source page shows: one item per
 * line, with the line's anchor (r12), and where a page of a PDF begins, an item of its own for it
 * (p3) before the page's first line, which then carries its number. One string per run, made as a
 * hast tree and serialised by hast-util-to-html, which escapes every character (source text is
 * data): a page holds a whole policy's lines, thousands of elements that Astro renders one by one
 * many times slower.
 */
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';

/**
 * Lines `from`…`to` (numbered from 1) of `lines`; `pageAt` maps a line to the page it begins.
 */
export function sourceLinesHtml(
  lines: readonly string[],
  from: number,
  to: number,
  pageAt: ReadonlyMap<number, number>,
): string {
  const items: ElementContent[] = [];
  for (let line = from; line <= to; line++) {
    const text = lines[line - 1] ?? '';
    const page = pageAt.get(line);
    if (page === undefined) items.push(h('li', { id: `r${line}` }, text));
    else
      items.push(
        h('li', { className: ['paginagrens'], id: `p${page}` }, `Pagina ${page}`),
        h('li', { id: `r${line}`, value: line }, text),
      );
  }
  return toHtml({ type: 'root', children: items });
}
