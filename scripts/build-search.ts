/**
 * npm run build, last step: the Pagefind index in dist/pagefind, one record per policy section
 * (so a hit opens the policy at that section, and the theme filter is the section's own).
 * A large corpus is split into shards of whole policies (dist/pagefind/deel-N/, listed in
 * dist/pagefind/delen.json), which the search page merges: Pagefind's ranking compares every
 * hit with every matching word, so its time grows with the square of the hits in one index,
 * and k shards of a k-th of the hits each cost a k-th of the time.
 * Content is the section's repaired text (OCR noise fixed), plus the parts of Dutch compound
 * words after a marker the search page cuts excerpts at.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import type { CustomRecord } from 'pagefind';
import { SearchShardCache, shardKey } from './build/search-shard-cache.ts';
import { verifySearchIndex } from './build/verify-search-index.ts';
import { corpusFiles, corpusOrder, readPolicyDocument } from '../src/lib/corpus.ts';
import type { PolicyDocument } from '../src/lib/schema.ts';
import { buildLexicon, compoundAliases } from '../src/lib/compounds.ts';
import { readTaxonomy } from '../src/lib/read-inputs.ts';
import { hasSearchRecord, paths, sectionLabel } from '../src/lib/site.ts';
import { stripLinks } from '../src/lib/text.ts';

/** Shared with public/js/search.js: excerpt text after it is search aliases, not policy text. */
export const ALIAS_MARKER = '⁂';

const { positionals, values: options } = parseArgs({ allowPositionals: true, options: { cache: { type: 'string' } } });
const outputPath = positionals[0] ?? 'dist/pagefind';
/** Finished shards from earlier builds (scripts/build/search-shard-cache.ts); none kept without it. */
const cache = options.cache ? new SearchShardCache(options.cache) : null;
const INDEX_OPTIONS = { forceLanguage: 'nl' };
// Its package exports no package.json; the entry point is lib/index.js beside it.
const PAGEFIND_VERSION: string = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json'), 'utf8')).version;
/** Records sent to the indexer before waiting for one to come back. */
const IN_FLIGHT = 256;
/**
 * Sections per shard, at most. Each shard a query touches costs its own index chunk, and each hit
 * costs more in a larger shard: at N=1000 (`npm run bench -- --search-only`, median and max of
 * eight queries) 5,000 gave 143 ms (236) and 152 KB (299), 6,000 154 ms (247) and 123 KB (184),
 * 8,000 149 ms (276) and 101 KB (191). ATLAS_SEARCH_SHARD_SECTIONS overrides it (the end-to-end
 * tests use a small one).
 */
const SHARD_RECORDS = Number(process.env.ATLAS_SEARCH_SHARD_SECTIONS ?? 6000);
/** Shared with public/js/search.js: the list of extra shards, beside pagefind.js. */
export const SHARDS_FILE = 'delen.json';

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/** A policy's search records, one per section with text: what Pagefind's addCustomRecord takes. */
function* sectionRecords(document: PolicyDocument, policy: string, lexicon: Set<string>, memo: Map<string, string[]>): Generator<CustomRecord> {
  for (const section of document.sections) {
    if (!hasSearchRecord(section)) continue;
    const plain = stripLinks(section.text);
    const heading = sectionLabel(section);
    const aliases = compoundAliases(`${heading} ${plain}`, lexicon, memo);
    yield {
      url: paths.section(document.id, section.id),
      content: `${heading}\n${plain}${aliases.length ? `\n${ALIAS_MARKER} ${aliases.join(' ')}` : ''}`,
      language: 'nl',
      meta: { title: heading, policy },
      filters: {
        verzekeraar: [document.insurer],
        jaar: [String(document.year)],
        zorgsoort: [document.careType],
        ...(section.themes.length ? { thema: section.themes } : {}),
      },
    };
  }
}

