/**
 * npm run bench:pdf -- [FILE.pdf ...] — time reading PDFs: pdf.js's text layer with positions,
 * fonts, tags and outline (read), the lines built from it (layout), and the whole pipeline
 * (ingest). Cold first run, then the median and range of warm runs, and the time per page.
 * Reading goes the way the pipeline goes (pdf-thread.ts: a worker thread without the TypeScript
 * loader). Default: the real PDFs in ../shared/real/. Not a test: a shared machine gives noisy figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createPipelineContext, ingestSource } from '../src/ingest/pipeline.ts';
import { layoutPdf } from '../src/ingest/load/pdf-lines.ts';
import { readPdf } from '../src/ingest/load/pdf-thread.ts';
import { readTaxonomy } from '../src/io/read-inputs.ts';

const RUNS = Number(process.env.RUNS ?? 7);
const given = process.argv.slice(2);
const folder = join('..', 'shared', 'real');
const files = given.length
  ? given
  : readdirSync(folder)
      .filter((name) => name.endsWith('.pdf'))
      .map((name) => join(folder, name));
const context = createPipelineContext(await readTaxonomy('content/taxonomy', (path) => relative(process.cwd(), path)));

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)! };
};
const format = ({ median, min, max }: { median: number; min: number; max: number }) =>
  `${median.toFixed(0)} ms (${min.toFixed(0)}–${max.toFixed(0)})`;

for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const times = { read: [] as number[], layout: [] as number[], ingest: [] as number[] };
  let pages = 0;
  let cold = 0;
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const content = await readPdf(bytes, file);
    const read = performance.now();
    layoutPdf(content);
    const laidOut = performance.now();
    await ingestSource({ file, bytes }, context);
    const ingested = performance.now();
    pages = content.pages.length;
    if (run === 0) {
      cold = read - started;
      continue;
    }
    times.read.push(read - started);
    times.layout.push(laidOut - read);
    times.ingest.push(ingested - laidOut);
  }
  const read = stats(times.read);
  console.log(`${file}: ${pages} pages, ${(bytes.length / 1e6).toFixed(2)} MB`);
  console.log(`  first read (starts the reader thread, loads pdf.js): ${cold.toFixed(0)} ms`);
  console.log(`  read, warm (${RUNS} runs):   ${format(read)}; ${(read.median / pages).toFixed(1)} ms/page`);
  console.log(`  lines from items:           ${format(stats(times.layout))}`);
  console.log(
    `  whole pipeline (read again): ${format(stats(times.ingest))}; ` +
      `${(stats(times.ingest).median / pages).toFixed(1)} ms/page`,
  );
}
