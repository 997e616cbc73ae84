/**
 * The build after one policy's text changed (src/build/build-site.ts, site-plan.ts): it
 * renders only that policy's pages, its insurer's and those about all insurers that read it
 * (src/site/rendered-only.ts), and writes the same site as a full build of the same corpus. And
 * what it must not take for a text change.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { verifySite } from '../../src/build/verify-site.ts';
import { isSearchChunkFolder, listFiles } from '../../src/io/file-tree.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSite, startPagesEarly } from '../../src/build/build-site.ts';
import { codeFingerprint, planSiteBuild, skeletonOf } from '../../src/build/site-plan.ts';
import { estimatePartPeaks } from '../../src/build/memory-plan.ts';
import { corpusMegabytes } from '../../src/build/site-and-search.ts';
import { config } from '../../src/io/config.ts';
import { serialiseDocument } from '../../src/ingest/run/write.ts';
import type { PolicyDocument } from '../../src/core/schemas/document.ts';
import { CORPUS_FILES, filesUnder, ingestCorpusFile } from '../support/helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-incrementeel-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Every file of a site with its content, byte for byte (calendars included: their stamps come from the sources). */
const siteFiles = (dir: string) => filesUnder(dir, (_path, bytes) => bytes.toString('base64'));

/** Each file of a site by its inode: a page taken over from the previous build is linked, so keeps its inode. */
const inodes = (dir: string) => new Map(listFiles(dir).map((file) => [file, statSync(join(dir, file)).ino]));

/** The paths whose content differs between two sites, and those only one has. */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((path) => a.get(path) !== b.get(path)).sort();
}

