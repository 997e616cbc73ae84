/**
 * The site's view of the structured corpus and the taxonomy, loaded once per build: lookups by
 * slug, sections by theme, paths. Pages stay thin; this module is plain data in, data out.
 */
import type { PolicyDocument, Section } from './schema.ts';
import type { CareType, Insurer, Taxonomy, Theme } from './taxonomy.ts';
import { loadCorpus } from './corpus.ts';
import { readTaxonomy } from './read-inputs.ts';
import { stripLinks } from './text.ts';

export interface SectionRef {
  document: PolicyDocument;
  section: Section;
}

export interface Site {
  documents: PolicyDocument[];
  taxonomy: Taxonomy;
  insurer(slug: string): Insurer;
  careType(slug: string): CareType;
  theme(slug: string): Theme;
  /** The insurer's policies, newest first (one array per insurer: do not change it). */
  documentsOf(insurer: string): readonly PolicyDocument[];
  sectionsOnTheme(theme: string): SectionRef[];
}

let site: Promise<Site> | null = null;

export function getSite(): Promise<Site> {
  site ??= createSite();
  return site;
}

async function createSite(): Promise<Site> {
  const taxonomy = await readTaxonomy('content/taxonomy');
  const documents = loadCorpus();
  const find = <T extends { slug: string }>(items: T[], what: string) => (slug: string): T => {
    const item = items.find((candidate) => candidate.slug === slug);
    if (!item) throw new Error(`The corpus names ${what} "${slug}", which is not in content/taxonomy/: run \`npm run ingest\` again.`);
    return item;
  };
  const byTheme = new Map<string, SectionRef[]>();
  for (const document of newestFirst(documents)) {
    for (const section of document.sections) {
      for (const theme of section.themes) {
        if (!byTheme.has(theme)) byTheme.set(theme, []);
        byTheme.get(theme)!.push({ document, section });
      }
    }
  }
  const ofInsurer = new Map<string, PolicyDocument[]>();
  return {
    documents,
    taxonomy,
    insurer: find(taxonomy.insurers, 'insurer'),
    careType: find(taxonomy.careTypes, 'care type'),
    theme: find(taxonomy.themes, 'theme'),
    documentsOf: (insurer) => {
      if (!ofInsurer.has(insurer)) ofInsurer.set(insurer, newestFirst(documents.filter((document) => document.insurer === insurer)));
      return ofInsurer.get(insurer)!;
    },
    sectionsOnTheme: (theme) => byTheme.get(theme) ?? [],
  };
}

/** Newest contract year first, then by care type: the order a reader scans policies in. */
export function newestFirst(documents: PolicyDocument[]): PolicyDocument[] {
  return [...documents].sort((a, b) => b.year - a.year || a.careType.localeCompare(b.careType) || a.insurer.localeCompare(b.insurer));
}

export const paths = {
  home: '/',
  insurers: '/verzekeraars/',
  insurer: (slug: string) => `/verzekeraars/${slug}/`,
  policy: (id: string) => `/beleid/${id}/`,
  section: (documentId: string, sectionId: string) => `/beleid/${documentId}/#${sectionId}`,
  source: (documentId: string, line?: number) => `/beleid/${documentId}/bron/${line ? `#r${line}` : ''}`,
  themes: '/themas/',
  theme: (slug: string) => `/themas/${slug}/`,
  search: '/zoeken/',
  json: (documentId: string) => `/api/documents/${documentId}.json`,
  compare: '/vergelijk/',
  compareTheme: (theme: string) => `/vergelijk/${theme}/`,
  compareColumn: (theme: string, insurer: string, year: number) => `/vergelijk/${theme}/${insurer}/${year}/`,
  requirements: '/voorwaarden/',
  requirementsCsv: '/voorwaarden/voorwaarden.csv',
  calendar: '/kalender/',
  calendarIcs: (insurer?: string) => `/kalender/${insurer ?? 'alle'}.ics`,
};

/** Whether a section is a record of the search index: all but a front matter without text. */
export function hasSearchRecord(section: Pick<Section, 'level' | 'text'>): boolean {
  return !(section.level === 0 && stripLinks(section.text).trim() === '');
}

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
  const plain = stripLinks(text).replace(/\s+/gu, ' ').replace(/(^|\s)- /gu, '$1').trim();
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

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}
