/**
 * Classify step: the short phrases of a text that name a topic the way a heading does. A list
 * item or line of a few words ("- Passende zorg"), and each item of an enumeration of short
 * phrases ("Deze thema's zijn: innovatieve zorg, passende zorg, verduurzaming en digitalisering").
 * A keyword in such a label says more about the section than one in running prose.
 */
const LABEL_LINE = /^\s*(?:[-•]|\d{1,2}[.)])?\s*([^.;:!?\t]{2,60})$/u;
const LABEL_WORDS = 6;
const ITEM_WORDS = 5;
const MIN_ITEMS = 3;

export function topicLabels(text: string): string[] {
  const labels: string[] = [];
  for (const line of text.split('\n')) {
    const label = LABEL_LINE.exec(line)?.[1];
    if (label !== undefined && wordCount(label) <= LABEL_WORDS) labels.push(label.trim());
    for (const sentence of line.split(/(?<=[.;!?])\s+/u)) labels.push(...enumeration(sentence));
  }
  return labels;
}

/** The items of "…: a, b, c en d." when there are three or more and each is a short phrase. */
function enumeration(sentence: string): string[] {
  const list = sentence
    .slice(sentence.lastIndexOf(':') + 1)
    .replace(/[.;!?]\s*$/u, '')
    .replace(/,?\s*(?:etc|enz)\.?$/u, '');
  if (!list.includes(',')) return [];
  const items = list
    .split(/\s*,\s*|\s+(?:en|of|en\/of)\s+/u)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length < MIN_ITEMS || items.some((item) => wordCount(item) > ITEM_WORDS)) return [];
  return items;
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/u).length;
}
