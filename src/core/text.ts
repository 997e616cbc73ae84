/** Text helpers shared by the pipeline and the site: folding for matching, slugs for anchors. */

/** Lowercase, strip diacritics and unify apostrophes, so "Patiënt’s" and "patient's" match. */
export function foldText(text: string): string {
  // Character by character, and only the non-ASCII ones: the same result as normalising the whole
  // text to NFD and dropping the marks, at a fraction of the cost on long texts.
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, control characters included
      .replace(/[^\x00-\x7f]/gu, foldCharacter)
      .replace(/[`]/g, "'")
      .toLowerCase()
  );
}

const folded = new Map<string, string>();
function foldCharacter(character: string): string {
  let result = folded.get(character);
  if (result === undefined) {
    result = /[’‘´]/u.test(character) ? "'" : character.normalize('NFD').replace(/\p{M}+/gu, '');
    folded.set(character, result);
  }
  return result;
}

/** URL- and anchor-safe slug: "Thema’s 2023-2026" → "themas-2023-2026". */
export function slugify(text: string, maxLength = 64): string {
  const slug = foldText(text)
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut;
}

export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-./]*/gu);
  return matches ? matches.length : 0;
}

/** Collapse runs of white space to one space and trim. */
export function squashSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Text made safe to place where HTML is read (`&`, `<`, `>`, quotes as references): it reads as the same text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => `&#${character.codePointAt(0)};`);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * A phrase to find in folded text (see foldText): case- and accent-insensitive, any white space
 * between its words. `inCompound` also finds it inside a word ("duurza" in "verduurzaming");
 * otherwise it must start a word, and with `wholeWord` also end one.
 */
export interface FoldedPhrase {
  /** The folded phrase: a cheap `includes` pre-check before the regular expression. */
  literal: string;
  /**
   * Its longest word, which any hit contains: the pre-check. The longest rather than the first, for
   * a phrase often starts with a word every text has ("de", "zorg"), and then its expression would
   * run on every text.
   */
  keyWord: string;
  count(foldedHaystack: string): number;
  /** count() without the pre-check, for a caller that already knows keyWord is in the text (ScannedText). */
  countPresent(foldedHaystack: string): number;
}

export function compileFoldedPhrase(
  phrase: string,
  options: { inCompound?: boolean; wholeWord?: boolean } = {},
): FoldedPhrase {
  const literal = squashSpaces(foldText(phrase));
  const body = escapeRegExp(literal).replace(/ /gu, '\\s+');
  const start = options.inCompound ? '' : '(?<![\\p{L}\\p{N}])';
  const end = options.wholeWord ? '(?![\\p{L}\\p{N}])' : '';
  const regex = new RegExp(`${start}${body}${end}`, 'gu');
  // The first of the longest, so that the choice does not depend on anything but the phrase.
  const keyWord = literal.split(' ').reduce((longest, word) => (word.length > longest.length ? word : longest));
  const countPresent = (haystack: string) => haystack.match(regex)?.length ?? 0;
  return {
    literal,
    keyWord,
    countPresent,
    count: (haystack) => (haystack.includes(keyWord) ? countPresent(haystack) : 0),
  };
}

/** A text scanned once for the key words of many phrases (compilePhraseScanner). */
export interface ScannedText {
  /** Whether `word` occurs in the text, as `includes` would say. */
  has(word: string): boolean;
  /** The phrase's hits in the text (FoldedPhrase.count), its expression run only when its key word occurs. */
  count(phrase: FoldedPhrase): number;
}

/**
 * Which of many phrases can occur in a text, in one scan instead of one `includes` each: the
 * key words of all phrases, longest first, in one look-ahead alternation tried at every
 * position. At a position the longest key word that fits is caught, and every shorter one that
 * also fits there is a prefix of it, so each caught word brings its prefixes along.
 */
export function compilePhraseScanner(phrases: FoldedPhrase[]): (foldedHaystack: string) => ScannedText {
  const words = [...new Set(phrases.map((phrase) => phrase.keyWord))]
    .filter((word) => word !== '')
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const prefixes = new Map(words.map((word) => [word, words.filter((other) => word.startsWith(other))]));
  const scanner = new RegExp(`(?=(${words.map(escapeRegExp).join('|')}))`, 'gu');
  return (haystack) => {
    // An empty key word is in every text, as it is for `includes`.
    const present = new Set<string>(['']);
    if (words.length > 0) {
      for (const match of haystack.matchAll(scanner)) {
        if (present.has(match[1]!)) continue;
        for (const word of prefixes.get(match[1]!)!) present.add(word);
      }
    }
    return {
      has: (word) => present.has(word),
      count: (phrase) => (present.has(phrase.keyWord) ? phrase.countPresent(haystack) : 0),
    };
  };
}

/** Split on any line ending; a final line ending does not start another line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Whether a section text may hold a [label](url) link: most do not, and then stripLinks has nothing to do. */
export const mayHaveLink = (text: string): boolean => text.includes('](');

/** Section text with its [label](url) links reduced to their labels. */
export function stripLinks(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1');
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
/** One or more superscript digits: how footnote markers stand in section text ("fte).⁵"). */
export const SUPERSCRIPT_NUMBER = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/u;

/** "12" → "¹²" (or "₁₂"): digits set as a superscript or subscript. */
export function scriptDigits(digits: string, kind: 'sup' | 'sub' = 'sup'): string {
  const table = kind === 'sup' ? SUPERSCRIPT_DIGITS : SUBSCRIPT_DIGITS;
  return [...digits].map((digit) => table[Number(digit)] ?? digit).join('');
}

/** "¹²" → "12": superscript digits read as plain digits, anything else kept. */
export function plainDigits(text: string): string {
  return [...text]
    .map((char) => (SUPERSCRIPT_DIGITS.includes(char) ? String(SUPERSCRIPT_DIGITS.indexOf(char)) : char))
    .join('');
}

/**
 * A line joined to the text it continues: a hyphen that breaks a lower-case word goes
 * ("richttarief-" + "percentage"), one before "en"/"of" stays ("zorg-" + "en welzijn").
 */
export function joinWrappedLine(text: string, next: string): string {
  if (text === '') return next;
  if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(next) && !/^(?:en|of)\b/u.test(next)) return text.slice(0, -1) + next;
  return `${text} ${next}`;
}
