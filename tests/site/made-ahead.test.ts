/** What the pages read, made ahead of them (src/site/made-ahead.ts, scripts/make-ahead.ts). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { compareDocuments, type Comparison } from '../../src/analysis/compare.ts';
import { decodeComparison, type EncodedComparison } from '../../src/analysis/comparison-codec.ts';
import { buildCalendar } from '../../src/analysis/calendar.ts';
import { consecutiveVersionPairs, insurerStepPairs } from '../../src/analysis/history.ts';
import { corpusOrder } from '../../src/core/documents.ts';
import { eventTexts } from '../../src/render/calendar-ics.ts';
import { calendarOptions } from '../../src/site/calendar-files.ts';
import type { PolicyDocument } from '../../src/core/schemas/document.ts';
import { documentId } from '../../src/core/schemas/sources.ts';
import { serialiseDocument } from '../../src/ingest/run/write.ts';
import { comparedPairs } from '../../src/site/made-ahead.ts';
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

describe('made ahead', () => {
  let corpus: PolicyDocument[] = [];
  before(async () => {
    const careTypes = loadTaxonomy().careTypes.map((careType) => careType.slug);
    const real = await Promise.all(CORPUS_FILES.map((file) => ingestCorpusFile(file)));
    // Per real policy: three years of its own care type and two of another.
    // Each real policy's other care type one no other policy has: every id once.
    const spare = careTypes.filter((slug) => !real.some((document) => document.careType === slug));
    corpus = real.flatMap((document, index) => {
      const other = spare[index]!;
      return [0, 1, 2].flatMap((offset) => [
        variant(document, document.year + offset, document.careType),
        ...(offset < 2 ? [variant(document, document.year + offset, other)] : []),
      ]);
    });
  });

  it('has every policy once', () => {
    assert.equal(new Set(corpus.map((document) => document.id)).size, corpus.length);
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

  it('keeps every event and comparison in the build cache, as the pages would make them', () => {
    const corpusDir = join(work, 'corpus');
    const cacheDir = join(work, 'cache');
    mkdirSync(corpusDir);
    for (const document of corpus) writeFileSync(join(corpusDir, `${document.id}.json`), serialiseDocument(document));
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'make-ahead.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        CORPUS_DIR: corpusDir,
        ATLAS_BUILD_CACHE: cacheDir,
        ATLAS_CODE_FINGERPRINT: 'code-1',
        ATLAS_SITE_URL: 'https://atlas.example',
      },
    });
    assert.equal(run.status, 0, run.stderr);
    const insurers = [...new Set(corpus.map((document) => document.insurer))];
    const pairs = insurers.flatMap((insurer) => comparedPairs(corpus, insurer));
    const taxonomy = loadTaxonomy();
    const milestones = insurers.map((insurer) => {
      const own = corpus.filter((document) => document.insurer === insurer).sort(corpusOrder);
      return { own, milestones: buildCalendar(own, taxonomy.milestones) };
    });
    const events = milestones.reduce((sum, insurer) => sum + insurer.milestones.length, 0);
    assert.ok(events > 0);
    assert.match(
      run.stdout,
      new RegExp(`Made ahead: ${events} calendar events and ${pairs.length} comparisons in`, 'u'),
    );
    // Each insurer's events, as calendarToIcs would write them for the site's address.
    const keptEvents = readdirSync(join(cacheDir, 'ics-events')).map((file) => {
      const text = readFileSync(join(cacheDir, 'ics-events', file), 'utf8');
      return JSON.parse(text.slice(text.indexOf('\n') + 1)) as Record<string, string>;
    });
    assert.equal(keptEvents.length, insurers.length);
    const options = calendarOptions(taxonomy, 'https://atlas.example/', '');
    for (const { milestones: own } of milestones) {
      const kept = keptEvents.find((texts) => own[0]!.id in texts)!;
      assert.deepEqual(
        own.map((milestone) => kept[milestone.id]),
        eventTexts(own, options),
      );
      assert.match(kept[own[0]!.id]!, /^BEGIN:VEVENT\r?\n[\s\S]*BEGIN:VALARM[\s\S]*END:VEVENT\r?\n$/u);
    }
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
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'make-ahead.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CORPUS_DIR: join(work, 'corpus'), ATLAS_BUILD_CACHE: '', ATLAS_CODE_FINGERPRINT: '' },
    });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /ATLAS_BUILD_CACHE and ATLAS_CODE_FINGERPRINT are needed/u);
  });
});
