// A search hit opens its policy at ?markeer=<words>#<section>: the searched words are marked in
// that section, so the reader sees at once why it was found.
import { foldText } from '../../core/text.ts';

/** Dutch inflections a search also finds ("kavels" finds "kavel"): the mark looks for the stem. */
function stem(word: string): string {
  const stemmed = word.replace(/('s|en|s|e)$/u, '');
  return stemmed.length >= 3 ? stemmed : word;
}

/** Whole words of `text` that contain a searched word (at their start, for short words): [start, end) pairs. */
export function markRanges(text: string, words: string[]): Array<[number, number]> {
  const folded = foldText(text);
  // Folding keeps one character for one, except for a few ligatures: then mark nothing rather than the wrong letters.
  if (folded.length !== text.length) return [];
  const stems = words.map((word) => stem(foldText(word))).filter((word) => word.length >= 2);
  const ranges: Array<[number, number]> = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    const hit = stems.some((s) => (s.length >= 4 ? word.includes(s) : word.startsWith(s)));
    if (hit) ranges.push([match.index, match.index + word.length]);
  }
  return ranges;
}

export function markSearchedWords(): void {
  const words = new URLSearchParams(location.search).get('markeer')?.split(/\s+/u).filter(Boolean) ?? [];
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (words.length === 0 || !target) return;
  const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  let first: HTMLElement | undefined;
  for (const node of nodes) {
    if (node.parentElement?.closest('.permalink, .copy-link, .chips')) continue;
    const ranges = markRanges(node.data, words);
    let firstHere: HTMLElement | undefined;
    for (const [start, end] of ranges.reverse()) {
      const word = node.splitText(start);
      word.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'gezocht';
      word.replaceWith(mark);
      mark.append(word);
      firstHere = mark;
    }
    first ??= firstHere;
  }
  // The section heading is where the browser scrolled to; the first mark may be screens further down.
  if (first && first.getBoundingClientRect().top > window.innerHeight) first.scrollIntoView({ block: 'center' });
}
