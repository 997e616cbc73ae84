/**
 * A comparison as plain JSON data and back: sections by their place in their document, so that a
 * comparison made by another process (or an earlier build) of the same two documents is, once
 * decoded, the one compareDocuments makes, pointing at this process's own sections.
 */
import type { PolicyDocument, Section } from '../core/schemas/document.ts';
import type { ComparedPair, Comparison } from './compare.ts';

interface EncodedPair extends Omit<ComparedPair, 'old' | 'new'> {
  /** Index in `from.sections`, -1 for none. */
  old: number;
  /** Index in `to.sections`, -1 for none. */
  new: number;
}

export interface EncodedComparison {
  from: string;
  to: string;
  /** How many sections each side had: a decoded comparison must be of the same documents. */
  sections: [number, number];
  pairs: EncodedPair[];
  summary: Comparison['summary'];
  stated: Array<{ change: number; section: number; sentence: string | null }>;
  pipelineDiffers: boolean;
}

export function encodeComparison(comparison: Comparison): EncodedComparison {
  const indexIn = (document: PolicyDocument) => {
    const at = new Map(document.sections.map((section, index) => [section, index]));
    return (section: Section | null) => (section ? at.get(section)! : -1);
  };
  const oldIndex = indexIn(comparison.from);
  const newIndex = indexIn(comparison.to);
  return {
    from: comparison.from.id,
    to: comparison.to.id,
    sections: [comparison.from.sections.length, comparison.to.sections.length],
    pairs: comparison.pairs.map((pair) => ({ ...pair, old: oldIndex(pair.old), new: newIndex(pair.new) })),
    summary: comparison.summary,
    stated: comparison.stated.map((location) => ({ ...location, section: newIndex(location.section) })),
    pipelineDiffers: comparison.pipelineDiffers,
  };
}

/** The comparison of `from` with `to` that `encoded` holds; an error when it is of other documents. */
export function decodeComparison(encoded: EncodedComparison, from: PolicyDocument, to: PolicyDocument): Comparison {
  if (
    encoded.from !== from.id ||
    encoded.to !== to.id ||
    encoded.sections[0] !== from.sections.length ||
    encoded.sections[1] !== to.sections.length
  )
    throw new Error(`A kept comparison of ${encoded.from} with ${encoded.to} was taken for ${from.id} with ${to.id}`);
  const at = (sections: Section[], index: number) => (index < 0 ? null : sections[index]!);
  return {
    from,
    to,
    pairs: encoded.pairs.map((pair) => ({ ...pair, old: at(from.sections, pair.old), new: at(to.sections, pair.new) })),
    summary: encoded.summary,
    stated: encoded.stated.map((location) => ({ ...location, section: at(to.sections, location.section) })),
    pipelineDiffers: encoded.pipelineDiffers,
  };
}
