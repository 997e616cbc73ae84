/**
 * npm run build -- [--sources DIR] [--corpus DIR] [--out DIR] [--full] [--quiet] [--times FILE]
 *
 * The whole site from the published sources: ingest (incremental, scripts/ingest.ts), then the
 * Astro pages and the Pagefind index side by side (scripts/build/build-site.ts). What did not
 * change is not made again: when only policies' text changed, only their insurers' pages are
 * rendered (scripts/build/site-plan.ts), and search shards whose records are the same are reused
 * (kept in <corpus>/.zoekindex/). --full: nothing earlier is used. Exit code 1
 * when a step fails; dist/ is then as it was. --times writes the seconds per step as JSON (the
 * benchmark reads them).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from './build/build-site.ts';
import { BuildStepError } from './build/site-and-search.ts';

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
    const { times: site } = await buildSite({ corpusDir: args.corpus, outDir: args.out, full: args.full, quiet: args.quiet });
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
