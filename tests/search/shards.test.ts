/** Search shards kept between builds (src/search/shard-cache.ts, scripts/build-search.ts). */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
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
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SearchShardCache, shardKey } from '../../src/search/shard-cache.ts';
import { listFiles } from '../../src/io/file-tree.ts';
import { serialiseDocument } from '../../src/ingest/run/write.ts';
import type { PolicyDocument } from '../../src/core/schemas/document.ts';
import { CORPUS_FILES, ROOT, filesUnder, ingestCorpusFile } from '../support/helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-zoekdelen-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('shardKey', () => {
  const indexer = { version: '1.6.0', options: { forceLanguage: 'nl' } };
  const records = [
    { url: '/a/', content: 'zorgaanbieder' },
    { url: '/b/', content: 'wachtlijst' },
  ];

  it('is the same for the same records, indexer and options', () => {
    assert.equal(shardKey(indexer, records), shardKey({ ...indexer }, structuredClone(records)));
  });

  it('changes with one letter of one record, their order, the options or Pagefind version', () => {
    const key = shardKey(indexer, records);
    assert.notEqual(shardKey(indexer, [records[0], { ...records[1]!, content: 'wachtlyst' }]), key);
    assert.notEqual(shardKey(indexer, [...records].reverse()), key);
    assert.notEqual(shardKey({ ...indexer, options: { forceLanguage: 'en' } }, records), key);
    assert.notEqual(shardKey({ ...indexer, version: '1.6.1' }, records), key);
  });
});

