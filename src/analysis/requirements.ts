/**
 * Contract requirements, item by item: every item of a "voorwaarden", "randvoorwaarden",
 * "minimumeisen" or "uitsluitingsgronden" list, given the requirement types of
 * content/taxonomy/requirements.yaml whose keywords it matches, so that "BIG-geregistreerd
 * personeel" (CZ) and "beschikt over een BIG-registratie" (Caresq) land on one row.
 */
import { compileKeyword, compileKeywordRules, foldForMatching } from '../core/keyword-rules.ts';
import { splitPassages } from './passages.ts';
import type { PolicyDocument, Section } from '../core/schemas/document.ts';
import type { RequirementRules, Taxonomy } from '../core/schemas/taxonomy.ts';
import { computeNow, type Keep } from '../core/keep.ts';
import { foldText } from '../core/text.ts';
import { selfAndAncestors } from '../core/sections.ts';

export interface RequirementItem {
  document: PolicyDocument;
  section: Section;
  /** The item as published, list marker dropped. */
  text: string;
  /** Requirement type slugs, best first; empty when none matches. */
  types: string[];
}

/** A markerless list (a text layer that lost its bullets): short paragraphs, each one requirement. */
const MAX_PARAGRAPH_ITEM = 420;
const MIN_PARAGRAPH_ITEMS = 3;

/** The lead-in's own sentence: "... essentiële randvoorwaarden. De volgende ambities zijn:" is no requirements list. */
function lastSentence(text: string): string {
  return text.split(/(?<=[.!?])\s+(?=\p{Lu})/u).at(-1) ?? text;
}

export interface RequirementExtractor {
  extract(document: PolicyDocument): RequirementItem[];
}

export function createRequirementExtractor(rules: RequirementRules): RequirementExtractor {
  const phrases = (keywords: string[]) => keywords.map((keyword) => compileKeyword(keyword, 1).phrase);
  const headings = phrases(rules.lists.headings);
  const leadIns = phrases(rules.lists.leadIns);
  const exclude = phrases(rules.lists.exclude);
  const types = compileKeywordRules(rules.types);
  const has = (list: typeof headings, text: string) => list.some((phrase) => phrase.count(foldText(text)) > 0);
  const classify = (text: string) =>
    types
      .score([{ text: foldForMatching(text), factor: 1 }], 1)
      .filter((entry) => entry.score >= rules.minScore)
      .map((entry) => entry.slug);

  return {
    extract(document) {
      const byId = new Map(document.sections.map((section) => [section.id, section]));
      /** A requirements heading on the section or one of its ancestors, and no excluded word on the way. */
      const inRequirementsList = (section: Section): boolean => {
        for (const current of selfAndAncestors(section, byId)) {
          if (has(exclude, current.title)) return false;
          if (has(headings, current.title)) return true;
        }
        return false;
      };
      const items: RequirementItem[] = [];
      for (const section of document.sections) {
        const passages = splitPassages(section.text);
        const underHeading = inRequirementsList(section);
        const listItems = passages.filter(
          (passage) =>
            passage.kind === 'item' &&
            (underHeading ||
              (passage.leadIn !== null && has(leadIns, lastSentence(passage.leadIn)) && !has(exclude, section.title))),
        );
        let chosen: string[] = listItems.map((passage) => passage.plain);
        if (underHeading && passages.every((passage) => passage.kind === 'paragraph')) {
          const paragraphs = passages.filter((passage) => !passage.plain.trimEnd().endsWith(':'));
          if (
            paragraphs.length >= MIN_PARAGRAPH_ITEMS &&
            paragraphs.every((passage) => passage.plain.length <= MAX_PARAGRAPH_ITEM)
          )
            chosen = paragraphs.map((passage) => passage.plain);
        }
        for (const text of chosen) items.push({ document, section, text: text.trim(), types: classify(text) });
      }
      return items;
    },
  };
}

export interface RequirementMatrix {
  insurers: string[];
  /** One column per policy (insurer and care type), insurers in the taxonomy's order, then care types. */
  columns: PolicyDocument[];
  /** Per requirement type, the items keyed by the id of the policy they come from. */
  rows: Array<{ type: RequirementRules['types'][number]; cells: Record<string, RequirementItem[]> }>;
  /** Ids of the policies with a requirements list at all: where an empty cell means "not in this policy's list". */
  withList: Set<string>;
  /** Per insurer, the items no requirement type matched: listed, not dropped. */
  unmatched: Record<string, RequirementItem[]>;
  items: RequirementItem[];
}

/** Newest contract year per insurer and care type: the policies a provider signs under next. */
export function currentDocuments(documents: PolicyDocument[]): PolicyDocument[] {
  const newest = new Map<string, PolicyDocument>();
  for (const document of documents) {
    const key = `${document.insurer}/${document.careType}`;
    const seen = newest.get(key);
    if (!seen || document.year > seen.year) newest.set(key, document);
  }
  return documents.filter((document) => newest.get(`${document.insurer}/${document.careType}`) === document);
}

/** An item as it can be kept between builds: its section by id. */
export interface KeptRequirementItem {
  section: string;
  text: string;
  types: string[];
}

/** How the caller keeps a policy's items between builds (for the same code and taxonomy). */
export type KeepRequirementItems = Keep<PolicyDocument, KeptRequirementItem[]>;

export function requirementMatrix(
  documents: PolicyDocument[],
  taxonomy: Taxonomy,
  keep: KeepRequirementItems = computeNow,
): RequirementMatrix {
  const extractor = createRequirementExtractor(taxonomy.requirements);
  const items = documents.flatMap((document): RequirementItem[] => {
    const byId = new Map(document.sections.map((section) => [section.id, section]));
    return keep(document, () =>
      extractor.extract(document).map(({ section, text, types }) => ({ section: section.id, text, types })),
    ).flatMap(({ section, text, types }) => {
      const found = byId.get(section);
      return found ? [{ document, section: found, text, types }] : [];
    });
  });
  const insurers = taxonomy.insurers
    .map((insurer) => insurer.slug)
    .filter((slug) => documents.some((document) => document.insurer === slug));
  const careTypeOrder = new Map(taxonomy.careTypes.map((careType, index) => [careType.slug, index]));
  const columns = insurers.flatMap((insurer) =>
    documents
      .filter((document) => document.insurer === insurer)
      .sort(
        (a, b) =>
          (careTypeOrder.get(a.careType) ?? 0) - (careTypeOrder.get(b.careType) ?? 0) ||
          b.year - a.year ||
          a.id.localeCompare(b.id),
      ),
  );
  const rows = taxonomy.requirements.types.map((type) => {
    const cells: Record<string, RequirementItem[]> = {};
    for (const item of items) if (item.types.includes(type.slug)) (cells[item.document.id] ??= []).push(item);
    return { type, cells };
  });
  const unmatched: Record<string, RequirementItem[]> = {};
  for (const item of items) if (item.types.length === 0) (unmatched[item.document.insurer] ??= []).push(item);
  return { insurers, columns, rows, withList: new Set(items.map((item) => item.document.id)), unmatched, items };
}
