/**
 * Where a policy's own change list points: "Aan paragraaf 2.3 zijn de volgende voorwaarden
 * toegevoegd: – De zorgaanbieder heeft minimaal 2 FTE ..." is found as its sentence in 2.3. The
 * reference ("paragraaf 2.3", "hoofdstuk 4", "kopje 'iMSR bij chronische pijn'") narrows the
 * search; nested items inherit their parent's; the sentence is the one sharing most words.
 */
import type { PolicyDocument, Section } from '../core/schemas/document.ts';
import { computeNow, type Keep } from '../core/keep.ts';
import { comparableText, comparableTextOf } from './align.ts';
import { selfAndAncestors } from '../core/sections.ts';
import { mayHaveLink } from '../core/text.ts';

export interface StatedChangeLocation {
  /** Index in document.changes. */
  change: number;
  section: Section | null;
  /** The sentence or list item the change is about, when one shares enough of its words. */
  sentence: string | null;
}

const NUMBER_REFERENCE = /\b(?:paragraaf|paragrafen|hoofdstuk|hoofdstukken|par\.|art\.)\s+(\d+(?:\.\d+)*)/giu;
const HEADING_REFERENCE = /\bkopje\s+['‘’"“]([^'’"”]+)['’"”]/giu;
const MIN_CONTAINMENT = 0.6;

function words(text: string): Set<string> {
  return wordSet(comparableText(text));
}

/** The words of a comparable text (comparableText's) that say something: three letters or more. */
function wordSet(comparable: string): Set<string> {
  return new Set(comparable.split(' ').filter((word) => word.length > 2));
}

/** How many of `wanted` are in `have`, as a share of `wanted`. */
function containment(wanted: Set<string>, have: Set<string>): number {
  let shared = 0;
  for (const word of wanted) if (have.has(word)) shared++;
  return shared / wanted.size;
}

/** Sentences and list items of a section's text. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/u)
    .flatMap((line) => line.replace(/^\s*(?:-|\d+\.)\s+/u, '').split(/(?<=[.!?])\s+(?=\p{Lu})/u))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** A location as it can be kept between builds: the section by its id. */
export interface KeptLocation {
  change: number;
  section: string | null;
  sentence: string | null;
}

/**
 * How the caller keeps a document's locations between builds: finding each sentence reads every
 * candidate section's text, and after one policy changed the others' locations are as they were.
 */
export type KeepLocations = Keep<PolicyDocument, KeptLocation[]>;

/** Per document: it is the newer side of several comparisons in one build. */
const locatedIn = new WeakMap<PolicyDocument, StatedChangeLocation[]>();

export function locateStatedChanges(
  document: PolicyDocument,
  keep: KeepLocations = computeNow,
): StatedChangeLocation[] {
  let located = locatedIn.get(document);
  if (!located) {
    const byId = new Map(document.sections.map((section) => [section.id, section]));
    located = keep(document, () =>
      locate(document).map(({ change, section, sentence }) => ({ change, section: section?.id ?? null, sentence })),
    ).map(({ change, section, sentence }) => ({
      change,
      section: section === null ? null : (byId.get(section) ?? null),
      sentence,
    }));
    locatedIn.set(document, located);
  }
  return located;
}

function locate(document: PolicyDocument): StatedChangeLocation[] {
  const sections = document.sections;
  const byId = new Map(sections.map((section) => [section.id, section]));
  const changeSections = new Set(document.changes.map((change) => change.section));
  const numberOf = (section: Section): string | null => {
    for (const current of selfAndAncestors(section, byId)) {
      if (current.number) return current.number;
    }
    return null;
  };
  const inSubtree = (section: Section, number: string) => {
    const own = numberOf(section);
    return own !== null && (own === number || own.startsWith(`${number}.`));
  };
  const references = (text: string) => ({
    numbers: [...text.matchAll(NUMBER_REFERENCE)].map((match) => match[1]!),
    headings: [...text.matchAll(HEADING_REFERENCE)].map((match) => comparableText(match[1]!)),
  });

  // Each section's sentences with their words, worked out once for all the changes that look there.
  const sentenceWords = new Map<Section, Array<{ sentence: string; words: Set<string> }>>();
  // Every word of a section's text: a sentence's words are among them, so a section without enough
  // of a change's words has no sentence that does, and is not cut up. Not for a text with links: a
  // link's label runs into the word after it once the link is taken out, and a sentence cut
  // through another link may take a different one out, making a word the whole text lacks.
  const sectionWords = new Map<Section, Set<string> | null>();
  const allWordsOf = (section: Section) => {
    let all = sectionWords.get(section);
    if (all === undefined) {
      all = mayHaveLink(section.text) ? null : wordSet(comparableTextOf(section));
      sectionWords.set(section, all);
    }
    return all;
  };
  const sentencesWithWords = (section: Section) => {
    let list = sentenceWords.get(section);
    if (!list) {
      list = sentencesOf(section.text).map((sentence) => ({ sentence, words: words(sentence) }));
      sentenceWords.set(section, list);
    }
    return list;
  };
  const located: StatedChangeLocation[] = [];
  document.changes.forEach((change, index) => {
    const own = references(change.text);
    const inherited =
      change.parent !== undefined ? references(document.changes[change.parent]!.text) : { numbers: [], headings: [] };
    const numbers = own.numbers.length ? own.numbers : inherited.numbers;
    const headings = own.headings.length ? own.headings : inherited.headings;
    let candidates = sections.filter((section) => section.level > 0 && !changeSections.has(section.id));
    const byHeading = candidates.filter((section) => headings.includes(comparableText(section.title)));
    const byNumber = candidates.filter((section) => numbers.some((number) => inSubtree(section, number)));
    if (byHeading.length) candidates = byHeading;
    else if (byNumber.length) candidates = byNumber;

    const wanted = words(change.text);
    let best: { section: Section; sentence: string; score: number } | null = null;
    for (const section of candidates) {
      const all = allWordsOf(section);
      if (wanted.size === 0 || (all && containment(wanted, all) < MIN_CONTAINMENT)) continue;
      for (const { sentence, words: have } of sentencesWithWords(section)) {
        const score = containment(wanted, have);
        if (!best || score > best.score) best = { section, sentence, score };
      }
    }
    if (best && best.score >= MIN_CONTAINMENT)
      located.push({ change: index, section: best.section, sentence: best.sentence });
    else located.push({ change: index, section: byHeading[0] ?? byNumber[0] ?? null, sentence: null });
  });
  return located;
}
