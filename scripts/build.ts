/**
 * npm run build -- [--sources DIR] [--corpus DIR] [--out DIR] [--full] [--quiet] [--times FILE]
 *
 * The whole site from the published sources: ingest (incremental, scripts/ingest.ts), then the
 * Astro pages and the Pagefind index side by side (scripts/build/site-and-search.ts); search shards
 * whose records did not change are reused (kept in <corpus>/.zoekindex/). --full: nothing cached
 * is used. Exit code 1
 * when a step fails; dist/ is then as it was. --times writes the seconds per step as JSON (the
 * benchmark reads them).
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BuildStepError, buildSiteAndSearch } from './build/site-and-search.ts';

const USAGE = 'usage: npm run build -- [--sources DIR] [--corpus DIR] [--out DIR] [--full] [--quiet] [--times FILE]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        sources: { type: 'string', default: 'content/sources' },
        corpus: { type: 'string', default: '.cache/corpus' },
        out: { type: 'string', default: 'dist' },
        full: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        times: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  // Beside the documents it is made from, so that a corpus and its search shards go together.
  const searchCacheDir = join(args.corpus, '.zoekindex');
  if (args.full) rmSync(searchCacheDir, { recursive: true, force: true });
  const ingest = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(process.cwd(), 'scripts', 'ingest.ts'), '--sources', args.sources, '--out', args.corpus, ...(args.full ? ['--full'] : []), ...(args.quiet ? ['--quiet'] : [])],
    { stdio: 'inherit' },
  );
  if (ingest.status !== 0) {
    console.error(`\nIngest failed (see above): ${args.out}/ was left as it was.`);
    return 1;
  }
  const ingested = (performance.now() - started) / 1000;
  try {
    const site = await buildSiteAndSearch({ corpusDir: args.corpus, outDir: args.out, quiet: args.quiet, searchCacheDir });
    const times = { ingest: ingested, site: site.site, search: site.search, total: ingested + site.total };
    console.log(
      `\nBuilt ${args.out}/ in ${times.total.toFixed(1)} s: ingest ${times.ingest.toFixed(1)} s, then the pages ${times.site.toFixed(1)} s and the search index ${times.search.toFixed(1)} s side by side.`,
    );
    if (args.times) writeFileSync(args.times, `${JSON.stringify(times)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof BuildStepError)) throw error;
    console.error(`\n${error.message} ${args.out}/ was left as it was.`);
    return 1;
  }
}

process.exitCode = await main();
