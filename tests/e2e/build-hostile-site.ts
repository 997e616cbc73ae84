/**
 * Builds a second site, into .cache/hostile/dist, from fixture sources: the hostile ones (raw
 * <script>, onerror=, javascript: links in a Markdown page and in a plain text layer) for
 * tests/e2e/hostile.spec.ts, and two years of one policy (Zorg en Zekerheid 2025 and the 2026
 * version in tests/versions/) for the version diff in tests/e2e/changes.spec.ts, with a search
 * index split into several shards (of 20 records at most); and a policy typeset as a PDF by Chromium
 * (tests/support/typeset-pdf.ts) for the PDF source view in tests/e2e/pdf-source.spec.ts.
 * Run by `npm run test:e2e` before Playwright.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '../../src/build/build-site.ts';
import { documentId } from '../../src/core/schemas/sources.ts';
import { readTaxonomy } from '../../src/io/read-inputs.ts';
import { createPipelineContext, ingestSource } from '../../src/ingest/pipeline.ts';
import { writeDocuments } from '../../src/ingest/run/write.ts';
import { DEFAULT_LAYOUT, launchChromium, policyHtml, samplePolicy, typesetPdf } from '../support/typeset-pdf.ts';

const CASES = ['hostile-source', 'hostile-plain-text'];
const corpusDir = '.cache/hostile/corpus';
const outDir = '.cache/hostile/dist';

const context = createPipelineContext(await readTaxonomy('content/taxonomy'));
const documents = [];
for (const name of CASES) {
  const file = join('tests', 'ingest', 'fixtures', name, 'input.txt');
  const meta = JSON.parse(readFileSync(join('tests', 'ingest', 'fixtures', name, 'entry.json'), 'utf8')) as {
    insurer: string;
    year: number;
    careType: string;
  };
  const entry = {
    file: 'input.txt',
    id: documentId(meta.insurer, meta.year, meta.careType),
    title: `Vijandige bron (${name})`,
    ...meta,
  };
  documents.push(await ingestSource({ file, bytes: readFileSync(file), entry }, context));
}
const zz2025 = 'content/sources/zorg-en-zekerheid-2025-algemeen.txt';
const zz2026 = 'tests/versions/zorg-en-zekerheid/zorg-en-zekerheid-2026-algemeen.txt';
for (const [file, year] of [
  [zz2025, 2025],
  [zz2026, 2026],
] as const) {
  const entry = {
    file,
    id: documentId('zorg-en-zekerheid', year, 'algemeen'),
    insurer: 'zorg-en-zekerheid',
    year,
    careType: 'algemeen',
    title: `Algemeen zorginkoopbeleid ${year}`,
  };
  documents.push(await ingestSource({ file, bytes: readFileSync(file), entry }, context));
}
const browser = await launchChromium();
try {
  const layout = { ...DEFAULT_LAYOUT, tagged: true, outline: true };
  const file = '.cache/hostile/sources/vgz-2027-wlz-vv.pdf';
  mkdirSync('.cache/hostile/sources', { recursive: true });
  writeFileSync(file, await typesetPdf(browser, policyHtml(samplePolicy(), layout), layout));
  const entry = {
    file,
    id: documentId('vgz', 2027, 'wlz-vv'),
    insurer: 'vgz',
    year: 2027,
    careType: 'wlz-vv',
    title: 'Inkoopbeleid Wlz V&V 2027 (gezet als PDF)',
  };
  documents.push(await ingestSource({ file, bytes: readFileSync(file), entry }, context));
} finally {
  await browser.close();
}
rmSync(corpusDir, { recursive: true, force: true });
await writeDocuments(corpusDir, documents);
// Its search index in several shards, for tests/e2e/changes.spec.ts: a search spans them all.
await buildSite({ corpusDir, outDir, quiet: true, full: true, env: { ATLAS_SEARCH_SHARD_SECTIONS: '20' } });
console.log(`Fixture site: ${documents.length} documents → ${outDir}`);
