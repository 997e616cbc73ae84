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

/**
 * The corpus's words, for splitting a compound in a query: one JSON array of words per two-letter
 * start (compounds.ts lexiconKey), in this folder beside pagefind.js.
 */
export const LEXICON_FOLDER = 'woorden';
export const lexiconFile = (key: string) => `${LEXICON_FOLDER}/${key}.json`;
/** The list of the keys that have a file (so the page asks for no file that is not there). */
export const LEXICON_KEYS_FILE = `${LEXICON_FOLDER}/sleutels.json`;
export const lexiconKeysUrl = `${paths.searchIndex}${LEXICON_KEYS_FILE}`;
export const lexiconUrl = (key: string) => `${paths.searchIndex}${lexiconFile(key)}`;
/** Keys are two letters a–z: words starting otherwise are left out (no compounds worth splitting start so). */
export const LEXICON_KEY = /^[a-z]{2}$/u;

/** The filters of every record, by the names the search page's URL and form use. */
export const FACETS = ['verzekeraar', 'jaar', 'zorgsoort', 'thema'] as const;
export type Facet = (typeof FACETS)[number];
/** A filter the search page takes from its URL but shows no boxes for: one policy, by its id. */
export const POLICY_FILTER = 'beleid';
export type RecordFilters = Partial<Record<Facet | typeof POLICY_FILTER, string[]>>;

/**
 * A record's meta: the section's heading, as the result list shows it; the name of its insurer
 * (placeLabel names each place with it); the section's title without its number (hits of one
 * insurer and care type with the same title in other years are shown together); and every place
 * its text is in (`plaatsen`, encodePlaces), the first one first.
 */
export interface RecordMeta {
  title: string;
  insurer: string;
  kop: string;
  plaatsen: string;
}

/** One place of a record's text: a section of a policy (src/search/records.ts). */
export interface SectionPlace {
  policy: string;
  section: string;
  careType: string;
  year: number;
  /** The care type's name, as a result names the place and a list of places groups them. */
  careTypeName: string;
}

/** A place as a result names its policy: "<insurer> · <care type> <year>". */
export function placeLabel(insurerName: string, place: SectionPlace): string {
  return `${insurerName} · ${place.careTypeName} ${place.year}`;
}

/** A record's places as its `plaatsen` meta holds them: a JSON array of tuples, short for the fragment. */
export function encodePlaces(places: readonly SectionPlace[]): string {
  return JSON.stringify(
    places.map((place) => [place.policy, place.section, place.careType, place.year, place.careTypeName]),
  );
}

/** A record's places back from its `plaatsen` meta; an empty list when it holds none. */
export function decodePlaces(meta: string | undefined): SectionPlace[] {
  if (!meta) return [];
  return (JSON.parse(meta) as Array<[string, string, string, number, string]>).map(
    ([policy, section, careType, year, careTypeName]) => ({ policy, section, careType, year, careTypeName }),
  );
}

/** Whether a section is a record of the search index: all but a front matter without text. */
export function hasSearchRecord(section: { level: number; text: string }): boolean {
  return !(section.level === 0 && stripLinks(section.text).trim() === '');
}
