/** Text helpers shared by the pipeline and the site: folding for matching, slugs for anchors. */

/** Lowercase, strip diacritics and unify apostrophes, so "Patiënt’s" and "patient's" match. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();
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
