/**
 * One timed ingest in its own process (so /usr/bin/time sees its peak memory):
 * tsx tests/bench/ingest-child.ts SOURCES OUT full|incremental. Prints one JSON line.
 */
import { resolve } from 'node:path';
import { DEFAULT_LOAD_OPTIONS } from '../../src/ingest/load/load.ts';
import { runIngest } from '../../src/ingest/run/run.ts';

const [sourcesDir, outDir, mode] = process.argv.slice(2) as [string, string, 'full' | 'incremental'];
const started = performance.now();
const result = await runIngest({
  root: process.cwd(),
  sourcesDir: resolve(sourcesDir),
  taxonomyDir: resolve('content/taxonomy'),
  outDir: resolve(outDir),
  files: [],
  loadOptions: { ...DEFAULT_LOAD_OPTIONS },
  incremental: mode === 'incremental',
});
if (result.errors.length > 0) {
  for (const error of result.errors) console.error(error.format());
  process.exit(1);
}
console.log(
  JSON.stringify({
    ms: performance.now() - started,
    read: result.documents.length,
    unchanged: result.unchanged.length,
  }),
);
