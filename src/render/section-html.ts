/**
 * Section text (see README: paragraphs, "- " list items, tab-separated table rows,
 * [label](url) links) to HTML for the site. The tree is built from text nodes, sanitised with
 * hast-util-sanitize (only http, https and mailto links survive) and serialised with
 * hast-util-to-html, which escapes every character of the source: source text is data.
 */
import type { Element, ElementContent, Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';

const LINK = /\[([^\]\n]*)\]\(((?:https?:|mailto:)[^)\s]+)\)/gu;
const LIST_ITEM = /^( *)(?:-|(\d+)\.) (.*)$/u;

export function sectionTextToHtml(text: string): string {
  if (text.trim() === '') return '';
  const children: ElementContent[] = [];
  for (const block of text.split(/\n{2,}/u)) {
    const lines = block.split('\n');
    if (lines.every((line) => line.includes('\t'))) children.push(table(lines));
    else if (lines.every((line) => LIST_ITEM.test(line))) children.push(list(lines));
    else children.push(h('p', inline(lines.join(' '))));
  }
  const clean = sanitize({ type: 'root', children } satisfies Root) as Root;
  // Our own wrapper (not source content) gets its class after sanitising: tables scroll sideways.
  for (const node of clean.children)
    if (node.type === 'element' && node.tagName === 'div') node.properties = { className: ['tabel'] };
  return toHtml(clean);
}

function inline(text: string): ElementContent[] {
  const nodes: ElementContent[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    if (match.index > last) nodes.push({ type: 'text', value: text.slice(last, match.index) });
    const label = match[1]!.trim() || match[2]!.replace(/^mailto:/u, '');
    nodes.push(h('a', { href: match[2] }, label));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push({ type: 'text', value: text.slice(last) });
  return nodes;
}

/** Items with their nesting from the indentation (two spaces a level). */
function list(lines: string[]): Element {
  interface Level {
    element: Element;
    depth: number;
  }
  const parse = (line: string) => {
    const match = LIST_ITEM.exec(line)!;
    return { depth: Math.floor(match[1]!.length / 2), ordered: match[2] !== undefined, text: match[3]! };
  };
  const first = parse(lines[0]!);
  const root = h(first.ordered ? 'ol' : 'ul');
  const stack: Level[] = [{ element: root, depth: first.depth }];
  for (const line of lines) {
    const item = parse(line);
    while (stack.length > 1 && item.depth < stack[stack.length - 1]!.depth) stack.pop();
    let top = stack[stack.length - 1]!;
    if (item.depth > top.depth) {
      const parentItem = top.element.children.at(-1);
      const nested = h(item.ordered ? 'ol' : 'ul');
      if (parentItem && parentItem.type === 'element') parentItem.children.push(nested);
      else top.element.children.push(h('li', [nested]));
      top = { element: nested, depth: item.depth };
      stack.push(top);
    }
    top.element.children.push(h('li', inline(item.text)));
  }
  return root;
}

/** The first row of a table as printed in a policy is its header ("Onderwerp  Datum"). */
function table(lines: string[]): Element {
  const rows = lines.map((line) => line.split('\t'));
  const width = Math.max(...rows.map((row) => row.length));
  const pad = (row: string[]) => [...row, ...Array<string>(width - row.length).fill('')];
  const [head, ...body] = rows.length > 1 ? rows : [null, ...rows];
  return h('div', [
    h(
      'table',
      [
        head
          ? h('thead', [
              h(
                'tr',
                pad(head).map((cell) => h('th', { scope: 'col' }, inline(cell))),
              ),
            ])
          : null,
        h(
          'tbody',
          body.map((row) =>
            h(
              'tr',
              pad(row!).map((cell) => h('td', inline(cell))),
            ),
          ),
        ),
      ].filter((node): node is Element => node !== null),
    ),
  ]);
}
