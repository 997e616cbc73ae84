/**
 * The Pagefind index of a corpus: one record per section text of an insurer, with every place it
 * is in (records.ts), so a hit opens a policy at that section, lists the other policies with the
 * same text, and the theme filter is the section's own. A large corpus is split into shards,
 * listed in the search contract's shards file, which the search page merges: Pagefind's ranking
 * compares every hit with every matching word, so its time grows with the square of the hits in
 * one index, and k shards of a k-th of the hits each cost a k-th of the time. A record is a small
 * HTML page (record-html.ts): the section's heading and repaired text, then, after the alias
 * marker where the search page cuts excerpts, its heading path, the names of its policies and the
 * parts of its Dutch compound words.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HTMLFile } from 'pagefind';
import { aliasesMayDiffer, compoundAliases, lexiconKey } from '../core/compounds.ts';
import { foldText } from '../core/text.ts';
import { paths } from '../core/routes.ts';
import {
  encodePlaces,
  LEXICON_FOLDER,
  LEXICON_KEY,
  LEXICON_KEYS_FILE,
  lexiconFile,
  POLICY_FILTER,
  type SectionPlace,
  SHARDS_FILE,
  shardFolder,
  shardUrl,
} from '../core/search-contract.ts';
import { sha256 } from '../core/hash.ts';
import { corpusFiles, readPolicyDocument } from '../io/corpus.ts';
import { readTaxonomy } from '../io/read-inputs.ts';
import type { SearchRecordDraft } from './records.ts';
import { corpusRecords } from './records-cache.ts';
import { type KeptInputs, type SearchShardCache, shardKey } from './shard-cache.ts';
import { verifySearchIndex } from './verify-index.ts';
import { linkOrCopy } from '../io/link-or-copy.ts';
import { searchRecordHtml } from './record-html.ts';
import { closeIndexers, openIndexers, type PagefindApi } from './pagefind-indexers.ts';

/** A record as Pagefind's addHTMLFile takes it: the section's URL and its page. */
type SearchRecord = HTMLFile & { url: string; content: string };

export interface SearchIndexOptions {
  /** The index folder (the site's pagefind/). */
  outputPath: string;
  corpusDir: string;
  taxonomyDir: string;
  /** Sections per shard, at most (the benchmark report says how the default was chosen). */
  shardSections: number;
  /** Finished shards from earlier builds; none kept without it. */
  cache: SearchShardCache | null;
  /**
   * The fingerprint of the code that makes records (ATLAS_CODE_FINGERPRINT): with it, a shard whose
   * inputs an earlier build of this code saw is known by them (shard-cache.ts). Empty: never.
   */
  code?: string;
  /**
   * Shards indexed at once, each by an indexer process of its own (default 1): the build gives 2
   * when the search index is made alone and two indexers fit its memory budget.
   */
  indexers?: number;
  /**
   * More indexers to open when it resolves, for the shards not yet begun: the build starts the
   * index with one beside the pages and adds one when they are done (their core is then free).
   */
  moreIndexers?: Promise<number>;
}

export interface SearchIndexSummary {
  records: number;
  /** The sections the records stand for (a record's text may be in several). */
  sections: number;
  documents: number;
  shards: number;
  /** Shards taken unchanged from the cache. */
  reused: number;
  /** Of those, the ones known by their inputs, whose records were not made (shard-cache.ts). */
  knownByInputs: number;
  /** The indexers opened: those given at first, and those that joined (moreIndexers). */
  indexers: number;
}

const INDEX_OPTIONS = { forceLanguage: 'nl' };
/** Records sent to the indexer before waiting for one to come back. */
const IN_FLIGHT = 256;

/** Pagefind's version (its package exports no package.json; the entry point is lib/index.js beside it). */
function pagefindVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('pagefind'));
  return JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')).version;
}

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/** What names a policy in its records: its care type's name, and the words insurer, brands, care type, year. */
interface PolicyNames {
  careType: string;
  words: string[];
}

