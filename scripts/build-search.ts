/**
 * tsx scripts/build-search.ts [OUT] [--cache DIR] [--indexers N] [--more-indexers M]
 *
 * The last step of npm run build: the Pagefind index of the corpus (CORPUS_DIR) in OUT (default
 * dist/pagefind), shards reused from DIR when given, N shards indexed at once (default 1; each
 * indexer is a process of its own) (src/search/build-index.ts), M more once standard input
 * closes: npm run build closes it when the pages it renders beside the index are done.
 */
import { parseArgs } from 'node:util';
import { config } from '../src/io/config.ts';
import { buildSearchIndex } from '../src/search/build-index.ts';
import { SearchShardCache } from '../src/search/shard-cache.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    cache: { type: 'string' },
    indexers: { type: 'string', default: '1' },
    'more-indexers': { type: 'string', default: '0' },
  },
});
function wholeNumber(option: string, value: string, least: number): number {
  const number = Number(value);
  if (Number.isInteger(number) && number >= least) return number;
  console.error(`--${option} must be a whole number of at least ${least}, not "${value}"`);
  process.exit(2);
}
const indexers = wholeNumber('indexers', values.indexers, 1);
const more = wholeNumber('more-indexers', values['more-indexers'], 0);
const moreIndexers =
  more > 0
    ? new Promise<number>((resolve) => {
        process.stdin.on('end', () => resolve(more)).resume();
      })
    : undefined;
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
  ...(moreIndexers ? { moreIndexers } : {}),
});
// Done before the pages, it no longer waits to hear that they are.
if (moreIndexers) process.stdin.destroy();
const shards = `${summary.shards} ${summary.shards === 1 ? 'shard' : 'shards'}`;
const reused = values.cache
  ? ` (${summary.reused} unchanged since the last build, reused; ` +
    `${summary.knownByInputs} of them known by their inputs)`
  : '';
const ms = (performance.now() - started).toFixed(0);
const by = `${summary.indexers} ${summary.indexers === 1 ? 'indexer' : 'indexers'}`;
console.log(
  `Search index: ${summary.records} records for ${summary.sections} sections of ${summary.documents} documents in ` +
    `${shards}${reused} → ${outputPath} ` +
    `in ${ms} ms by ${by}`,
);
