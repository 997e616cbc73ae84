/** Incremental ingest: only sources whose key changed are read again; the output is the same as a full run. */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEFAULT_LOAD_OPTIONS } from '../../../src/ingest/load/load.ts';
import { INDEX_FILE } from '../../../src/ingest/run/cache.ts';
import { formatDocumentReport } from '../../../src/ingest/run/report.ts';
import { runIngest } from '../../../src/ingest/run/run.ts';
import type { PolicyDocument } from '../../../src/core/schemas/document.ts';
import { ROOT } from '../../support/helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-incremental-'));
after(() => rmSync(work, { recursive: true, force: true }));
const sourcesDir = join(work, 'sources');
const taxonomyDir = join(work, 'taxonomy');
cpSync(join(ROOT, 'content', 'sources'), sourcesDir, { recursive: true });
cpSync(join(ROOT, 'content', 'taxonomy'), taxonomyDir, { recursive: true });

const ingest = (outDir: string, incremental = true) =>
  runIngest({ root: work, sourcesDir, taxonomyDir, outDir, files: [], loadOptions: DEFAULT_LOAD_OPTIONS, incremental });
const jsonFiles = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.json') && name !== INDEX_FILE)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );

describe('incremental ingest', () => {
  const out = join(work, 'out');

  it('reads every source the first time and none the second', async () => {
    const first = await ingest(out);
    assert.equal(first.documents.length, 5);
    // Each as its report has it, from the document as written.
    for (const { id, report } of first.documents) {
      const written = JSON.parse(readFileSync(join(out, `${id}.json`), 'utf8')) as PolicyDocument;
      assert.equal(report, formatDocumentReport(written), id);
    }
    assert.deepEqual(first.unchanged, []);
    const second = await ingest(out);
    assert.deepEqual(second.documents, []);
    assert.equal(second.unchanged.length, 5);
    assert.deepEqual(second.written, []);
  });

  it('after one source changed, reads only that one, and the output equals a full run', async () => {
    const file = join(sourcesDir, 'cz-2025-msz.txt');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nEen regel die na publicatie is toegevoegd.\n`);
    const result = await ingest(out);
    assert.deepEqual(
      result.documents.map((document) => document.id),
      ['cz-2025-msz'],
    );
    assert.equal(result.unchanged.length, 4);
    const full = join(work, 'full');
    await ingest(full, false);
    assert.deepEqual(jsonFiles(out), jsonFiles(full));
  });

  it('a changed taxonomy or sources.yaml entry reads the sources it concerns again', async () => {
    const themes = join(taxonomyDir, 'themes.yaml');
    const before = readFileSync(themes, 'utf8');
    const after = before.replace(
      /^( {6}csrd: )(\d+)$/mu,
      (_line, key: string, weight: string) => `${key}${Number(weight) + 1}`,
    );
    assert.notEqual(after, before, 'the test changes a keyword weight');
    writeFileSync(themes, after);
    assert.equal((await ingest(out)).documents.length, 5, 'the themes decide every section');
    const manifest = join(sourcesDir, 'sources.yaml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(
        'title: Algemeen zorginkoopbeleid 2025',
        'title: Algemeen zorginkoopbeleid 2025 (herzien)',
      ),
    );
    assert.deepEqual(
      (await ingest(out)).documents.map((document) => document.id),
      ['zorg-en-zekerheid-2025-algemeen'],
    );
  });

  it('removes the output of a source that is gone, and survives a damaged index', async () => {
    rmSync(join(sourcesDir, 'caresq-2025-ziekenvervoer.txt'));
    const manifest = join(sourcesDir, 'sources.yaml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(/ {2}- file: caresq-2025-ziekenvervoer\.txt[\s\S]*?(?= {2}- file:)/u, ''),
    );
    const result = await ingest(out);
    assert.deepEqual(result.removed, ['caresq-2025-ziekenvervoer']);
    assert.ok(!existsSync(join(out, 'caresq-2025-ziekenvervoer.json')));
    writeFileSync(join(out, INDEX_FILE), '{ not json');
    assert.equal((await ingest(out)).documents.length, 4, 'no trusted index: everything is read again');
  });
});

describe('parallel ingest', () => {
  it('workers produce exactly what the main thread produces, and report bad input as InputError', async () => {
    const { createIngestPool } = await import('../../../src/ingest/run/pool.ts');
    const { InputError } = await import('../../../src/core/errors.ts');
    const { CORPUS_FILES, ingestCorpusFile, sourceEntries, SOURCES } = await import('../../support/helpers.ts');
    const pool = createIngestPool({
      taxonomyDir: join(ROOT, 'content', 'taxonomy'),
      loadOptions: DEFAULT_LOAD_OPTIONS,
      size: 2,
    });
    try {
      const fromWorkers = await Promise.all(
        CORPUS_FILES.map((file) =>
          pool.ingest({
            file: `content/sources/${file}`,
            bytes: new Uint8Array(readFileSync(join(SOURCES, file))),
            entry: sourceEntries().find((entry) => entry.file === file),
          }),
        ),
      );
      const { serialiseDocument } = await import('../../../src/ingest/run/write.ts');
      for (const [index, file] of CORPUS_FILES.entries()) {
        const inThread = serialiseDocument(await ingestCorpusFile(file));
        assert.equal(fromWorkers[index]!.json, inThread, `${file}: the worker's bytes`);
        assert.equal(serialiseDocument(fromWorkers[index]!.document), inThread, `${file}: the worker's document`);
      }
      await assert.rejects(
        pool.ingest({ file: 'leeg.txt', bytes: new Uint8Array(), entry: undefined }),
        (error: unknown) => error instanceof InputError && error.file === 'leeg.txt',
      );
    } finally {
      await pool.close();
    }
  });
});