/** A record as the HTML Pagefind indexes, with the URLs of every place its text is in. */
function searchRecord(
  draft: SearchRecordDraft,
  insurerName: string,
  namesOf: (place: SectionPlace) => PolicyNames,
  lexicon: Set<string>,
  memo: Map<string, string[]>,
): SearchRecord & { places: string[] } {
  const [first] = draft.places;
  const url = paths.section(first!.policy, first!.section);
  const html = searchRecordHtml({
    url,
    heading: draft.heading,
    text: draft.text,
    headingPath: draft.headingPath,
    policyWords: [...new Set(draft.places.flatMap((place) => namesOf(place).words))],
    aliases: compoundAliases(`${draft.heading} ${draft.text}`, lexicon, memo),
    meta: { title: draft.heading, insurer: insurerName, kop: draft.title, plaatsen: encodePlaces(draft.places) },
    filters: {
      verzekeraar: [draft.insurer],
      jaar: distinct(draft.places.map((place) => String(place.year))),
      zorgsoort: distinct(draft.places.map((place) => place.careType)),
      ...(draft.themes.length ? { thema: draft.themes } : {}),
      [POLICY_FILTER]: distinct(draft.places.map((place) => place.policy)),
    },
  });
  return { url, content: html, places: draft.places.map((place) => paths.section(place.policy, place.section)) };
}

const distinct = (values: string[]) => [...new Set(values)];

/** The words in one lexicon and not in the other. */
function changedWords(before: Set<string>, after: Set<string>): string[] {
  return [...[...before].filter((word) => !after.has(word)), ...[...after].filter((word) => !before.has(word))];
}

/**
 * The shard of a record: by its insurer and heading, so that a changed text (whose record gets
 * new places and a new key) stays in the shard it was in, and only that shard is indexed again.
 */
function shardOf(draft: SearchRecordDraft, shardCount: number): number {
  return Number.parseInt(sha256(`${draft.insurer}\0${draft.heading}`).slice(0, 8), 16) % shardCount;
}

/**
 * One shard's index, written to `path`, then dropped from the indexer. `whileWriting` runs once
 * every record is sent, while the indexer makes the files: this process has nothing else to do
 * then. `earlier`: a folder with an earlier version of the shard, whose unchanged files are linked.
 */
