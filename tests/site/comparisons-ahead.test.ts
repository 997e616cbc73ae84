/** The comparisons made ahead of the pages (src/site/comparisons-ahead.ts, scripts/compare-ahead.ts). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { compareDocuments, type Comparison } from '../../src/analysis/compare.ts';
import { decodeComparison, type EncodedComparison } from '../../src/analysis/comparison-codec.ts';
import { consecutiveVersionPairs, insurerStepPairs } from '../../src/analysis/history.ts';
import type { PolicyDocument } from '../../src/core/schemas/document.ts';
import { documentId } from '../../src/core/schemas/sources.ts';
import { serialiseDocument } from '../../src/ingest/run/write.ts';
import { comparedPairs } from '../../src/site/comparisons-ahead.ts';
import { CORPUS_FILES, ROOT, ingestCorpusFile, loadTaxonomy } from '../support/helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-vooraf-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** A policy as another year or care type of its insurer has it: a section fewer each year on. */
function variant(document: PolicyDocument, year: number, careType: string): PolicyDocument {
  const changed = structuredClone(document);
  const dropped = year - document.year;
  Object.assign(changed, { id: documentId(document.insurer, year, careType), year, careType });
  changed.sections = changed.sections.filter((_, index) => index === 0 || index % 7 !== dropped % 7);
  return changed;
}

const rounded = (comparison: Comparison) => ({
  ...comparison,
  pairs: comparison.pairs.map((pair) => ({ ...pair, similarity: pair.similarity.toFixed(12) })),
});

describe('comparisons made ahead', () => {
  let corpus: PolicyDocument[] = [];
  before(async () => {
    const careTypes = loadTaxonomy().careTypes.map((careType) => careType.slug);
    const real = await Promise.all(CORPUS_FILES.map((file) => ingestCorpusFile(file)));
    // Per real policy: three years of its own care type and two of another.
    corpus = real.flatMap((document) => {
      const other = careTypes.find((slug) => slug !== document.careType)!;
      return [0, 1, 2].flatMap((offset) => [
        variant(document, document.year + offset, document.careType),
        ...(offset < 2 ? [variant(document, document.year + offset, other)] : []),
      ]);
    });
  });

  it("lists each insurer's history steps and versions once, and only that insurer's", () => {
    for (const insurer of new Set(corpus.map((document) => document.insurer))) {
      const pairs = comparedPairs(corpus, insurer);
      const keys = pairs.map(([from, to]) => `${from.id}>${to.id}`);
      assert.equal(new Set(keys).size, keys.length, `${insurer}: a pair twice`);
      assert.ok(pairs.every(([from, to]) => from.insurer === insurer && to.insurer === insurer));
      const own = corpus.filter((document) => document.insurer === insurer);
      const expected = [
        ...insurerStepPairs(corpus, insurer).map(({ from, to }) => `${from.id}>${to.id}`),
        ...consecutiveVersionPairs(own).map(([from, to]) => `${from.id}>${to.id}`),
      ];
      assert.deepEqual(new Set(keys), new Set(expected), insurer);
      assert.ok(keys.length >= 4, `${insurer}: ${keys.length} pairs`);
    }
  });

  it('keeps every one in the build cache, as compareDocuments makes it', () => {
    const corpusDir = join(work, 'corpus');
    const cacheDir = join(work, 'cache');
    mkdirSync(corpusDir);
    for (const document of corpus) writeFileSync(join(corpusDir, `${document.id}.json`), serialiseDocument(document));
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'compare-ahead.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CORPUS_DIR: corpusDir, ATLAS_BUILD_CACHE: cacheDir, ATLAS_CODE_FINGERPRINT: 'code-1' },
    });
    assert.equal(run.status, 0, run.stderr);
    const insurers = [...new Set(corpus.map((document) => document.insurer))];
    const pairs = insurers.flatMap((insurer) => comparedPairs(corpus, insurer));
    assert.match(run.stdout, new RegExp(`Comparisons made ahead: ${pairs.length} in`, 'u'));
    const files = readdirSync(join(cacheDir, 'comparisons'));
    assert.equal(files.length, pairs.length);
    const byId = new Map(corpus.map((document) => [document.id, document]));
    const kept = new Set<string>();
    for (const file of files) {
      const text = readFileSync(join(cacheDir, 'comparisons', file), 'utf8');
      const encoded = JSON.parse(text.slice(text.indexOf('\n') + 1)) as EncodedComparison;
      const [from, to] = [byId.get(encoded.from)!, byId.get(encoded.to)!];
      assert.deepEqual(rounded(decodeComparison(encoded, from, to)), rounded(compareDocuments(from, to)));
      kept.add(`${from.id}>${to.id}`);
    }
    assert.deepEqual(kept, new Set(pairs.map(([from, to]) => `${from.id}>${to.id}`)));
  });

  it('refuses to run without a build cache to keep them in', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'compare-ahead.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CORPUS_DIR: join(work, 'corpus'), ATLAS_BUILD_CACHE: '', ATLAS_CODE_FINGERPRINT: '' },
    });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /ATLAS_BUILD_CACHE and ATLAS_CODE_FINGERPRINT are needed/u);
  });
});
