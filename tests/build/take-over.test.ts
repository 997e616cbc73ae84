import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { assembleSite, prepareTakeOver } from '../../src/build/take-over.ts';
import { listFiles } from '../../src/io/file-tree.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-take-over-'));
after(() => rmSync(work, { recursive: true, force: true }));

function tree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Every folder under `root`, files or not. */
function folders(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

describe('taking over the pages a build did not render', () => {
  it('makes the folders first, then moves in what was written and links the rest, skipping what it is told to', () => {
    const previous = join(work, 'previous');
    const rendered = join(work, 'rendered');
    const site = join(work, 'site');
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
    mkdirSync(join(previous, 'leeg/en/leger'), { recursive: true });

    // Before the build writes anything: the folders that will hold files, and no file.
    const listing = prepareTakeOver(previous, site, ['pagefind']);
    assert.deepEqual(folders(site), [
      'beleid',
      'beleid/a',
      'beleid/b',
      'beleid/b/bron',
      'diep',
      'diep/in',
      'diep/in/de',
      'diep/in/de/boom',
      'js',
    ]);
    assert.deepEqual(listFiles(site), []);

    tree(rendered, { 'index.html': 'nieuw', 'beleid/a/index.html': 'a nieuw', 'beleid/c/index.html': 'c, nieuw' });
    const { moved, taken } = assembleSite(listing, rendered, site);

    assert.deepEqual(listFiles(site).sort(), [
      'beleid/a/index.html',
      'beleid/b/bron/index.html',
      'beleid/b/index.html',
      'beleid/c/index.html',
      'diep/in/de/boom/index.html',
      'index.html',
      'js/search.mjs',
    ]);
    assert.deepEqual([moved, taken], [3, 4]);
    assert.equal(readFileSync(join(site, 'index.html'), 'utf8'), 'nieuw', 'what the build wrote wins');
    assert.equal(readFileSync(join(site, 'beleid/a/index.html'), 'utf8'), 'a nieuw');
    assert.equal(
      readFileSync(join(previous, 'beleid/a/index.html'), 'utf8'),
      'a oud',
      'the previous site is untouched',
    );
    // Hard links: the same file, not a copy.
    assert.equal(statSync(join(site, 'beleid/b/index.html')).ino, statSync(join(previous, 'beleid/b/index.html')).ino);
    assert.ok(!existsSync(join(site, 'leeg')), 'a folder with nothing to take over is not made');
    assert.ok(!existsSync(join(site, 'pagefind')) && !existsSync(join(site, 'entry.mjs')));
    assert.deepEqual(listFiles(rendered), [], 'every file the build wrote was moved');
  });

  it('fails, naming the file, when a file of the previous site is gone by the time it is taken over', () => {
    const previous = join(work, 'previous-2');
    tree(previous, { 'beleid/a/index.html': 'a', 'beleid/b/index.html': 'b' });
    const site = join(work, 'site-2');
    const listing = prepareTakeOver(previous, site);
    rmSync(join(previous, 'beleid/b'), { recursive: true });
    mkdirSync(join(work, 'rendered-2'));
    assert.throws(() => assembleSite(listing, join(work, 'rendered-2'), site), /beleid\/b\/index\.html/);
  });
});
