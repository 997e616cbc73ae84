/**
 * The Pagefind index of a corpus: one record per policy section (so a hit opens the policy at
 * that section, and the theme filter is the section's own). A large corpus is split into shards
 * of whole policies, listed in the search contract's shards file, which the search page merges:
 * Pagefind's ranking compares every hit with every matching word, so its time grows with the
 * square of the hits in one index, and k shards of a k-th of the hits each cost a k-th of the
 * time. A record is a small HTML page (record-html.ts): the section's heading and repaired text,
 * then, after the alias marker where the search page cuts excerpts, its heading path, the names of
 * its policy and the parts of its Dutch compound words.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { HTMLFile } from 'pagefind';
import { buildLexicon, compoundAliases, lexiconKey } from '../core/compounds.ts';
import { paths } from '../core/routes.ts';
import type { PolicyDocument } from '../core/schemas/document.ts';
import {
  hasSearchRecord,
  LEXICON_FOLDER,
  LEXICON_KEY,
  LEXICON_KEYS_FILE,
  lexiconFile,
  POLICY_FILTER,
  SHARDS_FILE,
  shardFolder,
  shardUrl,
} from '../core/search-contract.ts';
import { selfAndAncestors } from '../core/sections.ts';
import { stripLinks } from '../core/text.ts';
import { corpusOrder } from '../core/documents.ts';
import { corpusFiles, readPolicyDocument } from '../io/corpus.ts';
import { readTaxonomy } from '../io/read-inputs.ts';
import { sectionLabel } from '../core/labels.ts';
import { type SearchShardCache, shardKey } from './shard-cache.ts';
import { verifySearchIndex } from './verify-index.ts';
import { searchRecordHtml } from './record-html.ts';

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
}

export interface SearchIndexSummary {
  records: number;
  documents: number;
  shards: number;
  /** Shards taken unchanged from the cache. */
  reused: number;
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

/** What names a policy in its records: insurer, brands, care type, year. */
interface PolicyNames {
  label: string;
  words: string[];
}

/** A policy's search records, one per section with text, as the HTML Pagefind indexes. */
function* sectionRecords(
  document: PolicyDocument,
  policy: PolicyNames,
  lexicon: Set<string>,
  memo: Map<string, string[]>,
): Generator<SearchRecord> {
  const byId = new Map(document.sections.map((section) => [section.id, section]));
  for (const section of document.sections) {
    if (!hasSearchRecord(section)) continue;
    const plain = stripLinks(section.text);
    const heading = sectionLabel(section);
    const headingPath = [...selfAndAncestors(section, byId)].slice(1).map((ancestor) => ancestor.title);
    const aliases = compoundAliases(`${heading} ${plain}`, lexicon, memo);
    const url = paths.section(document.id, section.id);
    const html = searchRecordHtml({
      url,
      heading,
      text: plain,
      headingPath,
      policyWords: policy.words,
      aliases,
      meta: { title: heading, policy: policy.label, kop: section.title },
      filters: {
        verzekeraar: [document.insurer],
        jaar: [String(document.year)],
        zorgsoort: [document.careType],
        ...(section.themes.length ? { thema: section.themes } : {}),
        [POLICY_FILTER]: [document.id],
      },
    });
    yield { url, content: html };
  }
}

/** One shard's index, written to `path`, then dropped from the indexer. */
async function indexShard(records: SearchRecord[], path: string): Promise<void> {
  const created = await pagefind.createIndex(INDEX_OPTIONS);
  check('createIndex', created.errors);
  const index = created.index!;
  // Records go to Pagefind's indexer (a separate process) many at a time: one by one, each
  // waited for, the build spent most of its time waiting on the round trip.
  const inFlight = new Set<Promise<void>>();
  for (const record of records) {
    const added = index.addHTMLFile(record).then((result) => check(`record ${record.url}`, result.errors));
    const tracked: Promise<void> = added.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const written = await index.writeFiles({ outputPath: path });
  check('writeFiles', written.errors);
  await index.deleteIndex();
  // What Pagefind wrote is checked before anything keeps or publishes it.
  const { problems } = verifySearchIndex(
    path,
    records.map((record) => record.url),
  );
  if (problems.length) throw new Error(`the search index Pagefind wrote is not whole:\n  ${problems.join('\n  ')}`);
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
  const policyNames = (document: PolicyDocument): PolicyNames => {
    const insurer = insurers.get(document.insurer)!;
    const careType = careTypeName.get(document.careType)!;
    return {
      label: `${insurer.name} · ${careType} ${document.year}`,
      words: [...new Set([insurer.name, ...insurer.labels, careType, String(document.year)])],
    };
  };
  // One document in memory at a time: a first pass learns the corpus's words (for compound parts)
  // and where each policy goes, a second reads each again for its records. Held whole, the corpus
  // cost more memory than Pagefind's indexer beside it.
  const policies: Array<{ file: string; insurer: string; year: number; careType: string; sections: number }> = [];
  const lexicon = buildLexicon(
    (function* () {
      for (const file of corpusFiles(options.corpusDir)) {
        const { insurer, year, careType, sections } = readPolicyDocument(file);
        policies.push({ file, insurer, year, careType, sections: sections.length });
        for (const section of sections) yield `${section.title} ${section.text}`;
      }
    })(),
  );
  policies.sort(corpusOrder);
  const memo = new Map<string, string[]>();

  const sectionCount = policies.reduce((sum, policy) => sum + policy.sections, 0);
  // Whole policies per shard, and no shard without one.
  const shardCount = Math.max(1, Math.min(policies.length, Math.ceil(sectionCount / options.shardSections)));
  // Round robin over the policies in corpus order: every shard holds a like mix of insurers and
  // years, so word statistics (and scores) are alike across shards.
  const shards = Array.from({ length: shardCount }, (_, shard) =>
    policies.filter((_, position) => position % shardCount === shard),
  );
  const version = cache ? pagefindVersion() : '';
  try {
    const extra: string[] = [];
    let records = 0;
    let reused = 0;
    // One shard at a time, dropped from the indexer once written: the indexer holds every open
    // index in memory, and all of them at once cost more than the rest of the build together.
    for (const [shard, shardPolicies] of shards.entries()) {
      const path = shard === 0 ? outputPath : join(outputPath, shardFolder(shard));
      const shardRecords = shardPolicies.flatMap(({ file }) => {
        const document = readPolicyDocument(file);
        return [...sectionRecords(document, policyNames(document), lexicon, memo)];
      });
      records += shardRecords.length;
      if (shard > 0) extra.push(shardUrl(shard));
      if (!cache) {
        await indexShard(shardRecords, path);
        continue;
      }
      const key = shardKey({ version, options: INDEX_OPTIONS }, shardRecords);
      if (cache.has(key)) reused++;
      else await cache.store(key, (dir) => indexShard(shardRecords, dir));
      cache.place(key, path);
    }
    cache?.prune();
    writeFileSync(join(outputPath, SHARDS_FILE), `${JSON.stringify(extra)}\n`);
    writeLexicon(outputPath, lexicon);
    return { records, documents: policies.length, shards: shardCount, reused };
  } finally {
    await pagefind.close();
  }
}
