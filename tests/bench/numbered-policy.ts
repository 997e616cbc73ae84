/**
 * A generated policy text of numbered headings: a random numbering walk (first child, next
 * sibling, or up and on) to a given depth, random titles, and boilerplate repeated under every
 * heading. Seeded, so a size always gives the same text. For tests/ingest/segment/segment-scaling.test.ts
 * and npm run bench:headings.
 */
const WORDS = [
  'zorg',
  'inkoop',
  'kwaliteit',
  'contract',
  'tarief',
  'verantwoording',
  'wachttijd',
  'innovatie',
  'regio',
  'samenwerking',
  'aanbieder',
  'declaratie',
  'volume',
  'budget',
];
const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** A numbering walk: from each number, the first child, the next sibling, or up and on. */
export function numbering(random: () => number, count: number, maxDepth: number): number[][] {
  const numbers: number[][] = [];
  let current = [1];
  for (let index = 0; index < count; index++) {
    numbers.push([...current]);
    const step = random();
    if (step < 0.35 && current.length < maxDepth) current = [...current, 1];
    else if (step < 0.8 || current.length === 1) current = [...current.slice(0, -1), current.at(-1)! + 1];
    else {
      const up = 1 + Math.floor(random() * (current.length - 1));
      const parent = current.slice(0, current.length - up);
      current = [...parent.slice(0, -1), parent.at(-1)! + 1];
    }
  }
  return numbers;
}

/** A policy-like text of `count` numbered headings; the numbers in order. */
export function policyText(seed: number, count: number, maxDepth: number): { text: string; numbers: string[] } {
  let state = seed >>> 0 || 1;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const word = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const lines = ['Zorginkoopbeleid', ''];
  const numbers = numbering(random, count, maxDepth);
  for (const number of numbers) {
    lines.push(`${number.join('.')} ${capital(word())} en ${word()}`, '');
    // Boilerplate under every heading, and a sentence of its own.
    lines.push(
      'De zorgaanbieder houdt zich aan de afspraken in de overeenkomst.',
      `Voor ${word()} geldt een afspraak over ${word()} en ${word()} in de ${word()}.`,
      '',
    );
  }
  return { text: lines.join('\n'), numbers: numbers.map((number) => number.join('.')) };
}
