/**
 * Section alignment between two versions of a policy (or two policies of one insurer): pair
 * every section of the old version with its counterpart in the new one by text similarity,
 * title, number and themes, so a renamed or renumbered section still pairs up. A pair whose
 * order relative to the others changed is "moved", not deleted and added.
 */
import type { Section } from '../core/schemas/document.ts';
import { foldText, mayHaveLink, stripLinks } from '../core/text.ts';
import { oncePer } from '../core/memo.ts';

export type PairStatus = 'unchanged' | 'changed' | 'added' | 'removed' | 'moved';

export interface SectionPair {
  status: PairStatus;
  old: Section | null;
  new: Section | null;
  /** Text similarity of the pair (cosine of word counts), 0 for added/removed. */
  similarity: number;
  textChanged: boolean;
  retitled: boolean;
  renumbered: boolean;
}

const MIN_SCORE = 0.35;

/**
 * What a section is compared by, worked out once per section: a document is compared several
 * times in one build. Its words are numbers (in the order first seen), sorted, with their counts:
 * compact enough to keep for every section of a large corpus.
 */
interface Comparable {
  plain: string;
  title: string;
  titleWords: Set<string>;
  /** Distinct words (two letters or more) by ascending id … */
  ids: Int32Array;
  /** … and how often each occurs. */
  counts: Int32Array;
}

/** One section within one comparison: its words weighed against both versions. */
interface Profile extends Comparable {
  section: Section;
  index: number;
  /** Weight per entry of `ids`. */
  weights: Float64Array;
  norm: number;
}

/** Text compared without formatting: a re-ingest that only changed spacing or punctuation is no change. */
export function comparableText(text: string): string {
  // Most text has no link: the pattern is only run where one may be.
  const unlinked = mayHaveLink(text) ? stripLinks(text) : text;
  return foldText(unlinked)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * What alignment keeps from one comparison to the next of the same corpus: every word compared,
 * numbered in the order first seen, and each section's word counts. One per corpus and build,
 * made by the caller and handed in; a comparison without one starts from nothing.
 */
export class WordIndex {
  readonly vocabulary = new Map<string, number>();
  readonly comparables = new WeakMap<Section, Comparable>();
  /** Per word id, in how many of the weighed profiles it occurs; zeroed again after each use. */
  documentFrequency = new Int32Array(1024);
  /** Per word id, how often it occurs in the section being counted; zeroed again after each use. */
  occurrences = new Int32Array(1024);
}

function wordCounts(plain: string, words: WordIndex): { ids: Int32Array; counts: Int32Array } {
  const { vocabulary } = words;
  const seen: number[] = [];
  for (const word of plain.split(' ')) {
    if (word.length < 2) continue;
    let id = vocabulary.get(word);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(word, id);
      if (id >= words.occurrences.length) {
        const larger = new Int32Array(words.occurrences.length * 2);
        larger.set(words.occurrences);
        words.occurrences = larger;
      }
    }
    if (words.occurrences[id]!++ === 0) seen.push(id);
  }
  const ids = Int32Array.from(seen).sort();
  const counts = Int32Array.from(ids, (id) => words.occurrences[id]!);
  for (const id of seen) words.occurrences[id] = 0;
  return { ids, counts };
}

/** Each section's comparableText, made once: alignment and the search for stated changes both read it. */
export const comparableTextOf = oncePer((section: Section): string => comparableText(section.text));

function comparableOf(section: Section, words: WordIndex): Comparable {
  const { comparables } = words;
  let comparable = comparables.get(section);
  if (!comparable) {
    const plain = comparableTextOf(section);
    const title = comparableText(section.title);
    comparable = { plain, title, titleWords: new Set(title.split(' ').filter(Boolean)), ...wordCounts(plain, words) };
    comparables.set(section, comparable);
  }
  return comparable;
}

function profile(section: Section, index: number, words: WordIndex): Profile {
  return { ...comparableOf(section, words), section, index, weights: new Float64Array(0), norm: 0 };
}

/**
 * Weigh words by how rare they are across both versions (tf-idf): "de", "zorg" and "wij" are in
 * every section and say nothing about which sections correspond.
 */
function weigh(profiles: Profile[], words: WordIndex): void {
  if (words.documentFrequency.length < words.vocabulary.size) {
    words.documentFrequency = new Int32Array(words.vocabulary.size * 2);
  }
  const { documentFrequency } = words;
  for (const { ids } of profiles) for (const id of ids) documentFrequency[id]!++;
  const total = profiles.length;
  for (const profile of profiles) {
    const weights = new Float64Array(profile.ids.length);
    let norm = 0;
    profile.ids.forEach((id, position) => {
      const weight = (1 + Math.log(profile.counts[position]!)) * Math.log(1 + total / documentFrequency[id]!);
      weights[position] = weight;
      norm += weight * weight;
    });
    profile.weights = weights;
    profile.norm = Math.sqrt(norm);
  }
  for (const { ids } of profiles) for (const id of ids) documentFrequency[id] = 0;
}

function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

function titleSimilarity(a: Profile, b: Profile): number {
  return a.title === b.title ? 1 : jaccard(a.titleWords, b.titleWords);
}

