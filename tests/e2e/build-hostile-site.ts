/**
 * Builds a second site from the hostile fixture sources only (raw <script>, onerror=,
 * javascript: links in a Markdown page and in a plain text layer), into .cache/hostile/dist,
 * for tests/e2e/hostile.spec.ts. Run by `npm run test:e2e` before Playwright.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { documentId } from '../../src/lib/manifest.ts';
import { readTaxonomy } from '../../src/lib/read-inputs.ts';
import { createPipelineContext, ingestSource } from '../../scripts/ingest/pipeline.ts';
import { writeDocuments } from '../../scripts/ingest/write.ts';

const CASES = ['hostile-source', 'hostile-plain-text'];
const corpusDir = '.cache/hostile/corpus';
const outDir = '.cache/hostile/dist';

const context = createPipelineContext(await readTaxonomy('content/taxonomy'));
const documents = [];
for (const name of CASES) {
  const file = join('tests', 'fixtures', name, 'input.txt');
  const meta = JSON.parse(readFileSync(join('tests', 'fixtures', name, 'entry.json'), 'utf8')) as { insurer: string; year: number; careType: string };
  const entry = { file: 'input.txt', id: documentId(meta.insurer, meta.year, meta.careType), title: `Vijandige bron (${name})`, ...meta };
  documents.push(await ingestSource({ file, bytes: readFileSync(file), entry }, context));
}
rmSync(corpusDir, { recursive: true, force: true });
await writeDocuments(corpusDir, documents);
execFileSync('npx', ['astro', 'build', '--silent'], { stdio: 'inherit', env: { ...process.env, CORPUS_DIR: corpusDir, ATLAS_OUT_DIR: outDir } });
console.log(`Hostile site: ${documents.length} documents → ${outDir}`);
