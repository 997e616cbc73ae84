/**
 * A synthetic corpus for the benchmark: N policies (default 1,000 = 10 insurers × 20 care types ×
 * 5 years) grown from the five real sources with a seeded random generator, so every run of the
 * same seed writes the same bytes. Each insurer × care type starts from one real policy (names and
 * years rewritten) and each next year edits words, adds, removes and moves sections. A move is two
 * sibling sections trading places under their numbers (the insurer renumbers); the moved titles
 * are recorded, so a diff can be checked against what really happened.
 */
import type { PolicyDocument } from '../../src/core/schemas/document.ts';
import type { Taxonomy } from '../../src/core/schemas/taxonomy.ts';
import { escapeRegExp, splitLines } from '../../src/core/text.ts';

export interface BaseSource {
  document: PolicyDocument;
  text: string;
}

export interface SyntheticPolicy {
  file: string;
  insurer: string;
  careType: string;
  year: number;
  title: string;
  text: string;
  /** Each move against the year before: the titles of the two sibling sections that traded places. */
  moved: Array<[string, string]>;
}

/** One section's own lines (heading and text up to the next heading), the unit the generator edits. */
interface Unit {
  number: string | null;
  title: string;
  level: number;
  lines: string[];
}

/** mulberry32: small, fast and good enough to pick edits; seeded so the corpus is reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function unitsOf(base: BaseSource): { preamble: string[]; units: Unit[] } {
  const lines = splitLines(base.text);
  const sections = [...base.document.sections]
    .filter((section) => section.level > 0)
    .sort((a, b) => a.lines[0] - b.lines[0]);
  const starts = sections.map((section) => section.lines[0]);
  const units = sections.map((section, index) => ({
    number: section.number,
    title: section.title,
    level: section.level,
    lines: lines.slice(section.lines[0] - 1, (starts[index + 1] ?? lines.length + 1) - 1),
  }));
  return { preamble: lines.slice(0, (starts[0] ?? lines.length + 1) - 1), units };
}

const EDIT_WORDS = ['in het bijzonder', 'waar mogelijk', 'vanaf dit jaar', 'in overleg', 'aantoonbaar', 'regionaal'];

export function generateCorpus(
  bases: BaseSource[],
  taxonomy: Taxonomy,
  options: { count: number; seed: number; firstYear?: number; years?: number },
): SyntheticPolicy[] {
  const random = seededRandom(options.seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const years = options.years ?? 5;
  const firstYear = options.firstYear ?? 2023;
  const parsed = bases.map((base) => ({ base, ...unitsOf(base) }));
  const policies: SyntheticPolicy[] = [];
  const isLeaf = (units: Unit[], index: number) => (units[index + 1]?.level ?? 0) <= units[index]!.level;
  const bodyLines = (unit: Unit) =>
    unit.lines
      .map((line, index) => ({ line, index }))
      .filter(({ line, index }) => index > 0 && line.split(' ').length >= 8);

  outer: for (const [insurerIndex, insurer] of taxonomy.insurers.entries()) {
    for (const [careIndex, careType] of taxonomy.careTypes.entries()) {
      const { base, preamble, units: baseUnits } = parsed[(insurerIndex * 7 + careIndex) % parsed.length]!;
      const fromNames = taxonomy.insurers.find((candidate) => candidate.slug === base.document.insurer)!.names;
      const rename = new RegExp(`\\b(?:${fromNames.map(escapeRegExp).join('|')})\\b`, 'gu');
      let units: Unit[] = baseUnits.map((unit) => ({ ...unit, lines: [...unit.lines] }));
      for (let step = 0; step < years; step++) {
        if (policies.length >= options.count) break outer;
        const year = firstYear + step;
        const moved: Array<[string, string]> = [];
        if (step > 0) {
          units = units.map((unit) => ({ ...unit, lines: [...unit.lines] }));
          // An added section is never one the policy had last year: two copies of one text make an
          // ambiguous pair, and a section removed here and added back elsewhere is in truth a move.
          const present = new Set(units.map((unit) => unit.title));
          // Edits: a few words in a few sections.
          for (let edit = 0; edit < 3 + Math.floor(random() * 4); edit++) {
            const unit = pick(units);
            const candidates = bodyLines(unit);
            if (candidates.length === 0) continue;
            const { line, index } = pick(candidates);
            const words = line.split(' ');
            const at = 1 + Math.floor(random() * (words.length - 1));
            if (random() < 0.5) words.splice(at, 0, pick(EDIT_WORDS));
            else words.splice(at, 1);
            unit.lines[index] = words.join(' ');
          }
          // Removed: a leaf section, sometimes.
          if (random() < 0.5) {
            const leaves = units
              .map((_, index) => index)
              .filter((index) => isLeaf(units, index) && units[index]!.level > 1);
            if (leaves.length > 0) units.splice(pick(leaves), 1);
          }
          // Added: a section from another policy, without its number, after a leaf.
          if (random() < 0.6) {
            const donors = pick(parsed).units.filter((unit) => unit.lines.length > 3 && !present.has(unit.title));
            if (donors.length > 0) {
              const donor = pick(donors);
              const at = pick(units.map((_, index) => index).filter((index) => isLeaf(units, index)));
              const heading = donor.title.replace(/[.:;]+$/u, '');
              units.splice(at + 1, 0, {
                number: null,
                title: heading,
                level: units[at]!.level,
                lines: ['', heading, '', ...donor.lines.slice(1)],
              });
            }
          }
          // Moved: two numbered sibling leaves trade places, each keeping the other's number.
          const swaps = units
            .map((_, index) => index)
            .filter((index) => {
              const [a, b] = [units[index]!, units[index + 1]];
              return (
                b &&
                a.number &&
                b.number &&
                a.level === b.level &&
                isLeaf(units, index) &&
                isLeaf(units, index + 1) &&
                a.lines[0]!.startsWith(a.number) &&
                b.lines[0]!.startsWith(b.number)
              );
            });
          if (swaps.length > 0 && random() < 0.8) {
            const index = pick(swaps);
            const [a, b] = [units[index]!, units[index + 1]!];
            const renumber = (unit: Unit, number: string): Unit => ({
              ...unit,
              number,
              lines: [`${number}${unit.lines[0]!.slice(unit.number!.length)}`, ...unit.lines.slice(1)],
            });
            units[index] = renumber(b, a.number!);
            units[index + 1] = renumber(a, b.number!);
            moved.push([b.title, a.title]);
          }
        }
        const shift = year - base.document.year;
        const rewrite = (line: string) =>
          line.replace(rename, insurer.name).replace(/\b(20[1-3]\d)\b/gu, (match) => String(Number(match) + shift));
        const text = `${[...preamble, ...units.flatMap((unit) => unit.lines)].map(rewrite).join('\n')}\n`;
        policies.push({
          file: `${insurer.slug}-${year}-${careType.slug}.txt`,
          insurer: insurer.slug,
          careType: careType.slug,
          year,
          title: `Zorginkoopbeleid ${careType.name} ${year}`,
          text,
          moved: moved.map(([first, second]) => [rewrite(first), rewrite(second)]),
        });
      }
    }
  }
  return policies;
}
