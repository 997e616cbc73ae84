/**
 * npm run bench:ingest — time the ingestion pipeline on the sources in content/sources/
 * in one process: cold first run, then the median and range of warm runs. Not a test.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPipelineContext, ingestSource } from '../src/ingest/pipeline.ts';
import { readSourceList, readTaxonomy } from '../src/io/read-inputs.ts';

const RUNS = Number(process.env.RUNS ?? 9);
const taxonomy = await readTaxonomy('content/taxonomy');
const entries = await readSourceList('content/sources/sources.yaml', taxonomy);
const sources = await Promise.all(
  entries.map(async (entry) => ({ entry, bytes: new Uint8Array(await readFile(join('content/sources', entry.file))) })),
);
const megabytes = sources.reduce((sum, source) => sum + source.bytes.length, 0) / 1e6;

const timeRun = async () => {
  const context = createPipelineContext(taxonomy);
  const started = performance.now();
  for (const { entry, bytes } of sources) await ingestSource({ file: entry.file, bytes, entry }, context);
  return performance.now() - started;
};
const cold = await timeRun();
const warm: number[] = [];
for (let run = 0; run < RUNS; run++) warm.push(await timeRun());
warm.sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)]!;
console.log(`${sources.length} documents, ${megabytes.toFixed(2)} MB`);
console.log(`cold run: ${cold.toFixed(0)} ms (includes loading chrono-node and pdf.js)`);
console.log(
  `warm runs (${RUNS}): median ${median.toFixed(0)} ms, min ${warm[0]!.toFixed(0)}, max ${warm.at(-1)!.toFixed(0)}; ` +
    `${(median / sources.length).toFixed(1)} ms/document, ${(megabytes / (median / 1000)).toFixed(2)} MB/s`,
);
