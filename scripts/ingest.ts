/**
 * npm run ingest -- [--out DIR] [--sources DIR] [--taxonomy DIR] [--max-size-mb N] [--full] [--quiet] [FILE...]
 *
 * Turns published policy texts into one JSON document per policy. Without FILEs it ingests
 * everything in content/sources/. Only sources whose cache key changed are read again (--full
 * reads all). Exit code 1 when any input is bad (nothing is written then).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DEFAULT_LOAD_OPTIONS } from '../src/ingest/load/load.ts';
import { formatEvent } from '../src/ingest/run/report.ts';
import { runIngest } from '../src/ingest/run/run.ts';
import { InputError, operationalMessage } from '../src/core/errors.ts';
import { acquireLock, LockError, type Lock } from '../src/io/lock.ts';
import { corpusLockPath } from '../src/io/corpus-lock.ts';
import { config } from '../src/io/config.ts';

const USAGE =
  'usage: npm run ingest -- [--out DIR] [--sources DIR] [--taxonomy DIR] [--max-size-mb N] [--full] [--quiet] ' +
  '[FILE...]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string', default: config().corpusDir },
        sources: { type: 'string', default: 'content/sources' },
        taxonomy: { type: 'string', default: config().taxonomyDir },
        'max-size-mb': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        full: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const loadOptions = { ...DEFAULT_LOAD_OPTIONS };
  if (args.values['max-size-mb'] !== undefined) {
    const megabytes = Number(args.values['max-size-mb']);
    if (!Number.isFinite(megabytes) || megabytes <= 0) {
      console.error(`--max-size-mb must be a positive number, not "${args.values['max-size-mb']}"\n${USAGE}`);
      return 2;
    }
    loadOptions.maxTextBytes = loadOptions.maxPdfBytes = megabytes * 1024 * 1024;
  }
  const quiet = args.values.quiet;
  const started = performance.now();
  let lock: Lock | null = null;
  try {
    lock = acquireLock(corpusLockPath(args.values.out), `An ingest or build of ${args.values.out}/`);
    const result = await runIngest(
      {
        root: process.cwd(),
        sourcesDir: resolve(args.values.sources),
        taxonomyDir: resolve(args.values.taxonomy),
        outDir: resolve(args.values.out),
        files: args.positionals.map((file) => resolve(file)),
        loadOptions,
        incremental: !args.values.full,
      },
      (event) => {
        const line = formatEvent(event);
        if (line && !quiet) console.log(line);
      },
    );
    if (result.errors.length > 0) {
      console.error(`\n${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}; nothing was written:`);
      for (const error of result.errors) console.error(error.format());
      return 1;
    }
    if (!quiet) {
      console.log('');
      for (const document of result.documents) console.log(document.report);
    }
    const unchanged = result.unchanged.length ? `; ${result.unchanged.length} unchanged (cache)` : '';
    const removed = result.removed.length
      ? `; removed ${result.removed.length} of sources that are gone (${result.removed.join(', ')})`
      : '';
    console.log(
      `\nWrote ${result.written.length} document${result.written.length === 1 ? '' : 's'}${unchanged}${removed} to ` +
        `${args.values.out} in ${(performance.now() - started).toFixed(0)} ms.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`${error.format()}\nNothing was written.`);
      return 1;
    }
    if (error instanceof LockError) {
      console.error(`${error.message} Nothing was written.`);
      return 1;
    }
    const operational = operationalMessage(error);
    if (operational) {
      console.error(`${operational} The corpus in ${args.values.out}/ is as it was.`);
      return 1;
    }
    throw error;
  } finally {
    lock?.release();
  }
}

process.exitCode = await main();