describe('incremental build', () => {
  const corpusDir = join(work, 'corpus');
  const site = join(work, 'site');
  let documents: PolicyDocument[] = [];
  const write = (document: PolicyDocument) =>
    writeFileSync(join(corpusDir, `${document.id}.json`), serialiseDocument(document));
  /** A build after a change as npm run build makes it: Astro started before its plan is known (render-plan-gate.ts). */
  const rebuild = () => {
    const options = { corpusDir, outDir: site, quiet: true };
    // The corpus is there: its size, not the sources', sets Astro's heap limit (there are none here).
    return buildSite(options, undefined, startPagesEarly(options, join(work, 'sources')));
  };
  /** A word in a section's text replaced: a fixed typo. */
  const withTypo = (document: PolicyDocument, word: RegExp, replacement: string) => {
    const changed = structuredClone(document);
    const section = changed.sections.find((candidate) => word.test(candidate.text))!;
    section.text = section.text.replace(word, replacement);
    return changed;
  };

  before(async () => {
    mkdirSync(corpusDir);
    documents = await Promise.all(CORPUS_FILES.map((file) => ingestCorpusFile(file)));
    for (const document of documents) write(document);
    const first = await buildSite({ corpusDir, outDir: site, quiet: true });
    assert.equal(first.plan.renderInsurers, null, first.plan.reason);
    // Five policies fit the default memory budget side by side.
    assert.equal(first.times.memory.sideBySide, true);
  });

  // A policy of an insurer with three, one alone, and a general one (read where its insurer has no other).
  for (const id of ['caresq-2026-categorale-instellingen', 'cz-2025-msz', 'zorg-en-zekerheid-2025-algemeen']) {
    it(`after a typo in ${id}, renders its own and its insurer's pages: what a full build writes`, async () => {
      const document = documents.find((candidate) => candidate.id === id)!;
      write(withTypo(document, /zorgaanbieders?/u, 'zorgaanbeiders'));
      const before = siteFiles(site);
      const linked = inodes(site);
      const { plan } = await rebuild();
      assert.deepEqual(plan.renderInsurers, [document.insurer], plan.reason);
      assert.deepEqual(plan.renderDocuments, [id]);
      // Rendered again: a file with a new inode. The policy's own pages, not its siblings', and
      // no calendar (it reads no text).
      const rendered = [...inodes(site)].filter(([file, inode]) => linked.get(file) !== inode).map(([file]) => file);
      assert.ok(rendered.includes(`beleid/${id}/index.html`));
      for (const sibling of documents.filter((other) => other.insurer === document.insurer && other.id !== id))
        assert.ok(!rendered.includes(`beleid/${sibling.id}/index.html`), `${sibling.id} rendered again`);
      assert.deepEqual(
        rendered.filter((file) => file.startsWith('kalender/') && file.endsWith('.ics')),
        [],
      );

      const fresh = join(work, `vers-${id}`);
      await buildSite({ corpusDir: join(work, 'corpus'), outDir: fresh, full: true, quiet: true });
      const incremental = siteFiles(site);
      assert.deepEqual(differences(incremental, siteFiles(fresh)), []);
      // The build did change the site: the policy's page shows the new text.
      assert.ok(differences(before, incremental).includes(`beleid/${id}/index.html`));

      // And the typo back: the same again, and the site as it was.
      write(document);
      const back = await rebuild();
      assert.deepEqual(back.plan.renderInsurers, [document.insurer], back.plan.reason);
      assert.deepEqual(differences(siteFiles(site), before), []);
    });
  }

  // Past its memory budget the pages and the search index are made one after the other: at 256 MB
  // alone, at 700 MB (between the estimates side by side and of the pages with make-ahead beside
  // them) with what the pages read made ahead and two indexers, and at the least budget that holds
  // Astro reading what was made ahead beside the search index, that index begun beside the pages
  // once make-ahead is done. Each way, the same site.
  const afterAheadBudget = () => {
    const parts = estimatePartPeaks({
      corpusMb: corpusMegabytes(corpusDir),
      shardSections: config().searchShardSections,
    });
    return String(Math.ceil(parts.astroReading + parts.searchScript + parts.indexer + parts.orchestrator));
  };
  for (const { budget, madeAhead, afterAhead, searchIndexers, folder } of [
    { budget: () => '256', madeAhead: false, afterAhead: false, searchIndexers: 1, folder: 'na-elkaar' },
    { budget: () => '700', madeAhead: true, afterAhead: false, searchIndexers: 2, folder: 'vooraf' },
    { budget: afterAheadBudget, madeAhead: true, afterAhead: true, searchIndexers: 2, folder: 'na-vooraf' },
  ]) {
    const how = `made ahead: ${madeAhead}, then the index beside the pages: ${afterAhead}, ${searchIndexers} indexers`;
    it(`within its budget, one after the other (${how}): the same site`, async () => {
      const apart = join(work, folder);
      const mb = budget();
      const { times } = await buildSite({
        corpusDir,
        outDir: apart,
        full: true,
        quiet: true,
        env: { ATLAS_BUILD_MEMORY_MB: mb },
      });
      assert.equal(times.memory.sideBySide, false, `${mb} MB`);
      assert.equal(times.memory.madeAhead, madeAhead, `${mb} MB`);
      assert.equal(times.memory.searchAfterAhead, afterAhead, `${mb} MB`);
      assert.equal(times.memory.searchIndexers, searchIndexers, `${mb} MB`);
      if (!afterAhead)
        assert.ok(times.search > times.site, `the index (${times.search} s) after the pages (${times.site} s)`);
      assert.deepEqual(differences(siteFiles(apart), siteFiles(site)), []);
    });
  }

  it('renders everything when more than text changed, or the code did', async () => {
    const document = documents[0]!;
    const retitled = structuredClone(document);
    retitled.sections[1]!.title = `${retitled.sections[1]!.title} (herzien)`;
    assert.notEqual(
      skeletonOf(retitled as unknown as Record<string, unknown>),
      skeletonOf(document as unknown as Record<string, unknown>),
    );
    write(retitled);
    assert.match(planSiteBuild({ corpusDir, outDir: site }).reason, /more than text changed/u);
    write(document);

    const moved = join(work, 'corpus-elders');
    mkdirSync(moved);
    for (const name of readdirSync(corpusDir))
      if (name.endsWith('.json')) writeFileSync(join(moved, name), readFileSync(join(corpusDir, name)));
    assert.equal(planSiteBuild({ corpusDir: moved, outDir: site }).reason, 'another corpus');

    const code = join(work, 'code');
    mkdirSync(join(code, 'src'), { recursive: true });
    writeFileSync(join(code, 'src', 'pagina.astro'), '<p>anders</p>');
    assert.match(planSiteBuild({ corpusDir, outDir: site, root: code }).reason, /code/u);

    assert.equal(planSiteBuild({ corpusDir, outDir: site, full: true }).renderInsurers, null);
  });

  it('keeps the code fingerprint when npm install only adds or drops packages for other platforms', () => {
    const root = join(work, 'lock-root');
    mkdirSync(root, { recursive: true });
    const lock = {
      name: 'x',
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { pagefind: '^1.6.0' } },
        'node_modules/pagefind': { version: '1.6.0', optionalDependencies: { '@pagefind/linux-x64': '1.6.0' } },
      } as Record<string, unknown>,
    };
    const fingerprint = () => {
      writeFileSync(join(root, 'package-lock.json'), JSON.stringify(lock, null, 2));
      return codeFingerprint(root);
    };
    const bare = fingerprint();
    lock.packages['node_modules/@pagefind/linux-x64'] = {
      version: '1.6.0',
      optional: true,
      os: ['linux'],
      cpu: ['x64'],
    };
    lock.packages['node_modules/@rollup/rollup-darwin-arm64'] = {
      version: '4.0.0',
      optional: true,
      os: ['darwin'],
      cpu: ['arm64'],
    };
    assert.equal(fingerprint(), bare, 'platform packages added');
    (lock.packages['node_modules/pagefind'] as { version: string }).version = '1.6.1';
    assert.notEqual(fingerprint(), bare, 'a real dependency change still counts');
  });

  it('refuses to publish a site that lacks a page, has half a page or a stray one, or whose search index names a missing file', () => {
    const manifest = JSON.parse(readFileSync(join(work, '.site-build.json'), 'utf8')) as {
      pages: string[];
      documents: Record<string, { searchRecords: number }>;
    };
    const records = Object.values(manifest.documents).reduce((sum, document) => sum + document.searchRecords, 0);
    const copy = (name: string) => {
      const dir = join(work, `controle-${name}`);
      cpSync(site, dir, { recursive: true, dereference: true });
      return dir;
    };
    const check = (dir: string) => verifySite(dir, listFiles(dir, isSearchChunkFolder), manifest.pages, records);
    assert.deepEqual(check(copy('heel')).problems, []);
    const damages: Array<[string, (dir: string) => void, RegExp]> = [
      [
        'ontbreekt',
        (dir) => rmSync(join(dir, 'beleid', 'cz-2025-msz', 'index.html')),
        /1 of \d+ pages are missing \(beleid\/cz-2025-msz\/index\.html\)/u,
      ],
      [
        'half',
        (dir) => writeFileSync(join(dir, 'index.html'), readFileSync(join(dir, 'index.html'), 'utf8').slice(0, 500)),
        /^index\.html does not end with <\/html>$/u,
      ],
      [
        'json',
        (dir) => writeFileSync(join(dir, 'api', 'documents.json'), '{"documents": ['),
        /^api\/documents\.json is not valid JSON$/u,
      ],
      [
        'extra',
        (dir) => writeFileSync(join(dir, 'beleid', 'oud.html'), '<html></html>'),
        /1 pages are there that the plan does not name \(beleid\/oud\.html\)/u,
      ],
      [
        'fragment',
        (dir) => rmSync(join(dir, 'pagefind', 'fragment', readdirSync(join(dir, 'pagefind', 'fragment'))[0]!)),
        /names 1 files that are not there/u,
      ],
      [
        'afgekapt',
        (dir) => {
          const index = join(dir, 'pagefind', 'index');
          const file = join(index, readdirSync(index)[0]!);
          writeFileSync(file, readFileSync(file).subarray(0, 20));
        },
        /is damaged \(it does not decompress\)/u,
      ],
      [
        'leeg',
        (dir) => rmSync(join(dir, 'pagefind'), { recursive: true }),
        /the search index \(pagefind\/delen\.json\) is missing/u,
      ],
    ];
    for (const [name, damage, expected] of damages) {
      const dir = copy(name);
      damage(dir);
      const { problems } = check(dir);
      assert.ok(
        problems.some((problem) => expected.test(problem)),
        `${name}: ${problems.join('; ')}`,
      );
    }
    // A page carried over from a checked site must be there; it is not read again.
    const carried = (dir: string, pages: string[]) =>
      verifySite(dir, listFiles(dir, isSearchChunkFolder), manifest.pages, records, new Set(pages)).problems;
    assert.deepEqual(carried(join(work, 'controle-half'), ['index.html']), []);
    assert.match(
      carried(join(work, 'controle-ontbreekt'), ['beleid/cz-2025-msz/index.html']).join('; '),
      /1 of \d+ pages are missing/u,
    );
  });

  it('renders everything when the site there is not the one it recorded', () => {
    writeFileSync(join(site, 'index.html'), '<p>met de hand gebouwd</p>');
    assert.match(planSiteBuild({ corpusDir, outDir: site }).reason, /not the site the last build left/u);
  });
});
