/**
 * tsx scripts/build-search.ts [OUT] [--cache DIR]
 *
 * The last step of npm run build: the Pagefind index of the corpus (CORPUS_DIR) in OUT (default
 * dist/pagefind), shards reused from DIR when given (src/search/build-index.ts).
 */
import { parseArgs } from 'node:util';
import { config } from '../src/io/config.ts';
import { buildSearchIndex } from '../src/search/build-index.ts';
import { SearchShardCache } from '../src/search/shard-cache.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { cache: { type: 'string' } } });
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
