/**
 * What insurers say on one theme, side by side: one column per insurer (the policies of one
 * contract year), one row per sub-topic from content/taxonomy/themes.yaml. Each section on the
 * theme is cut into passages; a passage goes to the sub-topic whose keywords score best on it,
 * so "CSRD" lines up with "CSRD" across insurers even where their chapters are cut differently.
 */
import { compileKeywordRules, foldForMatching, type KeywordRules } from '../core/keyword-rules.ts';
import { splitPassages, type Passage } from './passages.ts';
import type { PolicyDocument, Section } from '../core/schemas/document.ts';
import type { Taxonomy, Theme } from '../core/schemas/taxonomy.ts';
import { countWords } from '../core/text.ts';

/** A passage needs this score for a sub-topic: one strong keyword, or two weaker ones. */
export const SUBTOPIC_MIN_SCORE = 3;
export const OTHER_ROW = { slug: 'overig', label: 'Overig' } as const;

export interface CellGroup {
  document: PolicyDocument;
  section: Section;
  passages: Passage[];
}

export interface ThemeColumn {
  insurer: string;
  year: number;
  /** Contract years of this insurer's policies, newest first: what the reader can switch to. */
  years: number[];
  documents: PolicyDocument[];
  /** Per row slug, the passages grouped by the section they come from. */
  cells: Record<string, CellGroup[]>;
  sections: number;
  words: number;
}

export interface ThemeComparison {
  theme: Theme;
  rows: Array<{ slug: string; label: string }>;
  columns: ThemeColumn[];
}

/** Insurer slug → contract year; an insurer left out gets its newest year. */
export type YearSelection = Record<string, number>;

export function yearsOf(documents: PolicyDocument[], insurer: string): number[] {
  return [
    ...new Set(documents.filter((document) => document.insurer === insurer).map((document) => document.year)),
  ].sort((a, b) => b - a);
}

/** Sections on a theme, in reading order, of the given policies. */
export function themeSectionsOf(
  documents: PolicyDocument[],
  theme: string,
): Array<{ document: PolicyDocument; section: Section }> {
  return documents.flatMap((document) =>
    document.sections.filter((section) => section.themes.includes(theme)).map((section) => ({ document, section })),
  );
}

export function compareOnTheme(
  documents: PolicyDocument[],
  taxonomy: Taxonomy,
  themeSlug: string,
  selection: YearSelection = {},
  insurers?: string[],
): ThemeComparison {
  const theme = taxonomy.themes.find((candidate) => candidate.slug === themeSlug);
  if (!theme) throw new Error(`Unknown theme "${themeSlug}": the themes are in content/taxonomy/themes.yaml.`);
  const subtopicRules = compileKeywordRules(theme.subtopics);
  const themeRules = compileKeywordRules([theme]);
  const wanted =
    insurers ??
    taxonomy.insurers
      .map((insurer) => insurer.slug)
      .filter((slug) => documents.some((document) => document.insurer === slug));
  const columns = wanted.flatMap((insurer): ThemeColumn[] => {
    const years = yearsOf(documents, insurer);
    if (years.length === 0) return [];
    const year =
      selection[insurer] !== undefined && years.includes(selection[insurer]) ? selection[insurer] : years[0]!;
    const ofYear = documents.filter((document) => document.insurer === insurer && document.year === year);
    const cells: Record<string, CellGroup[]> = {};
    const on = themeSectionsOf(ofYear, theme.slug);
    for (const { document, section } of on) {
      const primary = section.themes[0] === theme.slug;
      for (const passage of splitPassages(section.text)) {
        const row = rowOf(passage, primary, subtopicRules, themeRules, taxonomy.themeSettings.minScore);
        if (!row) continue;
        const groups = (cells[row] ??= []);
        const last = groups.at(-1);
        if (last && last.section === section) last.passages.push(passage);
        else groups.push({ document, section, passages: [passage] });
      }
    }
    return [
      {
        insurer,
        year,
        years,
        documents: ofYear,
        cells,
        sections: on.length,
        words: on.reduce((sum, { section }) => sum + countWords(section.text), 0),
      },
    ];
  });
  return { theme, rows: [...theme.subtopics.map(({ slug, label }) => ({ slug, label })), OTHER_ROW], columns };
}

/**
 * The row of a passage: its best sub-topic; else "Overig" when the section is mainly about the
 * theme or the passage itself is (a section that touches the theme in passing adds only the
 * passages that are on it).
 */
function rowOf(
  passage: Passage,
  primary: boolean,
  subtopics: KeywordRules,
  theme: KeywordRules,
  themeMinScore: number,
): string | null {
  const folded = [{ text: foldForMatching(passage.plain), factor: 1 }];
  const best = subtopics.score(folded)[0];
  if (best && best.score >= SUBTOPIC_MIN_SCORE) return best.slug;
  if (primary || (theme.score(folded)[0]?.score ?? 0) >= themeMinScore) return OTHER_ROW.slug;
  return null;
}
