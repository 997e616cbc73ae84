/**
 * Dutch compound words for search: Pagefind matches the start of a word ("wachtlijst" finds
 * "wachtlijstbemiddeling") but not its end ("beleid" does not find "zorginkoopbeleid"). The
 * search index therefore also gets the parts of each compound, split on the words of the corpus
 * itself (no dictionary to ship): "zorginkoopbeleid" → zorginkoop, beleid, zorg, inkoop.
 */
import { foldText } from './text.ts';

const MIN_PART = 4;
const MIN_COMPOUND = 2 * MIN_PART;

/** Folded words of at least four letters that occur on their own in the texts. */
export function buildLexicon(texts: Iterable<string>): Set<string> {
  const lexicon = new Set<string>();
  for (const text of texts) for (const word of foldText(text).match(/\p{L}{4,}/gu) ?? []) lexicon.add(word);
  return lexicon;
}

/** The suffixes isWord tries on a part: a lexicon word counts for the part it ends in one of. */
const STEM_SUFFIXES = ['en', 's', 'e'];

/**
 * Whether a text's compound aliases can differ between two lexicons that differ by `changed`
 * (the words in one and not the other): only a word looked up as a part of one of the text's
 * words, or as such a part with a suffix isWord tries, can change a split. `foldedText` is the
 * text through foldText. False means compoundAliases gives the same with either lexicon.
 */
export function aliasesMayDiffer(foldedText: string, changed: Iterable<string>): boolean {
  for (const word of changed) {
    if (foldedText.includes(word)) return true;
    for (const suffix of STEM_SUFFIXES)
      if (word.endsWith(suffix) && foldedText.includes(word.slice(0, -suffix.length))) return true;
  }
  return false;
}

/** A word or its stem: "wachtlijst" counts when the corpus has "wachtlijsten". */
function isWord(part: string, lexicon: Set<string>): boolean {
  if (lexicon.has(part)) return true;
  for (const suffix of STEM_SUFFIXES) if (lexicon.has(part + suffix)) return true;
  return false;
}

/** The ways to cut a folded word whose left part is a word, longest left part first. */
function* leftWordCuts(folded: string, lexicon: Set<string>): Generator<{ left: string; right: string }> {
  if (folded.length < MIN_COMPOUND || !/^\p{L}+$/u.test(folded)) return;
  for (let cut = folded.length - MIN_PART; cut >= MIN_PART; cut--) {
    const left = folded.slice(0, cut);
    // Linking -s- ("verzekerings|polis") belongs to neither part.
    const leftStem =
      !isWord(left, lexicon) && left.endsWith('s') && isWord(left.slice(0, -1), lexicon) ? left.slice(0, -1) : left;
    if (isWord(leftStem, lexicon)) yield { left: leftStem, right: folded.slice(cut) };
  }
}

/** The parts of a compound (folded), longest first split; [] when it is no compound of corpus words. */
export function compoundParts(word: string, lexicon: Set<string>, memo = new Map<string, string[]>()): string[] {
  const folded = foldText(word);
  const known = memo.get(folded);
  if (known) return known;
  memo.set(folded, []);
  for (const { left, right } of leftWordCuts(folded, lexicon)) {
    const rightParts = isWord(right, lexicon) ? [right] : compoundParts(right, lexicon, memo);
    if (rightParts.length === 0) continue;
    const parts = [
      ...new Set([
        left,
        ...rightParts,
        ...compoundParts(left, lexicon, memo),
        ...(rightParts[0] === right ? compoundParts(right, lexicon, memo) : []),
      ]),
    ];
    memo.set(folded, parts);
    return parts;
  }
  return [];
}

/**
 * A compound as the words it is made of, in order ("zorgomzetplafond" → zorgomzet, plafond), for
 * a query that finds nothing with the compound itself; [] when it is no compound of corpus words.
 */
export function splitCompound(word: string, lexicon: Set<string>): string[] {
  for (const { left, right } of leftWordCuts(foldText(word), lexicon)) {
    const rest = isWord(right, lexicon) ? [right] : splitCompound(right, lexicon);
    if (rest.length) return [left, ...rest];
  }
  return [];
}

/** The two-letter start under which the search index files a corpus word (the page loads only those it needs). */
export function lexiconKey(word: string): string {
  return word.slice(0, 2);
}

/** The keys of the lexicon files a split of `word` can need: every start a part can have. */
export function lexiconKeysFor(word: string): string[] {
  const folded = foldText(word);
  const keys = new Set<string>();
  for (let start = 0; start + MIN_PART <= folded.length; start++) keys.add(lexiconKey(folded.slice(start)));
  return [...keys];
}

/** The compound parts of every word in `text` that are not words of the text already. */
export function compoundAliases(text: string, lexicon: Set<string>, memo = new Map<string, string[]>()): string[] {
  const words = new Set(foldText(text).match(/\p{L}+/gu) ?? []);
  const aliases = new Set<string>();
  for (const word of words)
    for (const part of compoundParts(word, lexicon, memo)) if (!words.has(part)) aliases.add(part);
  return [...aliases].sort();
}
