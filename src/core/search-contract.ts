/**
 * What the search index (src/search/) promises the search page (src/client/search.ts): where the
 * shards are listed, the filters each record carries, what a record's meta holds, and the marker
 * after which a record's text is search aliases rather than policy text. Both sides import it.
 */
import { paths } from './routes.ts';
import { stripLinks } from './text.ts';

/** Text after it in a record is the parts of compound words, not policy text: excerpts stop there. */
export const ALIAS_MARKER = '⁂';

/** The list of shards besides the first, beside pagefind.js (a JSON array of bundle paths). */
export const SHARDS_FILE = 'delen.json';
export const shardsListUrl = `${paths.searchIndex}${SHARDS_FILE}`;

/** The folder of shard `n` (n ≥ 1) inside the index folder, and its URL. */
export const shardFolder = (n: number) => `deel-${n}`;
export const shardUrl = (n: number) => `${paths.searchIndex}${shardFolder(n)}/`;

/** The filters of every record, by the names the search page's URL and form use. */
export const FACETS = ['verzekeraar', 'jaar', 'zorgsoort', 'thema'] as const;
export type Facet = (typeof FACETS)[number];
export type RecordFilters = Partial<Record<Facet, string[]>>;

/** A record's meta: the section's heading and the policy it is in, as the result list shows them. */
export interface RecordMeta {
  title: string;
  policy: string;
}

/** Whether a section is a record of the search index: all but a front matter without text. */
export function hasSearchRecord(section: { level: number; text: string }): boolean {
  return !(section.level === 0 && stripLinks(section.text).trim() === '');
}