describe('SearchShardCache', () => {
  it('keeps a written shard under its key and links it into an output', async () => {
    const cache = new SearchShardCache(join(work, 'cache-a'));
    assert.equal(cache.has('k1'), false);
    await cache.store('k1', async (dir) => {
      mkdirSync(join(dir, 'index'), { recursive: true });
      writeFileSync(join(dir, 'pagefind-entry.json'), '{}');
      writeFileSync(join(dir, 'index', 'nl.pf_index'), 'index');
    });
    assert.equal(cache.has('k1'), true);
    const out = join(work, 'out-a', 'deel-1');
    cache.place('k1', out);
    assert.equal(readFileSync(join(out, 'index', 'nl.pf_index'), 'utf8'), 'index');
    assert.equal(
      statSync(join(out, 'index', 'nl.pf_index')).ino,
      statSync(join(work, 'cache-a', 'k1', 'index', 'nl.pf_index')).ino,
      'linked, not copied',
    );
  });

  it('indexes a kept shard again when a file of it is missing, truncated or added', async () => {
    const dir = join(work, 'cache-d');
    const write = async (target: string) => {
      mkdirSync(join(target, 'fragment'), { recursive: true });
      writeFileSync(join(target, 'pagefind-entry.json'), '{}');
      writeFileSync(join(target, 'fragment', 'nl_1.pf_fragment'), 'fragment');
    };
    const damages: Array<(shard: string) => void> = [
      (shard) => rmSync(join(shard, 'fragment', 'nl_1.pf_fragment')),
      (shard) => writeFileSync(join(shard, 'fragment', 'nl_1.pf_fragment'), 'frag'),
      (shard) => writeFileSync(join(shard, 'fragment', 'nl_2.pf_fragment'), 'half'),
      (shard) => rmSync(join(shard, 'files.json')),
    ];
    for (const damage of damages) {
      await new SearchShardCache(dir).store('k', write);
      assert.equal(new SearchShardCache(dir).has('k'), true);
      damage(join(dir, 'k'));
      assert.equal(new SearchShardCache(dir).has('k'), false);
      assert.deepEqual(readdirSync(dir), [], 'the damaged shard is removed');
    }
  });

  it('keeps nothing under a key when writing the shard fails', async () => {
    const dir = join(work, 'cache-b');
    const cache = new SearchShardCache(dir);
    await assert.rejects(
      cache.store('k2', async (target) => {
        mkdirSync(target, { recursive: true });
        writeFileSync(join(target, 'pagefind-entry.json'), '{}');
        throw new Error('indexer stopped');
      }),
      /indexer stopped/u,
    );
    assert.equal(cache.has('k2'), false);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('drops the shards a build did not use', async () => {
    const dir = join(work, 'cache-c');
    const write = async (target: string) => {
      mkdirSync(target, { recursive: true });
      writeFileSync(join(target, 'pagefind-entry.json'), '{}');
    };
    const first = new SearchShardCache(dir);
    await first.store('oud', write);
    await first.store('blijft', write);
    const next = new SearchShardCache(dir);
    assert.equal(next.has('blijft'), true);
    await next.store('nieuw', write);
    next.prune();
    assert.deepEqual(readdirSync(dir).sort(), ['blijft', 'nieuw']);
  });
});

describe('build-search with kept shards, on the real corpus', () => {
  const corpusDir = join(work, 'corpus');
  const cacheDir = join(work, 'search-index');
  let documents: PolicyDocument[] = [];

  before(async () => {
    mkdirSync(corpusDir);
    documents = await Promise.all(CORPUS_FILES.map((file) => ingestCorpusFile(file)));
    for (const document of documents)
      writeFileSync(join(corpusDir, `${document.id}.json`), serialiseDocument(document));
  });

  /** scripts/build-search.ts into `out`, shards of at most 100 sections; its summary line. */
  const buildSearch = (out: string, withCache: boolean, code = 'code-1', indexers = 1) => {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'scripts', 'build-search.ts'),
        out,
        ...(withCache ? ['--cache', cacheDir] : []),
        ...['--indexers', String(indexers)],
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          CORPUS_DIR: corpusDir,
          ATLAS_SEARCH_SHARD_SECTIONS: '100',
          ATLAS_CODE_FINGERPRINT: withCache ? code : '',
        },
      },
    );
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  };

  it('reindexes only the shard whose policy changed, and writes what a build without them writes', () => {
    assert.match(buildSearch(join(work, 'eerst'), true), /in 3 shards \(0 unchanged since the last build, reused;/u);
    buildSearch(join(work, 'eerst-vers'), false);
    assert.deepEqual(filesUnder(join(work, 'eerst')), filesUnder(join(work, 'eerst-vers')));
    assert.match(
      buildSearch(join(work, 'opnieuw'), true),
      /\(3 unchanged since the last build, reused; 3 of them known/u,
    );
    assert.deepEqual(filesUnder(join(work, 'opnieuw')), filesUnder(join(work, 'eerst-vers')));

    // A typo fixed in one section of one policy.
    const changed = structuredClone(documents[0]!);
    const section = changed.sections.find((candidate) => /zorgaanbieder/u.test(candidate.text))!;
    section.text = section.text.replace('zorgaanbieder', 'zorgaanbeider');
    writeFileSync(join(corpusDir, `${changed.id}.json`), serialiseDocument(changed));
    // The typo is a new word: only shards whose texts it could be part of are made again to be sure.
    assert.match(
      buildSearch(join(work, 'na-typo'), true),
      /\(2 unchanged since the last build, reused; \d of them known/u,
    );
    buildSearch(join(work, 'na-typo-vers'), false);
    assert.deepEqual(filesUnder(join(work, 'na-typo')), filesUnder(join(work, 'na-typo-vers')));
    assert.notDeepEqual(filesUnder(join(work, 'na-typo')), filesUnder(join(work, 'eerst-vers')));
    // The shard made again links every file it shares byte for byte with its earlier version.
    const fragments = listFiles(join(work, 'na-typo')).filter((file) => file.includes('fragment/'));
    const same = fragments.filter((file) => {
      const earlier = join(work, 'opnieuw', file);
      return existsSync(earlier) && readFileSync(earlier).equals(readFileSync(join(work, 'na-typo', file)));
    });
    assert.ok(same.length < fragments.length, 'the typo made a new fragment');
    for (const file of same)
      assert.equal(statSync(join(work, 'na-typo', file)).ino, statSync(join(work, 'opnieuw', file)).ino, file);
    const shardsKept = readdirSync(cacheDir).filter((name) => /^[0-9a-f]{64}$/u.test(name));
    assert.equal(shardsKept.length, 3, 'the replaced shard is dropped from the cache');
    // Other code: nothing is known by its inputs, though the shards are reused by their records.
    assert.match(
      buildSearch(join(work, 'andere-code'), true, 'code-2'),
      /\(3 unchanged since the last build, reused; 0 of them known/u,
    );
    assert.deepEqual(filesUnder(join(work, 'andere-code')), filesUnder(join(work, 'na-typo-vers')));
  });

  it('writes the same index with two indexers at once as with one, with and without kept shards', () => {
    buildSearch(join(work, 'een-indexer'), false);
    buildSearch(join(work, 'twee-indexers'), false, 'code-1', 2);
    assert.deepEqual(filesUnder(join(work, 'twee-indexers')), filesUnder(join(work, 'een-indexer')));
    const cached = buildSearch(join(work, 'twee-met-cache'), true, 'code-3', 2);
    assert.match(cached, /in 3 shards/u);
    assert.deepEqual(filesUnder(join(work, 'twee-met-cache')), filesUnder(join(work, 'een-indexer')));
  });

  /** scripts/build-search.ts with one indexer, and one more once its standard input closes (when `close` resolves). */
  const buildSearchJoined = async (out: string, close: (child: ChildProcess) => Promise<void>) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'build-search.ts'), out, '--indexers', '1', '--more-indexers', '1'],
      {
        cwd: ROOT,
        env: { ...process.env, CORPUS_DIR: corpusDir, ATLAS_SEARCH_SHARD_SECTIONS: '100' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdin!.on('error', () => {});
    const exited = once(child, 'exit');
    await close(child);
    const [status] = await exited;
    assert.equal(status, 0, stderr);
    return stdout;
  };

  it('lets a second indexer join once told, and ends without being told: the same index either way', async () => {
    buildSearch(join(work, 'een-indexer'), false);
    // Told at once: the second indexer takes shards from the first.
    const told = await buildSearchJoined(join(work, 'erbij'), async (child) => {
      child.stdin!.end();
    });
    assert.match(told, /in 3 shards .* by 2 indexers/u);
    assert.deepEqual(filesUnder(join(work, 'erbij')), filesUnder(join(work, 'een-indexer')));
    // Never told (the pages outlast the index): it ends with the one it has.
    const untold = await buildSearchJoined(join(work, 'niet-verteld'), async (child) => {
      await once(child, 'exit');
    });
    assert.match(untold, /in 3 shards .* by 1 indexer$/mu);
    assert.deepEqual(filesUnder(join(work, 'niet-verteld')), filesUnder(join(work, 'een-indexer')));
  });

  it('refuses a number of indexers that is not a whole number of at least one', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'build-search.ts'), join(work, 'geen'), '--indexers', '0'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CORPUS_DIR: corpusDir } },
    );
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--indexers must be a whole number of at least 1, not "0"/u);
    assert.equal(existsSync(join(work, 'geen')), false);
  });
});
