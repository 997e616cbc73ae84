/**
 * npm run build -- [--sources DIR] [--corpus DIR] [--out DIR] [--full] [--quiet] [--max-size-mb N]
 *                  [--step-timeout-min N] [--times FILE]
 *
 * The whole site from the published sources: ingest (incremental, scripts/ingest.ts), then the
 * Astro pages and the Pagefind index side by side, checked and published whole
 * (src/build/build-site.ts). Unless --full, Astro starts with the ingest and waits, once its
 * server bundle is made, for which pages to render (src/build/render-plan-gate.ts). One build
 * at a time per corpus and output. What did not change is not made again: when only policies'
 * text changed, only their insurers' pages are rendered (src/build/site-plan.ts), and search
 * shards whose records are the same are reused (kept in <corpus>/.search-index/). --full:
 * nothing earlier is used. Exit code 1 when a step fails; the published site is then as it was.
 * --times writes the seconds per step as JSON (the benchmark reads them).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, claimOutput, startPagesEarly } from '../src/build/build-site.ts';
import { BuildStepError, onStop, startNode, waitFor } from '../src/io/children.ts';
import { acquireLock, LockError, passLocks } from '../src/io/lock.ts';
import { corpusLockPath } from '../src/io/corpus-lock.ts';
import { operationalMessage } from '../src/core/errors.ts';
import { config } from '../src/io/config.ts';
import { nodeArgsFor } from '../src/io/bundle.ts';

/**
 * The ingest's garbage collected on each worker's own thread: V8's helper threads, competing with
 * two workers for two cores, cost more than they save (tests/bench/SETTINGS.md).
 */
const INGEST_NODE_OPTIONS = ['--single-threaded-gc'];

const USAGE =
  'usage: npm run build -- [--sources DIR] [--corpus DIR] [--out DIR] [--full] [--quiet] [--max-size-mb N] ' +
  '[--step-timeout-min N] [--times FILE]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        sources: { type: 'string', default: 'content/sources' },
        corpus: { type: 'string', default: config().corpusDir },
        out: { type: 'string', default: 'dist' },
        full: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        'max-size-mb': { type: 'string' },
        'step-timeout-min': { type: 'string', default: '60' },
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
  const timeoutMinutes = Number(args['step-timeout-min']);
  if (!(timeoutMinutes > 0)) {
    console.error(
      `--step-timeout-min must be a positive number of minutes, not "${args['step-timeout-min']}"\n${USAGE}`,
    );
    return 2;
  }
  const stepTimeoutMs = timeoutMinutes * 60_000;
  const published = `${args.out}/ was left as it was.`;
  try {
    // The corpus is the ingest's output and the pages' input: held for the whole build.
    const corpusLock = acquireLock(corpusLockPath(args.corpus), `An ingest or build of ${args.corpus}/`);
    onStop(() => corpusLock.release());
    try {
      const started = performance.now();
      // Claimed now, so that the sites of earlier builds are removed while the sources are read.
      const output = claimOutput(args.out);
      const siteOptions = {
        corpusDir: args.corpus,
        outDir: args.out,
        full: args.full,
        quiet: args.quiet,
        stepTimeoutMs,
      };
      // Astro starts now too: it loads and makes its server bundle while the sources are read.
      const pages = startPagesEarly(siteOptions, args.sources);
      const ingestArgs = [
        '--sources',
        args.sources,
        '--out',
        args.corpus,
        ...(args.full ? ['--full'] : []),
        ...(args.quiet ? ['--quiet'] : []),
        ...(args['max-size-mb'] ? ['--max-size-mb', args['max-size-mb']] : []),
      ];
      try {
        await waitFor(
          'Ingest',
          startNode(
            [
              ...INGEST_NODE_OPTIONS,
              ...(await nodeArgsFor(join(process.cwd(), 'scripts', 'ingest.ts'), 'ingest')),
              ...ingestArgs,
            ],
            {
              env: passLocks([corpusLock], process.env),
            },
          ),
          stepTimeoutMs,
        );
      } catch (error) {
        // The ingest said what was wrong with which source; a failure of its own is said here.
        if (error instanceof BuildStepError && error.reported)
          console.error(`\nIngest failed (see above): ${published}`);
        else console.error(`\n${(error as Error).message} ${published}`);
        await pages?.stop();
        await output.release();
        return 1;
      }
      const ingested = (performance.now() - started) / 1000;
      const { times: site } = await buildSite(siteOptions, output, pages);
      const times = { ingest: ingested, site: site.site, search: site.search, total: ingested + site.total };
      const { memory } = site;
      const shards = memory.searchIndexers === 1 ? 'shard' : 'shards';
      const indexers = `${memory.searchIndexers} search ${shards} indexed at once`;
      const how = memory.sideBySide
        ? ' side by side'
        : memory.searchAfterAhead
          ? `, the index begun beside the pages once what they read was made ahead (all of it from the start ` +
            `would pass the memory budget, ATLAS_BUILD_MEMORY_MB; one indexer beside the pages, then ${indexers}; ` +
            `estimated peak ${memory.peakMb.toFixed(0)} MB)`
          : ` one after the other (together they would pass the memory budget, ATLAS_BUILD_MEMORY_MB; ` +
            `${indexers}; estimated peak ${memory.peakMb.toFixed(0)} MB)`;
      console.log(
        `\nBuilt ${args.out}/ in ${times.total.toFixed(1)} s: ingest ${times.ingest.toFixed(1)} s, then the pages ` +
          `${times.site.toFixed(1)} s and the search index ${times.search.toFixed(1)} s${how}.`,
      );
      if (args.times) writeFileSync(args.times, `${JSON.stringify(times)}\n`);
      return 0;
    } finally {
      corpusLock.release();
    }
  } catch (error) {
    if (error instanceof LockError) {
      console.error(`${error.message} ${published}`);
      return 1;
    }
    if (error instanceof BuildStepError) {
      console.error(`\n${error.message} ${published}`);
      return 1;
    }
    const operational = operationalMessage(error);
    if (operational) {
      console.error(`\n${operational} ${published}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
