/** Finding a corpus's files (src/io/corpus.ts). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { corpusFiles, corpusFilesOf } from '../../src/io/corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-corpus-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('corpus files', () => {
  it("names one insurer's files by their id, not another's whose slug starts the same", () => {
    for (const name of [
      'zorg-2025-msz.json',
      'zorg-2026-ggz.json',
      'zorg-en-zekerheid-2025-msz.json',
      'zorgverzekeraar-2025-msz.json',
      '.ingest-index.json',
      'zorg-2025-msz.txt',
    ])
      writeFileSync(join(dir, name), '{}');
    assert.deepEqual(
      corpusFiles(dir).map((file) => basename(file)),
      ['zorg-2025-msz.json', 'zorg-2026-ggz.json', 'zorg-en-zekerheid-2025-msz.json', 'zorgverzekeraar-2025-msz.json'],
    );
    assert.deepEqual(
      corpusFilesOf('zorg', dir).map((file) => basename(file)),
      ['zorg-2025-msz.json', 'zorg-2026-ggz.json'],
    );
    assert.deepEqual(
      corpusFilesOf('zorg-en-zekerheid', dir).map((file) => basename(file)),
      ['zorg-en-zekerheid-2025-msz.json'],
    );
    assert.deepEqual(corpusFilesOf('cz', dir), []);
  });
});
