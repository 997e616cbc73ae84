/** Text helpers shared by the pipeline and the site: folding for matching, slugs for anchors. */

/** Lowercase, strip diacritics and unify apostrophes, so "Patiënt’s" and "patient's" match. */
export function foldText(text: string): string {
  // Character by character, and only the non-ASCII ones: the same result as normalising the whole
  // text to NFD and dropping the marks, at a fraction of the cost on long texts.
  return text.replace(/[^\x00-\x7f]/gu, foldCharacter).replace(/[`]/g, "'").toLowerCase();
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
  count(foldedHaystack: string): number;
}

export function compileFoldedPhrase(phrase: string, options: { inCompound?: boolean; wholeWord?: boolean } = {}): FoldedPhrase {
  const literal = squashSpaces(foldText(phrase));
  const body = escapeRegExp(literal).replace(/ /gu, '\\s+');
  const start = options.inCompound ? '' : '(?<![\\p{L}\\p{N}])';
  const end = options.wholeWord ? '(?![\\p{L}\\p{N}])' : '';
  const regex = new RegExp(`${start}${body}${end}`, 'gu');
  const firstWord = literal.split(' ')[0]!;
  return {
    literal,
    count: (haystack) => (haystack.includes(firstWord) ? (haystack.match(regex)?.length ?? 0) : 0),
  };
}

/** Split on any line ending; a final line ending does not start another line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Section text with its [label](url) links reduced to their labels. */
export function stripLinks(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1');
}
