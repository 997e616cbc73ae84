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
import { linkOrCopy } from '../../src/io/link-or-copy.ts';

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

const inode = (path: string) => statSync(path).ino;

/** A previous site, with what a build does not carry over: the search index, Astro's leftovers, an empty folder. */
function previousSite(name: string): string {
  const previous = join(work, name);
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
  return previous;
}

const CARRIED = [
  'beleid/a/index.html',
  'beleid/b/bron/index.html',
  'beleid/b/index.html',
  'diep/in/de/boom/index.html',
  'index.html',
  'js/search.mjs',
];

/** What the build rendered, moved in over the previous site's links; the previous site untouched. */
function assembleAndCheck(previous: string, site: string, rendered: string): void {
  tree(rendered, { 'index.html': 'nieuw', 'beleid/a/index.html': 'a nieuw', 'beleid/c/index.html': 'c, nieuw' });
  assert.equal(assembleSite(rendered, site), 3);
  assert.deepEqual(listFiles(site).sort(), [...CARRIED, 'beleid/c/index.html'].sort());
  assert.equal(readFileSync(join(site, 'index.html'), 'utf8'), 'nieuw', 'what the build wrote wins');
  assert.equal(readFileSync(join(site, 'beleid/a/index.html'), 'utf8'), 'a nieuw');
  assert.equal(readFileSync(join(previous, 'beleid/a/index.html'), 'utf8'), 'a oud', 'the previous site is untouched');
  assert.equal(readFileSync(join(previous, 'index.html'), 'utf8'), 'oud');
  assert.equal(inode(join(site, 'beleid/b/index.html')), inode(join(previous, 'beleid/b/index.html')), 'hard links');
  assert.deepEqual(listFiles(rendered), [], 'every file the build wrote was moved');
}

describe('taking over the pages a build did not render', () => {
  it('mirrors the previous site as links before the build writes, then moves in what it wrote', () => {
    const previous = previousSite('previous');
    const site = join(work, 'site');
    prepareTakeOver(previous, site, { skip: ['pagefind'] });
    assert.deepEqual(listFiles(site).sort(), CARRIED);
    assert.ok(!existsSync(join(site, 'leeg')), 'a folder with nothing to take over is not made');
    assert.ok(!existsSync(join(site, 'pagefind')) && !existsSync(join(site, 'entry.mjs')));
    assembleAndCheck(previous, site, join(work, 'rendered'));
  });

  it('makes the new site from an earlier one: links kept, others linked again, what the previous lacks removed', () => {
    const previous = previousSite('previous-2');
    // An earlier site: most files links of the previous site's, one its own, one the previous site lacks.
    const earlier = join(work, 'earlier');
    for (const path of ['beleid/b/index.html', 'diep/in/de/boom/index.html', 'js/search.mjs']) {
      mkdirSync(dirname(join(earlier, path)), { recursive: true });
      linkOrCopy(join(previous, path), join(earlier, path));
    }
    tree(earlier, {
      'index.html': 'ouder',
      'weg/index.html': 'weg',
      'pagefind/oud.pf': 'x',
      'beleid/b/bron': 'een bestand waar een map hoort',
    });
    const kept = inode(join(earlier, 'diep/in/de/boom/index.html'));
    const site = join(work, 'site-2');

    prepareTakeOver(previous, site, { skip: ['pagefind'], recycle: earlier });

    assert.ok(!existsSync(earlier), 'the earlier site became the new one');
    assert.deepEqual(listFiles(site).sort(), CARRIED);
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
    assert.equal(inode(join(site, 'diep/in/de/boom/index.html')), kept, 'a link of the same file stays');
    for (const path of CARRIED) assert.equal(inode(join(site, path)), inode(join(previous, path)), path);
    assembleAndCheck(previous, site, join(work, 'rendered-2'));
  });
});
