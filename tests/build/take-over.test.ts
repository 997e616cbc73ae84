import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { takeOverUnrendered } from '../../src/build/site-plan.ts';
import { listFiles } from '../../src/io/file-tree.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-take-over-'));
after(() => rmSync(work, { recursive: true, force: true }));

function tree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

describe('taking over the pages a build did not render', () => {
  it('links every file the new site lacks, keeps what it wrote, and skips what it is told to', () => {
    const previous = join(work, 'previous');
    const staged = join(work, 'staged');
    tree(previous, {
      'index.html': 'oud',
      'beleid/a/index.html': 'a oud',
      'beleid/b/index.html': 'b',
      'beleid/b/bron/index.html': 'b bron',
      'diep/in/de/boom/index.html': 'diep',
      'pagefind/index/x.pf': 'index',
      'entry.mjs': 'server',
      'js/search.mjs': 'client',
    });
    tree(staged, { 'index.html': 'nieuw', 'beleid/a/index.html': 'a nieuw' });
    mkdirSync(join(previous, 'leeg'));

    const taken = takeOverUnrendered(previous, staged, ['pagefind']);

    assert.deepEqual(listFiles(staged).sort(), [
      'beleid/a/index.html',
      'beleid/b/bron/index.html',
      'beleid/b/index.html',
      'diep/in/de/boom/index.html',
      'index.html',
      'js/search.mjs',
    ]);
    assert.equal(taken, 4);
    assert.equal(readFileSync(join(staged, 'index.html'), 'utf8'), 'nieuw', 'what the build wrote stays');
    assert.equal(readFileSync(join(staged, 'beleid/a/index.html'), 'utf8'), 'a nieuw');
    // Hard links: the same file, not a copy.
    assert.equal(
      statSync(join(staged, 'beleid/b/index.html')).ino,
      statSync(join(previous, 'beleid/b/index.html')).ino,
    );
    assert.ok(!readdirSync(staged).includes('leeg'), 'a folder with nothing to take over is not made');
  });

  it('makes the new site from nothing when the build wrote no file', () => {
    const previous = join(work, 'previous-2');
    tree(previous, { 'a/b/c.html': 'c' });
    const staged = join(work, 'nog', 'niet', 'daar');
    assert.equal(takeOverUnrendered(previous, staged), 1);
    assert.deepEqual(listFiles(staged), ['a/b/c.html']);
  });
});
