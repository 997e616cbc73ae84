/** How a section and its place are written for a reader: heading labels, excerpts, citations, dates. */
import type { Section } from './schemas/document.ts';
import { stripLinks } from './text.ts';

/** Section heading text as printed: "2.2.4 Intramurale farmacie". */
export function sectionLabel(section: Section): string {
  if (section.level === 0) return 'Voorwerk';
  return section.number ? `${section.number} ${section.title}` : section.title;
}

/** Depth in the tree (1 = top), for heading elements that never skip a level. */
export function sectionDepths(sections: Section[]): Map<string, number> {
  const depths = new Map<string, number>();
  for (const section of sections) depths.set(section.id, section.parent ? (depths.get(section.parent) ?? 0) + 1 : 1);
  return depths;
}

/** The first words of a section's text, links reduced to their labels. */
export function excerpt(text: string, maxLength = 220): string {
  const plain = stripLinks(text)
    .replace(/\s+/gu, ' ')
    .replace(/(^|\s)- /gu, '$1')
    .trim();
  if (plain.length <= maxLength) return plain;
  return `${plain.slice(0, maxLength).replace(/\s+\S*$/u, '')} …`;
}

/** "regels 120–145" (and pages for a PDF). */
export function citation(section: Pick<Section, 'lines' | 'pages'>): string {
  const [from, to] = section.lines;
  const lines = from === to ? `regel ${from}` : `regels ${from}–${to}`;
  if (!section.pages) return lines;
  const [first, last] = section.pages;
  return `${first === last ? `p. ${first}` : `pp. ${first}–${last}`}, ${lines}`;
}

/**
 * A citation of one section to paste into a note or a letter: the policy (insurer, title, years),
 * the section (number and title), where it stands in the published source, the permanent URL and
 * the day it was looked up.
 */
export function sectionCitationText(parts: {
  policy: string;
  section: string;
  source: string;
  url: string;
  consulted: string;
}): string {
  const consulted = `geraadpleegd op ${formatDate(parts.consulted)}`;
  return `${parts.policy}, ${parts.section}, ${parts.source}. ${parts.url} (${consulted})`;
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}

/** "1 beleidsdocument", "3 beleidsdocumenten": a count with its noun in the right number. */
export function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * What a comparison cell can say, in words (never a bare dash): the policy says something on it,
 * the policy says nothing on it, or there is no policy to read. The page, its legend and its CSV
 * use the same words.
 */
export const CELL_STATES = {
  said: { word: 'genoemd', symbol: '✓' },
  notMentioned: { word: 'niet genoemd in dit beleid', symbol: '○' },
  noPolicy: { word: 'geen beleid voor deze zorgsoort', symbol: '∅' },
} as const;

/** A requirements matrix cell of a policy in which no requirements list was found: not the same as "not required". */
export const NO_REQUIREMENTS_LIST = { word: 'geen lijst met eisen gevonden in dit beleid', symbol: '–' } as const;

/** Which policy a comparison column reads: the insurer's own for the care type, or its general one. */
export const CHOICE_LABELS = {
  own: 'eigen beleid voor deze zorgsoort',
  fallback: 'algemeen beleid (geen apart beleid voor deze zorgsoort)',
} as const;
