/**
 * Comparing two policies: aligned section pairs with word diffs, a summary, and the policy's own
 * stated changes set against the changes the text shows. A detected change that no stated item
 * points at is "niet vermeld in de wijzigingenlijst".
 */
import { alignSections, comparableText, type SectionPair, WordIndex } from './align.ts';
import type { PolicyDocument } from '../core/schemas/document.ts';
import { type KeepLocations, locateStatedChanges, type StatedChangeLocation } from './stated-changes.ts';
import { diffSectionText, type WordDiff } from './word-diff.ts';
import { selfAndAncestors } from '../core/sections.ts';

export interface ComparedPair extends SectionPair {
  /** Anchor of the pair on a comparison page. */
  anchor: string;
  diff: WordDiff | null;
  /** Indexes in `to.changes` of the stated changes that point at this pair. */
  statedBy: number[];
}

export interface Comparison {
  from: PolicyDocument;
  to: PolicyDocument;
  pairs: ComparedPair[];
  summary: {
    changed: number;
    added: number;
    removed: number;
    moved: number;
    unchanged: number;
    wordsAdded: number;
    wordsRemoved: number;
  };
  stated: StatedChangeLocation[];
  /** True when the two documents were read by different pipeline versions: differences may be technical. */
  pipelineDiffers: boolean;
}

export function compareDocuments(
  from: PolicyDocument,
  to: PolicyDocument,
  words: WordIndex = new WordIndex(),
  keepLocations?: KeepLocations,
): Comparison {
  const stated = locateStatedChanges(to, keepLocations);
  const statedTexts = to.changes.map((change) => comparableText(change.text));
  const oldById = new Map(from.sections.map((section) => [section.id, section]));
  /**
   * Stated changes that name a removed section, or the removed section it stood in ("Het thema
   * ‘Acute zorg’ is vervallen").
   */
  const naming = (pair: SectionPair): number[] => {
    const titles: string[] = [];
    for (const section of selfAndAncestors(pair.old ?? undefined, oldById)) {
      const title = comparableText(section.title);
      if (title.length >= 5) titles.push(title);
    }
    return statedTexts.flatMap((text, index) => (titles.some((title) => text.includes(title)) ? [index] : []));
  };
  const statedIn = new Map<string, number[]>();
  for (const location of stated) {
    if (!location.section) continue;
    if (!statedIn.has(location.section.id)) statedIn.set(location.section.id, []);
    statedIn.get(location.section.id)!.push(location.change);
  }
  const pairs = alignSections(from.sections, to.sections, words).map((pair, index): ComparedPair => {
    const diff =
      pair.status === 'unchanged' || (pair.status === 'moved' && !pair.textChanged)
        ? null
        : diffSectionText(pair.old?.text ?? '', pair.new?.text ?? '');
    const section = pair.new ?? pair.old!;
    const statedBy = pair.status === 'removed' ? naming(pair) : [...(statedIn.get(pair.new!.id) ?? [])];
    return { ...pair, anchor: `w${index + 1}-${section.id}`, diff, statedBy };
  });
  const count = (status: SectionPair['status']) => pairs.filter((pair) => pair.status === status).length;
  return {
    from,
    to,
    pairs,
    summary: {
      changed: count('changed'),
      added: count('added'),
      removed: count('removed'),
      moved: count('moved'),
      unchanged: count('unchanged'),
      wordsAdded: pairs.reduce((sum, pair) => sum + (pair.diff?.wordsAdded ?? 0), 0),
      wordsRemoved: pairs.reduce((sum, pair) => sum + (pair.diff?.wordsRemoved ?? 0), 0),
    },
    stated,
    pipelineDiffers: from.ingest.pipelineVersion !== to.ingest.pipelineVersion,
  };
}

/** A detected change the policy's own list does not mention (only meaningful when it has a list). */
export function isUnstated(comparison: Comparison, pair: ComparedPair): boolean {
  const changeList = new Set(comparison.to.changes.map((change) => change.section));
  const isTheList = pair.new !== null && changeList.has(pair.new.id);
  return comparison.to.changes.length > 0 && pair.status !== 'unchanged' && pair.statedBy.length === 0 && !isTheList;
}
