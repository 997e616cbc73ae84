// A Pagefind excerpt as DOM nodes: text and <mark> only, and nothing after the alias marker (the
// heading path, policy names and compound parts the index adds for matching, not policy text).
import { ALIAS_MARKER } from '../../core/search-contract.ts';

/** Pagefind's excerpt is HTML with <mark>; keep only text and marks (DOMParser runs no script). */
export function excerptNodes(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstChild!;
  const out = document.createDocumentFragment();
  for (const node of parsed.childNodes) {
    const text = node.textContent ?? '';
    const cut = text.indexOf(ALIAS_MARKER);
    if (node.nodeName === 'MARK' && cut === -1) {
      const mark = document.createElement('mark');
      mark.textContent = text;
      out.append(mark);
      continue;
    }
    out.append(document.createTextNode(cut === -1 ? text : text.slice(0, cut)));
    if (cut !== -1) break;
  }
  return out;
}
