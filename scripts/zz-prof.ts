import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest, readTaxonomy } from '../src/lib/read-inputs.ts';
import { createPipelineContext, ingestSource } from './ingest/pipeline.ts';
import { serialiseDocument } from './ingest/write.ts';
const dir = '.cache/bench/n1000/sources';
const taxonomy = await readTaxonomy('content/taxonomy');
const entries = (await readManifest(join(dir, 'sources.yaml'), taxonomy)).slice(0, Number(process.argv[2] ?? 150));
const context = createPipelineContext(taxonomy);
const t = performance.now();
let diffs = 0;
for (const entry of entries) {
  const d = await ingestSource({ file: join(dir, entry.file), bytes: new Uint8Array(readFileSync(join(dir, entry.file))), entry }, context);
  const s = serialiseDocument(d);
  if (s !== readFileSync(`/work/main/.cache/bench/n1000/corpus/${d.id}.json`, 'utf8')) diffs++;
}
console.log(((performance.now() - t) / entries.length).toFixed(1), 'ms/doc (incl. compare)', diffs, 'differ');
if (process.argv[3]) {
  const { writeFileSync } = await import('node:fs');
  const entry = entries[0]!;
  const d = await ingestSource({ file: join(dir, entry.file), bytes: new Uint8Array(readFileSync(join(dir, entry.file))), entry }, context);
  writeFileSync('/tmp/z/one.json', serialiseDocument(d));
}
