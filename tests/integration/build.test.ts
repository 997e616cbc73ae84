/** The build after ingest (src/build/build-site.ts): a failed build keeps the old site; Astro's heap limit. */
import assert from 'node:assert/strict';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildSite } from '../../src/build/build-site.ts';
import { BuildStepError, astroHeapLimitMb } from '../../src/build/site-and-search.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-build-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('site and search build', () => {
  it('leaves the site that was there, and no half-built folders, when a half fails', async () => {
    const corpusDir = join(work, 'corpus');
    mkdirSync(corpusDir);
    writeFileSync(join(corpusDir, 'kapot.json'), '{"id": "kapot", "source": {}, "sections": []}');
    const outDir = join(work, 'site');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'index.html'), '<p>de vorige site</p>');

    // A corpus file that is not a policy document: both Astro and the search script refuse it.
    await assert.rejects(
      buildSite({ corpusDir, outDir, quiet: true }),
      (error: unknown) => error instanceof BuildStepError && /failed with exit code 1/u.test(error.message),
    );
    assert.equal(readFileSync(join(outDir, 'index.html'), 'utf8'), '<p>de vorige site</p>');
    // The versions folder stays (empty) for the next build; no half-built site, no lock.
    assert.deepEqual(
      readdirSync(work)
        .filter((name) => /site|corpus$/u.test(name))
        .sort(),
      ['.site-versions', 'corpus', 'site'],
    );
    assert.deepEqual(readdirSync(join(work, '.site-versions')), []);
  });

  it('says which corpus file is not JSON before it starts', async () => {
    const corpusDir = join(work, 'corpus-json');
    mkdirSync(corpusDir);
    writeFileSync(join(corpusDir, 'kapot.json'), '{"id": "kapot"');
    await assert.rejects(
      buildSite({ corpusDir, outDir: join(work, 'site-json'), quiet: true }),
      (error: unknown) =>
        error instanceof BuildStepError &&
        /kapot\.json is not a policy document .*npm run build -- --full/u.test(error.message),
    );
  });
});

describe('Astro heap limit', () => {
  const corpusOf = (megabytes: number) => {
    const dir = mkdtempSync(join(work, 'corpus-'));
    // A sparse file: only its size counts.
    const handle = openSync(join(dir, 'policy.json'), 'w');
    ftruncateSync(handle, megabytes * 2 ** 20);
    closeSync(handle);
    return dir;
  };

  it('is 1 GB for a small corpus', () => {
    assert.equal(astroHeapLimitMb(corpusOf(1)), 1024);
  });

  it('grows with the corpus, at twice its live size (~6× the JSON) and more', () => {
    assert.equal(astroHeapLimitMb(corpusOf(68)), 256 + 12 * 68);
    assert.equal(astroHeapLimitMb(corpusOf(200)), 256 + 12 * 200);
  });
});
