/**
 * The site's view of the structured corpus and the taxonomy, loaded once per build: lookups by
 * slug, sections by theme, the change log. Pages stay thin: they ask here, and this module asks
 * the io layer for the corpus, the taxonomy and what is kept between builds.
 */
import type { PolicyDocument, Section } from '../core/schemas/document.ts';
import type { Keep } from '../core/keep.ts';
import type { CareType, Insurer, Taxonomy, Theme } from '../core/schemas/taxonomy.ts';
import { buildChangeLog, type ChangeLogEntry } from '../analysis/changelog.ts';
import { type ChangeCounts, changeCounts, Comparisons } from '../analysis/history.ts';
import type { EncodedComparison } from '../analysis/comparison-codec.ts';
import { currentDocuments, type RequirementMatrix, requirementMatrix } from '../analysis/requirements.ts';
import { keptBetweenBuilds } from '../io/build-cache.ts';
import { config } from '../io/config.ts';
import { contentHashOf, loadCorpus } from '../io/corpus.ts';
import { readTaxonomy } from '../io/read-inputs.ts';

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
  /** Every change of every insurer, made once per build (each change-log page and feed filters it). */
  changeLog(): readonly ChangeLogEntry[];
  /** The build's comparisons: two policies are compared once, whichever pages show them. */
  comparisons: Comparisons;
  /** How many sections changed from one policy to another, kept between builds (a list of steps needs no more). */
  changeCounts(from: PolicyDocument, to: PolicyDocument): ChangeCounts;
  /** Requirements of the insurers' current policies: made once per build, each policy's items kept between builds. */
  requirements(): RequirementMatrix;
}

let site: Promise<Site> | null = null;

export function getSite(): Promise<Site> {
  site ??= createSite();
  return site;
}

async function createSite(): Promise<Site> {
  const taxonomy = await readTaxonomy(config().taxonomyDir);
  const documents = loadCorpus();
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
  let changeLog: ChangeLogEntry[] | undefined;
  let requirements: RequirementMatrix | undefined;
  const comparisons = keptComparisons();
  return {
    documents,
    taxonomy,
    insurer: bySlug(taxonomy.insurers, 'insurer'),
    careType: bySlug(taxonomy.careTypes, 'care type'),
    theme: bySlug(taxonomy.themes, 'theme'),
    documentsOf: (insurer) => {
      if (!ofInsurer.has(insurer))
        ofInsurer.set(insurer, newestFirst(documents.filter((document) => document.insurer === insurer)));
      return ofInsurer.get(insurer)!;
    },
    sectionsOnTheme: (theme) => byTheme.get(theme) ?? [],
    comparisons,
    changeCounts: (from, to) =>
      keptPerPair<ChangeCounts>('change-counts')(from, to, () => changeCounts(comparisons.of(from, to))),
    requirements: () => {
      requirements ??= requirementMatrix(currentDocuments(documents), taxonomy, keptPerDocument('requirements'));
      return requirements;
    },
    changeLog: () => {
      changeLog ??= buildChangeLog(documents, keptPerPair('detected-changes'), comparisons);
      return changeLog;
    },
  };
}

/** A taxonomy entry by its slug; one the corpus names but the taxonomy lacks is an error that says what to do. */
export const bySlug =
  <T extends { slug: string }>(items: T[], what: string) =>
  (slug: string): T => {
    const item = items.find((candidate) => candidate.slug === slug);
    if (!item)
      throw new Error(
        `The corpus names ${what} "${slug}", which is not in content/taxonomy/: run \`npm run ingest\` again.`,
      );
    return item;
  };

/**
 * Comparisons kept between builds, whole and by where stated changes point: the build may have
 * another process make them ahead of the pages (made-ahead.ts).
 */
export function keptComparisons(): Comparisons {
  return new Comparisons(keptPerDocument('stated-changes'), ([from, to], compute) =>
    keptPerPair<EncodedComparison>('comparisons')(from, to, compute),
  );
}

/** A result per document kept between builds under `kind`, by the document's content. */
function keptPerDocument<T>(kind: string): Keep<PolicyDocument, T> {
  return (document, compute) => keptBetweenBuilds(kind, [contentHashOf(document)], compute);
}

/** A result per pair of documents kept between builds under `kind`, by the documents' content. */
function keptPerPair<T>(kind: string) {
  return (from: PolicyDocument, to: PolicyDocument, compute: () => T): T =>
    keptBetweenBuilds(kind, [contentHashOf(from), contentHashOf(to)], compute);
}

/** Newest contract year first, then by care type: the order a reader scans policies in. */
export function newestFirst(documents: PolicyDocument[]): PolicyDocument[] {
  return [...documents].sort(
    (a, b) => b.year - a.year || a.careType.localeCompare(b.careType) || a.insurer.localeCompare(b.insurer),
  );
}