/** One shard's index, written to `path`, then dropped from the indexer. */
async function indexShard(records: CustomRecord[], path: string): Promise<void> {
  const created = await pagefind.createIndex(INDEX_OPTIONS);
  check('createIndex', created.errors);
  const index = created.index!;
  // Records go to Pagefind's indexer (a separate process) many at a time: one by one, each
  // waited for, the build spent most of its time waiting on the round trip.
  const inFlight = new Set<Promise<void>>();
  for (const record of records) {
    const added = index.addCustomRecord(record).then((result) => check(`record ${record.url}`, result.errors));
    const tracked: Promise<void> = added.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const written = await index.writeFiles({ outputPath: path });
  check('writeFiles', written.errors);
  await index.deleteIndex();
  // What Pagefind wrote is checked before anything keeps or publishes it.
  const { problems } = verifySearchIndex(path, records.map((record) => record.url));
  if (problems.length) throw new Error(`the search index Pagefind wrote is not whole:\n  ${problems.join('\n  ')}`);
}

async function main(): Promise<void> {
  const started = performance.now();
  if (!(SHARD_RECORDS >= 1)) throw new Error(`ATLAS_SEARCH_SHARD_SECTIONS must be a number of sections of 1 or more, not "${process.env.ATLAS_SEARCH_SHARD_SECTIONS}"`);
  const taxonomy = await readTaxonomy('content/taxonomy');
  const insurerName = new Map(taxonomy.insurers.map((insurer) => [insurer.slug, insurer.name]));
  const careTypeName = new Map(taxonomy.careTypes.map((careType) => [careType.slug, careType.name]));
  // One document in memory at a time: a first pass learns the corpus's words (for compound parts)
  // and where each policy goes, a second reads each again for its records. Held whole, the corpus
  // cost more memory than Pagefind's indexer beside it.
  const policies: Array<{ file: string; insurer: string; year: number; careType: string; sections: number }> = [];
  const lexicon = buildLexicon(
    (function* () {
      for (const file of corpusFiles()) {
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
  const shardCount = Math.max(1, Math.min(policies.length, Math.ceil(sectionCount / SHARD_RECORDS)));
  // Round robin over the policies in corpus order: every shard holds a like mix of insurers and
  // years, so word statistics (and scores) are alike across shards.
  const shards = Array.from({ length: shardCount }, (_, shard) => policies.filter((_, position) => position % shardCount === shard));
  try {
    const extra: string[] = [];
    let records = 0;
    let reused = 0;
    // One shard at a time, dropped from the indexer once written: the indexer holds every open
    // index in memory, and all of them at once cost more than the rest of the build together.
    for (const [shard, shardPolicies] of shards.entries()) {
      const path = shard === 0 ? outputPath : join(outputPath, `deel-${shard}`);
      const shardRecords = shardPolicies.flatMap(({ file }) => {
        const document = readPolicyDocument(file);
        return [...sectionRecords(document, `${insurerName.get(document.insurer)} · ${careTypeName.get(document.careType)} ${document.year}`, lexicon, memo)];
      });
      records += shardRecords.length;
      if (shard > 0) extra.push(`/pagefind/deel-${shard}/`);
      if (!cache) {
        await indexShard(shardRecords, path);
        continue;
      }
      const key = shardKey({ version: PAGEFIND_VERSION, options: INDEX_OPTIONS }, shardRecords);
      if (cache.has(key)) reused++;
      else await cache.store(key, (dir) => indexShard(shardRecords, dir));
      cache.place(key, path);
    }
    cache?.prune();
    writeFileSync(join(outputPath, SHARDS_FILE), `${JSON.stringify(extra)}\n`);
    const shardsText = `${shardCount} ${shardCount === 1 ? 'shard' : 'shards'}${cache ? ` (${reused} unchanged since the last build, reused)` : ''}`;
    console.log(`Search index: ${records} sections of ${policies.length} documents in ${shardsText} → ${outputPath} in ${(performance.now() - started).toFixed(0)} ms`);
  } finally {
    await pagefind.close();
  }
}

await main();
