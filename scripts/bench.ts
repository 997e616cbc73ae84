/**
 * npm run bench [-- --n 1000 --seed 7 --runs 3 --build-runs 2 --pairs 100 --report tests/bench/REPORT.md] [--prepare]
 *
 * The benchmark at real scale (not a test): generates a synthetic corpus of N policies from the
 * five sources (tests/bench/synthetic-corpus.ts, seeded), then measures, each against a floor
 * or an alternative, over several runs (median and min–max):
 *   ingest (full, and incremental after one source changed) vs only reading the files;
 *   the whole build as npm run build runs it (ingest, then Astro and Pagefind side by side) vs
 *     Astro building as many trivial pages + Pagefind indexing them;
 *   diff (alignment + word diff) vs `git diff --no-index --word-diff`, and how each reports moves;
 *   search in Chromium (typing → first results, bytes) vs the corpus shipped whole to MiniSearch;
 *   peak memory: of ingest (max RSS, /usr/bin/time), of the build (all its processes together).
 * Writes a Markdown report with the machine and the date. Everything lives in .cache/bench/.
 */
import { parseArgs } from 'node:util';
import { runBench } from '../tests/bench/run-bench.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '7' },
    runs: { type: 'string', default: '3' },
    'build-runs': { type: 'string', default: '2' },
    pairs: { type: 'string', default: '100' },
    report: { type: 'string', default: 'tests/bench/REPORT.md' },
    // Only generate the corpus and ingest it once (into .cache/bench/n<N>/), for profiling by hand.
    prepare: { type: 'boolean', default: false },
    // Only the search measurement, on the site a full run left in .cache/bench/n<N>/ (for tuning).
    'search-only': { type: 'boolean', default: false },
  },
});

await runBench(args);
