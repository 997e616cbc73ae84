/**
 * One search record as the small HTML page Pagefind indexes (addHTMLFile): HTML, unlike a custom
 * record, lets parts of the text weigh differently. The section's own heading weighs most, then
 * its body; the titles of the sections it sits in (its heading path) and the policy it belongs to
 * weigh less, so "Egidius prostaatkanker" finds the child of "Stichting Egidius" and "CZ
 * machtiging 2025" finds the CZ 2025 section on machtigingen, without those words outranking a
 * section that is about them. Everything after the alias marker is for matching, not for excerpts.
 */
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { ALIAS_MARKER, type RecordFilters, type RecordMeta } from '../core/search-contract.ts';

export interface SearchRecordInput {
  url: string;
  /** The heading as shown: number and title. */
  heading: string;
  /** The section's text, without links. */
  text: string;
  /** The titles of the sections it sits in, nearest first. */
  headingPath: string[];
  /** Words naming the policy: insurer, its brands, care type, year. */
  policyWords: string[];
  /** Parts of the compound words of heading and text. */
  aliases: string[];
  meta: RecordMeta;
  filters: RecordFilters;
}

/** Weights relative to body text (1); Pagefind gives an h1 7. */
export const HEADING_PATH_WEIGHT = 2;
export const POLICY_WEIGHT = 0.5;

export function searchRecordHtml(record: SearchRecordInput): string {
  const metaTags = Object.entries(record.meta).map(([key, value]) =>
    h('meta', { 'data-pagefind-meta': `${key}[content]`, content: value }),
  );
  const filterTags = Object.entries(record.filters).flatMap(([facet, values]) =>
    (values ?? []).map((value) => h('meta', { 'data-pagefind-filter': `${facet}[content]`, content: value })),
  );
  const tree = h('html', { lang: 'nl' }, [
    h('head', [h('title', record.meta.title), ...metaTags, ...filterTags]),
    h('body', [
      h('h1', record.heading),
      h('div', record.text),
      h('p', ALIAS_MARKER),
      record.headingPath.length
        ? h('p', { 'data-pagefind-weight': String(HEADING_PATH_WEIGHT) }, record.headingPath.join(' › '))
        : null,
      h('p', { 'data-pagefind-weight': String(POLICY_WEIGHT) }, record.policyWords.join(' ')),
      record.aliases.length ? h('p', record.aliases.join(' ')) : null,
    ]),
  ]);
  return toHtml(tree);
}
