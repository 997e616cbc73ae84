/**
 * tsx scripts/build-search.ts [OUT] [--cache DIR] [--indexers N]
 *
 * The last step of npm run build: the Pagefind index of the corpus (CORPUS_DIR) in OUT (default
 * dist/pagefind), shards reused from DIR when given, N shards indexed at once (default 1; each
 * indexer is a process of its own) (src/search/build-index.ts).
 */
import { parseArgs } from 'node:util';
import { config } from '../src/io/config.ts';
import { buildSearchIndex } from '../src/search/build-index.ts';
import { SearchShardCache } from '../src/search/shard-cache.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { cache: { type: 'string' }, indexers: { type: 'string', default: '1' } },
});
const indexers = Number(values.indexers);
if (!Number.isInteger(indexers) || indexers < 1) {
  console.error(`--indexers must be a whole number of at least 1, not "${values.indexers}"`);
  process.exit(2);
}
const outputPath = positionals[0] ?? 'dist/pagefind';
const started = performance.now();
const settings = config();
const summary = await buildSearchIndex({
  outputPath,
  corpusDir: settings.corpusDir,
  taxonomyDir: settings.taxonomyDir,
  shardSections: settings.searchShardSections,
  cache: values.cache ? new SearchShardCache(values.cache) : null,
  code: settings.codeFingerprint ?? '',
  indexers,
});
const shards = `${summary.shards} ${summary.shards === 1 ? 'shard' : 'shards'}`;
const reused = values.cache
  ? ` (${summary.reused} unchanged since the last build, reused; ` +
    `${summary.knownByInputs} of them known by their inputs)`
  : '';
const ms = (performance.now() - started).toFixed(0);
console.log(
  `Search index: ${summary.records} records for ${summary.sections} sections of ${summary.documents} documents in ` +
    `${shards}${reused} → ${outputPath} ` +
    `in ${ms} ms`,
);
