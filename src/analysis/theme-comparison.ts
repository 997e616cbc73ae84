/**
 * What insurers say on one theme, side by side: one column per insurer (its policy of one care
 * type and contract year, chosen by policy-choice.ts), one row per sub-topic from
 * content/taxonomy/themes.yaml. Each section on the
 * theme is cut into passages; a passage goes to the sub-topic whose keywords score best on it,
 * so "CSRD" lines up with "CSRD" across insurers even where their chapters are cut differently.
 */
import { compileKeywordRules, foldForMatching, type KeywordRules } from '../core/keyword-rules.ts';
import { splitPassages, type Passage } from './passages.ts';
import type { PolicyDocument, Section } from '../core/schemas/document.ts';
import type { Taxonomy, Theme } from '../core/schemas/taxonomy.ts';
import { countWords } from '../core/text.ts';
import { choosePolicies, type ComparisonView, type PolicyChoice } from './policy-choice.ts';
import { oncePer } from '../core/memo.ts';

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
  /** The policy the column reads, or that the insurer has none for the care type and year. */
  choice: PolicyChoice;
  /** Per row slug, the passages grouped by the section they come from. */
  cells: Record<string, CellGroup[]>;
  sections: number;
  words: number;
}

export interface ThemeComparison {
  theme: Theme;
  view: ComparisonView;
  rows: Array<{ slug: string; label: string }>;
  columns: ThemeColumn[];
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

/** Each section's word count, counted once: a policy is in many comparisons (views, pages, CSVs, coverage). */
const wordCounts = new WeakMap<Section, number>();

/** The words of these sections together (themeSectionsOf's). */
export function wordsOf(sections: ReadonlyArray<{ section: Section }>): number {
  let sum = 0;
  for (const { section } of sections) {
    let words = wordCounts.get(section);
    if (words === undefined) wordCounts.set(section, (words = countWords(section.text)));
    sum += words;
  }
  return sum;
}

export function compareOnTheme(
  documents: PolicyDocument[],
  taxonomy: Taxonomy,
  themeSlug: string,
  view: ComparisonView,
  insurers?: string[],
): ThemeComparison {
  const theme = taxonomy.themes.find((candidate) => candidate.slug === themeSlug);
  if (!theme) throw new Error(`Unknown theme "${themeSlug}": the themes are in content/taxonomy/themes.yaml.`);
  const { subtopicRules, themeRules } = rulesOf(theme);
  const columns = choosePolicies(documents, taxonomy, view, insurers).map((choice): ThemeColumn => {
    const cells: Record<string, CellGroup[]> = {};
    const on = themeSectionsOf(choice.documents, theme.slug);
    for (const { document, section } of on) {
      const passages = splitPassages(section.text);
      const rows = passageRows(section, theme, taxonomy.themeSettings.minScore, () => {
        const primary = section.themes[0] === theme.slug;
        return passages.map((passage) =>
          rowOf(passage, primary, subtopicRules, themeRules, taxonomy.themeSettings.minScore),
        );
      });
      for (const [index, passage] of passages.entries()) {
        const row = rows[index];
        if (!row) continue;
        const groups = (cells[row] ??= []);
        const last = groups.at(-1);
        if (last && last.section === section) last.passages.push(passage);
        else groups.push({ document, section, passages: [passage] });
      }
    }
    return {
      insurer: choice.insurer,
      choice,
      cells,
      sections: on.length,
      words: wordsOf(on),
    };
  });
  return {
    theme,
    view,
    rows: [...theme.subtopics.map(({ slug, label }) => ({ slug, label })), OTHER_ROW],
    columns,
  };
}

/** A theme's keyword rules, compiled once: every comparison page and CSV of the theme scores with them. */
const rulesOf = oncePer((theme: Theme): { subtopicRules: KeywordRules; themeRules: KeywordRules } => ({
  subtopicRules: compileKeywordRules(theme.subtopics),
  themeRules: compileKeywordRules([theme]),
}));

/**
 * Per section and theme, the row of each of its passages, found once: a policy is on many
 * comparison pages (its own care type's, those that fall back to it) and in their CSVs. Only the
 * rows are kept, not the passages, which are cut again each time at little cost.
 */
const rowsFound = new WeakMap<Section, WeakMap<Theme, { minScore: number; rows: Array<string | null> }>>();

function passageRows(
  section: Section,
  theme: Theme,
  minScore: number,
  find: () => Array<string | null>,
): Array<string | null> {
  let byTheme = rowsFound.get(section);
  if (!byTheme) rowsFound.set(section, (byTheme = new WeakMap()));
  const found = byTheme.get(theme);
  if (found && found.minScore === minScore) return found.rows;
  const rows = find();
  byTheme.set(theme, { minScore, rows });
  return rows;
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