async function indexShard(
  pagefind: PagefindApi,
  records: Array<SearchRecord & { places: string[] }>,
  path: string,
  whileWriting: () => void = () => {},
  earlier: string | null = null,
): Promise<void> {
  const created = await pagefind.createIndex(INDEX_OPTIONS);
  check('createIndex', created.errors);
  const index = created.index!;
  // Records go to Pagefind's indexer (a separate process) many at a time: one by one, each
  // waited for, the build spent most of its time waiting on the round trip.
  const inFlight = new Set<Promise<void>>();
  for (const { url, content } of records) {
    const added = index.addHTMLFile({ url, content }).then((result) => check(`record ${url}`, result.errors));
    const tracked: Promise<void> = added.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  // The files are taken from Pagefind and written here: a file the shard's earlier version holds
  // byte for byte is linked to it, so a changed text writes a few files, not thousands, and
  // removing the earlier version frees only those few (on a disk that discards freed blocks,
  // freeing thousands of files slowed every write of the build for seconds).
  const making = index.getFiles();
  whileWriting();
  const made = await making;
  check('getFiles', made.errors);
  writeIndexFiles(path, made.files, earlier);
  await index.deleteIndex();
  // What Pagefind wrote is checked before anything keeps or publishes it.
  const { problems } = verifySearchIndex(
    path,
    records.flatMap((record) => record.places),
  );
  if (problems.length) throw new Error(`the search index Pagefind wrote is not whole:\n  ${problems.join('\n  ')}`);
}

/**
 * An index's files (paths relative to its folder, as Pagefind names them) written into `root`;
 * one that `earlier` holds with the same bytes is hard linked from there instead.
 */
function writeIndexFiles(
  root: string,
  files: ReadonlyArray<{ path: string; content: Uint8Array }>,
  earlier: string | null,
): void {
  const made = new Set<string>();
  for (const file of files) {
    if (isAbsolute(file.path) || file.path.split(/[\\/]/u).includes('..'))
      throw new Error(`Pagefind named a file outside its index: ${file.path}`);
    const target = join(root, file.path);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const before = earlier ? join(earlier, file.path) : null;
    if (before && statSync(before, { throwIfNoEntry: false })?.size === file.content.length) {
      if (readFileSync(before).equals(file.content)) {
        linkOrCopy(before, target);
        continue;
      }
    }
    writeFileSync(target, file.content);
  }
}

/** The corpus's words in one file per two-letter start, each read back to check it is whole. */
function writeLexicon(outputPath: string, lexicon: Set<string>): void {
  const byKey = new Map<string, string[]>();
  for (const word of lexicon) {
    const key = lexiconKey(word);
    if (!LEXICON_KEY.test(key)) continue;
    const words = byKey.get(key) ?? [];
    if (words.length === 0) byKey.set(key, words);
    words.push(word);
  }
  mkdirSync(join(outputPath, LEXICON_FOLDER), { recursive: true });
  for (const [key, words] of byKey) {
    const file = join(outputPath, lexiconFile(key));
    writeFileSync(file, JSON.stringify(words.sort()));
    const back = JSON.parse(readFileSync(file, 'utf8')) as string[];
    if (back.length !== words.length) throw new Error(`${file} was not written whole: build the site again`);
  }
  writeFileSync(join(outputPath, LEXICON_KEYS_FILE), JSON.stringify([...byKey.keys()].sort()));
}

export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexSummary> {
  const { outputPath, cache } = options;
  const taxonomy = await readTaxonomy(options.taxonomyDir);
  const insurers = new Map(taxonomy.insurers.map((insurer) => [insurer.slug, insurer]));
  const careTypeName = new Map(taxonomy.careTypes.map((careType) => [careType.slug, careType.name]));
  // A place's names follow from its insurer, care type and year: no policy need be read for them.
  const names = new Map<string, PolicyNames>();
  const namesOf = (insurerSlug: string, place: SectionPlace): PolicyNames => {
    const key = `${insurerSlug}\0${place.careType}\0${place.year}`;
    const known = names.get(key);
    if (known) return known;
    const insurer = insurers.get(insurerSlug)!;
    const careType = careTypeName.get(place.careType)!;
    const named = { careType, words: [...new Set([insurer.name, ...insurer.labels, careType, String(place.year)])] };
    names.set(key, named);
    return named;
  };
  // One document in memory at a time, read once: the records keep each distinct text once (held
  // whole, the corpus cost more memory than Pagefind's indexer beside it), and the corpus's words
  // (for compound parts) are learnt from them. An insurer whose policies are as they were keeps its records.
  const indexers = await openIndexers(Math.max(1, options.indexers ?? 1));
  const files = corpusFiles(options.corpusDir);
  const code = cache && options.code ? options.code : '';
  const { drafts, lexicon } = corpusRecords({
    files,
    read: (file) => {
      const document = readPolicyDocument(file);
      return { document, careTypeName: careTypeName.get(document.careType)! };
    },
    dir: code ? cache!.recordsFolder() : null,
    salt: JSON.stringify({ code, careTypes: [...careTypeName] }),
  });
  const memo = new Map<string, string[]>();
  const buckets: SearchRecordDraft[][] = Array.from(
    { length: Math.max(1, Math.ceil(drafts.length / options.shardSections)) },
    () => [],
  );
  for (const draft of drafts) buckets[shardOf(draft, buckets.length)]!.push(draft);
  // A bucket the hash left empty is no shard: a shard without records is no index.
  const filled = buckets.filter((bucket) => bucket.length > 0);
  const shards = filled.length ? filled : [[]];
  const shardCount = shards.length;
  const version = cache ? pagefindVersion() : '';
  const kept = code ? cache!.keptInputs(code) : null;
  const changed = kept ? changedWords(kept.lexicon, lexicon) : [];
  const keys = new Map<string, string>();
  /** The key of a shard whose inputs the last build saw, if no word that left or entered the lexicon touches it. */
  const knownKey = (inputs: string, shardDrafts: SearchRecordDraft[]): string | null => {
    const key = kept?.keys.get(inputs);
    if (!key) return null;
    const touched =
      changed.length > 0 &&
      shardDrafts.some((draft) => aliasesMayDiffer(foldText(`${draft.heading} ${draft.text}`), changed));
    return touched ? null : key;
  };
  try {
    const extra: string[] = [];
    let places = 0;
    let reused = 0;
    let knownByInputs = 0;
    const planned = shards.map((shardDrafts, shard) => {
      places += shardDrafts.reduce((sum, draft) => sum + draft.places.length, 0);
      if (shard > 0) extra.push(shardUrl(shard));
      const inputs = code
        ? shardKey(
            { version, options: INDEX_OPTIONS, code },
            shardDrafts.map((draft) => [
              draft,
              insurers.get(draft.insurer)!.name,
              draft.places.map((place) => namesOf(draft.insurer, place)),
            ]),
          )
        : '';
      const path = shard === 0 ? outputPath : join(outputPath, shardFolder(shard));
      return { shard, shardDrafts, path, inputs, known: inputs ? knownKey(inputs, shardDrafts) : null };
    });
    type Planned = (typeof planned)[number];
    // The shards known by their inputs are checked and placed while the indexer writes the first
    // shard it was given (it is a process of its own); one whose kept copy is not whole is indexed after.
    const toIndex = planned.filter((shard) => !(cache && shard.known));
    let placedKnown = false;
    const placeKnown = () => {
      if (placedKnown) return;
      placedKnown = true;
      for (const shard of planned) {
        if (!cache || !shard.known) continue;
        if (!cache.has(shard.known)) {
          toIndex.push(shard);
          continue;
        }
        reused++;
        knownByInputs++;
        keys.set(shard.inputs, shard.known);
        shardKeys[shard.shard] = shard.known;
        cache.place(shard.known, shard.path);
      }
    };
    // Each shard's key, in order, for the next build to take unchanged files from (indexShard).
    const earlierKeys = cache?.lastShards() ?? [];
    const shardKeys: string[] = [];
    const index = async (pagefind: PagefindApi, { shard, shardDrafts, path, inputs }: Planned) => {
      const records = shardDrafts.map((draft) =>
        searchRecord(draft, insurers.get(draft.insurer)!.name, (place) => namesOf(draft.insurer, place), lexicon, memo),
      );
      if (!cache) return indexShard(pagefind, records, path, placeKnown);
      const key = shardKey({ version, options: INDEX_OPTIONS }, records);
      if (cache.has(key)) reused++;
      else {
        const earlier = cache.folderOf(earlierKeys[shard] ?? '');
        await cache.store(key, (dir) => indexShard(pagefind, records, dir, placeKnown, earlier));
      }
      if (inputs) keys.set(inputs, key);
      shardKeys[shard] = key;
      cache.place(key, path);
    };
    // One shard at a time per indexer, dropped from it once written: an indexer holds every open
    // index in memory, and all of them at once cost more than the rest of the build together.
    let next = 0;
    const drain = async (pagefind: PagefindApi) => {
      while (next < toIndex.length) await index(pagefind, toIndex[next++]!);
    };
    const joining: Array<Promise<void>> = [];
    // Once the first indexers have taken every shard, one that comes later has nothing to do.
    let drained = false;
    options.moreIndexers?.then((count) => {
      if (drained || next >= toIndex.length) return;
      const opened = openIndexers(count, indexers.length).then(async (more) => {
        indexers.push(...more);
        await Promise.all(more.map(drain));
      });
      // Awaited below; should the first indexers fail before that, this failure is not left unhandled.
      opened.catch(() => {});
      joining.push(opened);
    });
    await Promise.all(indexers.map(drain));
    drained = true;
    await Promise.all(joining);
    placeKnown();
    // A known shard whose kept copy was not whole, found while the last shards were written.
    await drain(indexers[0]!);
    cache?.prune();
    cache?.keepShards(shardKeys);
    if (code) cache!.keepInputs(code, { lexicon, keys } satisfies KeptInputs);
    writeFileSync(join(outputPath, SHARDS_FILE), `${JSON.stringify(extra)}\n`);
    writeLexicon(outputPath, lexicon);
    return {
      records: drafts.length,
      sections: places,
      documents: files.length,
      shards: shardCount,
      reused,
      knownByInputs,
      indexers: indexers.length,
    };
  } finally {
    await closeIndexers(indexers);
  }
}