export function alignSections(
  oldSections: Section[],
  newSections: Section[],
  words: WordIndex = new WordIndex(),
): SectionPair[] {
  const olds = oldSections.map((section, index) => profile(section, index, words));
  const news = newSections.map((section, index) => profile(section, index, words));
  weigh([...olds, ...news], words);

  // A text found once on each side, unchanged, is its own pair: year on year most sections are,
  // and pairing them first spares the all-pairs comparison below (the cost of a diff at scale).
  const oldMatch = new Map<number, { n: Profile; text: number }>();
  const newMatch = new Map<number, Profile>();
  const unique = (profiles: Profile[]) => {
    const byText = new Map<string, Profile | null>();
    for (const candidate of profiles)
      if (candidate.plain !== '') byText.set(candidate.plain, byText.has(candidate.plain) ? null : candidate);
    return byText;
  };
  const newByText = unique(news);
  for (const [text, o] of unique(olds)) {
    const n = newByText.get(text);
    if (!o || !n || (o.section.level === 0) !== (n.section.level === 0)) continue;
    oldMatch.set(o.index, { n, text: 1 });
    newMatch.set(n.index, o);
  }

  // Every other plausible pair with its score, best first; then a greedy one-to-one assignment.
  const candidates: Array<{ o: Profile; n: Profile; score: number; text: number }> = [];
  const openOlds = olds.filter((o) => !oldMatch.has(o.index));
  // The open old sections' words, indexed (word id → old position, weight, …): a new section's
  // dot product with every old one is then one pass over the words they share, where comparing
  // pair by pair walked all the words of both, for every pair (most of a comparison's time).
  const postings = new Map<number, number[]>();
  openOlds.forEach((o, position) => {
    o.ids.forEach((id, i) => {
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      list.push(position, o.weights[i]!);
    });
  });
  const dots = new Float64Array(openOlds.length);
  for (const n of news) {
    if (newMatch.has(n.index)) continue;
    dots.fill(0);
    n.ids.forEach((id, i) => {
      const list = postings.get(id);
      if (!list) return;
      const weight = n.weights[i]!;
      for (let entry = 0; entry < list.length; entry += 2) dots[list[entry]!]! += list[entry + 1]! * weight;
    });
    openOlds.forEach((o, position) => {
      if ((o.section.level === 0) !== (n.section.level === 0)) return;
      const titleSim = titleSimilarity(o, n);
      const bothEmpty = o.norm === 0 && n.norm === 0;
      const cosine = o.norm === 0 || n.norm === 0 ? 0 : dots[position]! / (o.norm * n.norm);
      const text = bothEmpty ? titleSim : cosine;
      if (text < 0.3 && titleSim < 0.8) return;
      const sameNumber = o.section.number !== null && o.section.number === n.section.number ? 1 : 0;
      const themes = jaccard(new Set(o.section.themes), new Set(n.section.themes));
      // Text weighs most; a shared title breaks ties between similar boilerplate ("Op het gebied van ...").
      const score = 0.5 * text + 0.35 * titleSim + 0.1 * sameNumber + 0.05 * themes;
      if (score >= MIN_SCORE) candidates.push({ o, n, score, text });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.o.index - b.o.index || a.n.index - b.n.index);
  for (const { o, n, text } of candidates) {
    if (oldMatch.has(o.index) || newMatch.has(n.index)) continue;
    oldMatch.set(o.index, { n, text });
    newMatch.set(n.index, o);
  }

  // Pairs in new order whose old indexes rise form the stable skeleton; the rest moved.
  const matchedNew = news.filter((n) => newMatch.has(n.index));
  const inOrder = longestIncreasing(matchedNew.map((n) => newMatch.get(n.index)!.index));
  const stable = new Set(inOrder.map((position) => matchedNew[position]!.index));

  const pairs: Array<{ pair: SectionPair; oldIndex: number | null }> = news.map((n) => {
    const o = newMatch.get(n.index);
    if (!o)
      return {
        pair: {
          status: 'added',
          old: null,
          new: n.section,
          similarity: 0,
          textChanged: true,
          retitled: false,
          renumbered: false,
        },
        oldIndex: null,
      };
    const textChanged = o.plain !== n.plain;
    const retitled = o.title !== n.title;
    const renumbered = o.section.number !== n.section.number;
    const status: PairStatus = !stable.has(n.index)
      ? 'moved'
      : textChanged || retitled || renumbered
        ? 'changed'
        : 'unchanged';
    return {
      pair: {
        status,
        old: o.section,
        new: n.section,
        similarity: oldMatch.get(o.index)!.text,
        textChanged,
        retitled,
        renumbered,
      },
      oldIndex: o.index,
    };
  });

  // Removed sections go after the pair that held their old predecessor.
  const result: SectionPair[] = [];
  const removedAfter = new Map<number, SectionPair[]>();
  let anchor = -1;
  const positionOfOld = new Map(pairs.map((entry, position) => [entry.oldIndex, position]));
  for (const o of olds) {
    if (oldMatch.has(o.index)) {
      if (stable.has(oldMatch.get(o.index)!.n.index)) anchor = positionOfOld.get(o.index)!;
      continue;
    }
    const removed: SectionPair = {
      status: 'removed',
      old: o.section,
      new: null,
      similarity: 0,
      textChanged: true,
      retitled: false,
      renumbered: false,
    };
    if (!removedAfter.has(anchor)) removedAfter.set(anchor, []);
    removedAfter.get(anchor)!.push(removed);
  }
  result.push(...(removedAfter.get(-1) ?? []));
  pairs.forEach((entry, position) => {
    result.push(entry.pair);
    result.push(...(removedAfter.get(position) ?? []));
  });
  return result;
}

/** Positions of one longest strictly increasing subsequence (patience sorting). */
function longestIncreasing(values: number[]): number[] {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((value, position) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[position] = tails[low - 1]!;
    tails[low] = position;
  });
  const sequence: number[] = [];
  for (let position = tails.at(-1) ?? -1; position !== -1; position = previous[position]!) sequence.unshift(position);
  return sequence;
}
