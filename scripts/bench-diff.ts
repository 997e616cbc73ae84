/**
 * npm run bench:diff — time section alignment + word diff per policy pair, in one process:
 * every pair the site compares (versions and insurer histories) and the version-pair fixture,
 * median and range over RUNS warm runs (default 15) after one cold run. Not a test.
 */
import { readFileSync } from 'node:fs';
import { alignSections, WordIndex } from '../src/analysis/align.ts';
import { compareDocuments } from '../src/analysis/compare.ts';
import { loadCorpus } from '../src/io/corpus.ts';
import { readSourceList, readTaxonomy } from '../src/io/read-inputs.ts';
import { createPipelineContext, ingestSource } from '../src/ingest/pipeline.ts';
import type { PolicyDocument } from '../src/core/schemas/document.ts';

const RUNS = Number(process.env.RUNS ?? 15);
const documents = loadCorpus();
const taxonomy = await readTaxonomy('content/taxonomy');
const entry = (await readSourceList('content/sources/sources.yaml', taxonomy)).find(
  (candidate) => candidate.insurer === 'zorg-en-zekerheid',
)!;
const nextYear = 'tests/versions/zorg-en-zekerheid/zorg-en-zekerheid-2026-algemeen.txt';
const zz2026 = await ingestSource(
  {
    file: nextYear,
    bytes: readFileSync(nextYear),
    entry: { ...entry, file: nextYear, year: 2026, id: 'zorg-en-zekerheid-2026-algemeen' },
  },
  createPipelineContext(taxonomy),
);
const byId = (id: string) => documents.find((document) => document.id === id)!;
const pairs: Array<[PolicyDocument, PolicyDocument]> = [
  [byId('zorg-en-zekerheid-2025-algemeen'), zz2026],
  [byId('caresq-2025-ziekenvervoer'), byId('caresq-2026-categorale-instellingen')],
  [byId('caresq-2026-categorale-instellingen'), byId('caresq-2027-zbc')],
  [byId('cz-2025-msz'), byId('caresq-2027-zbc')], // the two largest documents, unrelated: worst case
];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = (run: () => void) => {
  const started = performance.now();
  run();
  return performance.now() - started;
};
for (const [from, to] of pairs) {
  // Warm runs share one word index, as the pages of one build do; the cold run starts from nothing.
  const words = new WordIndex();
  const cold = time(() => compareDocuments(from, to, words));
  const align: number[] = [];
  const total: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    align.push(time(() => alignSections(from.sections, to.sections, words)));
    total.push(time(() => compareDocuments(from, to, words)));
  }
  const wordCount = (document: PolicyDocument) =>
    document.sections.reduce((sum, section) => sum + section.text.split(/\s+/u).length, 0);
  console.log(
    `${from.id} (${from.sections.length} sections, ${wordCount(from)} words) → ${to.id} (${to.sections.length}, ${wordCount(to)}): ` +
      `align median ${median(align).toFixed(1)} ms; align + word diff median ${median(total).toFixed(1)} ms (min ` +
      `${Math.min(...total).toFixed(1)}, max ${Math.max(...total).toFixed(1)}), cold ${cold.toFixed(0)} ms`,
  );
}
