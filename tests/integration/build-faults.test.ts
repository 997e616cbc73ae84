/**
 * Fault injection: the build is killed at several moments (during ingest, while Astro writes
 * pages, while the search index is kept, just before and just after the publishing rename), its
 * disk fills up or turns read-only, its corpus is deleted while it renders, two builds run at
 * once, a dead build's lock is left behind, and it is stopped with SIGTERM. After each, the
 * published site is the previous one or the new complete one, byte for byte, and the next build
 * is right. Faults are injected from outside the build's code (tests/support/inject-fault.mjs
 * wraps the file system functions in every process of the build).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { filesUnder, ROOT, SOURCES } from '../support/helpers.ts';

const INJECT = join(ROOT, 'tests', 'support', 'inject-fault.mjs');
const SOURCE_FILES = ['caresq-2025-ziekenvervoer.txt', 'cz-2025-msz.txt'];
const work = mkdtempSync(join(tmpdir(), 'atlas-fouten-'));
after(() => rmSync(work, { recursive: true, force: true }));

interface Workspace {
  dir: string;
  sources: string;
  corpus: string;
  out: string;
}

function workspace(name: string): Workspace {
  const dir = join(work, name);
  const sources = join(dir, 'bronnen');
  mkdirSync(sources, { recursive: true });
  const manifest = readFileSync(join(SOURCES, 'sources.yaml'), 'utf8');
  const entries = manifest
    .split(/\n(?= {2}- file: )/u)
    .filter((entry) => SOURCE_FILES.some((file) => entry.includes(`file: ${file}`)));
  writeFileSync(join(sources, 'sources.yaml'), `sources:\n${entries.join('\n')}\n`);
  return { dir, sources, corpus: join(dir, 'corpus'), out: join(dir, 'site') };
}

/** The two states the sources alternate between: as published, and with one word changed. */
function setSources(space: Workspace, state: 0 | 1): void {
  for (const file of SOURCE_FILES) cpSync(join(SOURCES, file), join(space.sources, file));
  if (state === 1) {
    const path = join(space.sources, 'cz-2025-msz.txt');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/zorgaanbieders/u, 'zorgverleners'));
  }
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `npm run build` for a workspace, with a fault when `fault` is given; `during` runs once it started. */
function build(space: Workspace, fault?: string, during?: (pid: number) => Promise<void> | void): Promise<Run> {
  return new Promise((resolvePromise, rejectPromise) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ATLAS_FAULT_OUT: space.out };
    delete env.ATLAS_FAULT_TOP;
    if (fault)
      Object.assign(env, { ATLAS_FAULT: fault, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${INJECT}` });
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/build.ts',
        '--sources',
        space.sources,
        '--corpus',
        space.corpus,
        '--out',
        space.out,
        '--quiet',
      ],
      { cwd: ROOT, env },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // What the test does meanwhile fails the test with its own error once the build has ended.
    const meanwhile = Promise.resolve().then(() => during?.(child.pid!));
    meanwhile.catch(() => {});
    child.on('exit', (code, signal) => {
      // A build that ended by itself waited for its children; those of a killed one notice
      // within a fifth of a second (exit-with-parent.mjs), and are waited for here.
      const done = () =>
        meanwhile.then(
          () => resolvePromise({ code, signal, stdout, stderr }),
          (error: unknown) => rejectPromise(error),
        );
      if (signal === null) done();
      else
        void waitUntil(() => buildProcessesOf(space).length === 0, 'the children of a killed build to stop', 3000).then(
          done,
          done,
        );
    });
  });
}

const site = (space: Workspace) =>
  existsSync(space.out) ? filesUnder(space.out, (_path, bytes) => bytes.toString('base64')) : new Map<string, string>();

function sameSite(actual: Map<string, string>, expected: Map<string, string>): boolean {
  return actual.size === expected.size && [...expected].every(([path, content]) => actual.get(path) === content);
}

const waitUntil = async (condition: () => boolean, what: string, timeoutMs = 60_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
};

/**
 * Whether the new version folder of the build with process id `pid` (named <time>-<pid>) holds
 * `entry` yet: the site it replaces is a version folder too until the next build removes it.
 */
function newVersionWith(space: Workspace, pid: number, entry: string): boolean {
  const versions = join(space.dir, '.site-versions');
  if (!existsSync(versions)) return false;
  const published = existsSync(space.out) ? realpathSync(space.out) : '';
  return readdirSync(versions).some(
    // Astro renders into <version>.astro, the version folder is made beside it.
    (name) =>
      (name.endsWith(`-${pid}`) || name.endsWith(`-${pid}.astro`)) &&
      join(versions, name) !== published &&
      existsSync(join(versions, name, entry)),
  );
}

/** No process of this workspace's build still runs. */
function buildProcessesOf(space: Workspace): string[] {
  const listing = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout;
  return listing.split('\n').filter((line) => line.includes(space.dir) && !line.includes(' ps '));
}

describe('a build under faults', { concurrency: false }, () => {
  const references: Array<Map<string, string>> = [];
  const main = workspace('hoofd');
  let state: 0 | 1 = 0;

  /** Everything a build made in the workspace removed: the next build is a clean one. */
  const clean = () => {
    for (const name of readdirSync(main.dir))
      if (name !== 'bronnen') rmSync(join(main.dir, name), { recursive: true, force: true });
  };
  let again: Map<string, string> | null = null;

  before(async () => {
    // Clean builds of both states (in this workspace: documents name their source's path), and
    // of the first state twice.
    for (const target of [1, 0, 0] as const) {
      clean();
      setSources(main, target);
      const run = await build(main);
      assert.equal(run.code, 0, run.stderr);
      if (references[target]) again = site(main);
      else references[target] = site(main);
    }
  });

  it('writes the same site, file for file, in two clean builds of the same sources', () => {
    assert.ok(references[0]!.size > 50);
    assert.ok(sameSite(again!, references[0]!), 'two clean builds wrote different sites');
    assert.ok(!sameSite(references[1]!, references[0]!), 'the two states are different sites');
    assert.ok(lstatSync(main.out).isSymbolicLink(), 'the output is a link to its version folder');
  });

  /**
   * A faulty build toward the other state: the site after it is the previous one or the new one,
   * whole; then a plain build makes the new one, and leaves nothing of the faulty one behind.
   */
  async function faultyBuild(
    fault: string | undefined,
    expectFailure: RegExp | null,
    during?: (pid: number) => Promise<void> | void,
    options: { beforeNext?: () => void; retry?: boolean; next?: false } = {},
  ): Promise<Run> {
    // `retry`: toward the state the last faulty build failed to reach (its site left in place);
    // `next: false`: no plain build after it (the next case is that retry).
    const previous = options.retry ? (state === 0 ? 1 : 0) : state;
    if (!options.retry) state = state === 0 ? 1 : 0;
    setSources(main, state);
    const run = await build(main, fault, during);
    const after = site(main);
    const whole = sameSite(after, references[previous]!) || sameSite(after, references[state]!);
    assert.ok(
      whole,
      `after ${fault ?? 'the fault'} (exit ${run.code ?? run.signal}) the site is neither the previous nor the new ` +
        `one:\n${run.stderr}`,
    );
    if (run.code === 0) assert.ok(sameSite(after, references[state]!), 'exit 0 over a site that is not the new one');
    if (expectFailure) {
      assert.notEqual(run.code, 0, `the build should have failed:\n${run.stdout}`);
      assert.match(run.stderr, expectFailure);
      // One line, not a stack.
      assert.doesNotMatch(run.stderr, /^\s+at .*\(.*:\d+:\d+\)$/mu, run.stderr);
    }
    assert.deepEqual(buildProcessesOf(main), [], 'no process of the build runs on');
    if (options.next === false) return run;
    options.beforeNext?.();
    const next = await build(main);
    assert.equal(next.code, 0, next.stderr);
    assert.ok(sameSite(site(main), references[state]!), `the build after ${fault ?? 'the fault'} is not right`);
    // The site the build replaced is removed by the build after it, while that one works.
    assert.ok(
      readdirSync(join(main.dir, '.site-versions')).length <= 2,
      'only the published version and the one before',
    );
    assert.deepEqual(
      readdirSync(main.corpus).filter((name) => name.startsWith('.staging-')),
      [],
      'no staging folder is left',
    );
    return run;
  }

  for (const point of ['ingest', 'astro:3', 'search', 'publish']) {
    it(`is whole after kill -9 ${point === 'publish' ? 'just before the publishing rename' : `during ${point.split(':')[0]}`}, and the next build takes over its lock`, async () => {
      const run = await faultyBuild(`kill:${point}`, null, undefined, {
        beforeNext: () => {
          // The killed build's locks are still there, naming a dead process.
          assert.ok(existsSync(join(main.dir, '.corpus.lock')), 'the dead build left its lock');
          // And a lock file no build wrote whole.
          if (point === 'ingest') writeFileSync(join(main.dir, '.site.lock'), 'half a lock fi');
        },
      });
      assert.equal(run.signal, 'SIGKILL', 'the fault fired');
      assert.ok(
        !existsSync(join(main.dir, '.corpus.lock')) && !existsSync(join(main.dir, '.site.lock')),
        'the locks are released',
      );
    });
  }

  it('is whole after kill -9 just after the publishing rename (before the manifest)', async () => {
    const run = await faultyBuild('kill-after:publish', null);
    assert.equal(run.signal, 'SIGKILL');
  });

  it('says the disk is full in one line when Astro cannot write, and keeps the site', async () => {
    await faultyBuild(
      'enospc:astro:2',
      /astro build failed\. Could not use .*\.html: the disk is full \(ENOSPC\); free space .*site\/ was left as it was\./u,
    );
  });

  it('says the disk is full in one line when the ingest cannot write', async () => {
    await faultyBuild('enospc:ingest', /Could not write .*\.staging-.*: the disk is full \(ENOSPC\)/u);
  });

  it('says the file system is read-only, and that the output cannot be replaced', async () => {
    await faultyBuild(
      'erofs:link',
      /Could not symlink .*-versions\/\.link-\d+: the file system is read-only \(EROFS\); build into a writable/u,
      undefined,
      { next: false },
    );
    await faultyBuild('eacces:publish', /Could not rename .* → .*site: permission denied \(EACCES\)/u, undefined, {
      retry: true,
    });
  });

  it('is whole when its corpus is deleted while the pages render, and says so', async () => {
    const run = await faultyBuild(undefined, null, async (pid) => {
      await waitUntil(() => newVersionWith(main, pid, 'beleid'), 'Astro to write pages');
      // The search index is written into the corpus folder beside the pages, so a file can appear
      // in a folder while it is being removed: rmSync retries that (ENOTEMPTY) rather than fail.
      rmSync(main.corpus, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 });
    });
    // Astro may have read everything already (then the site is whole and new); if not, the cause is named.
    if (run.code !== 0) {
      assert.match(
        run.stderr,
        /Could not read .*corpus\/: it was removed while the site was being built; run npm run build again \(it ingests the sources anew\)\. .*site\/ was left as it was\./u,
      );
      assert.doesNotMatch(run.stderr, /^\s+at .*\(.*:\d+:\d+\)$/mu);
    }
  });

  it('refuses a second build at once, naming the first, and the first one finishes whole', async () => {
    let second: Promise<Run> | null = null;
    const first = await faultyBuild(undefined, null, async () => {
      await waitUntil(() => existsSync(join(main.dir, '.corpus.lock')), 'the first build to take its lock');
      second = build(main);
    });
    assert.equal(first.code, 0, first.stderr);
    const refused = await second!;
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /is already running \(pid \d+, since .*; lock .*\.corpus\.lock\): wait for it to finish, or stop it \(kill \d+\) and run again\. .*site\/ was left as it was\./u,
    );
  });

  it('stops its children and cleans up on SIGTERM', async () => {
    const run = await faultyBuild(undefined, /Stopped by SIGTERM: nothing was published/u, async (pid) => {
      await waitUntil(() => newVersionWith(main, pid, 'beleid'), 'the pages to be under way');
      process.kill(pid, 'SIGTERM');
    });
    assert.equal(run.code, 143);
  });
});
