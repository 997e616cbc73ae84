/**
 * The two halves of a build after ingest: Astro renders the pages (one thread) and
 * scripts/build-search.ts feeds Pagefind's indexer (a process of its own); both read the same
 * structured corpus and neither needs the other's output, so on two cores side by side they take
 * little longer than the slower one alone. Their memory adds up, though: when the estimate of the
 * two together passes the build's memory budget (memory-plan.ts), they run one after the other,
 * the pages with make-ahead beside them; or, when it fits, the index begins once make-ahead is
 * done, beside the rest of the pages, with one indexer and a second once they are done.
 *
 * Both write into folders no published site uses (src/build/build-site.ts checks the result
 * and publishes it): a failed build leaves the site that was there as it was.
 *
 * Side by side both run at the same priority: with the index at a lower one they end a little
 * sooner, but the indexer is then still in memory at Astro's own peak, and the build must stay
 * under 2 GB (tests/bench/SETTINGS.md). Begun after make-ahead, it shares the core with Astro
 * alike.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { corpusFiles } from '../io/corpus.ts';
import { nodeArgsFor, stopBundling } from '../io/bundle.ts';
import { BuildStepError, onStop, startNode, waitFor } from '../io/children.ts';
import { childEnvironment, config, type ConfigVariable } from '../io/config.ts';
import { astroHeapLimitFor, type MemoryPlan, planMemory, searchHeapLimitFor } from './memory-plan.ts';
import { assembleSite, prepareTakeOver } from './take-over.ts';
import { checkSearchIndexFolder, type SearchIndexFolderCheck } from './verify-site.ts';
import { releaseRenderPlan } from './render-plan-gate.ts';

export { BuildStepError };

/** How long one half may take before it is stopped: far longer than a large corpus needs, short of forever. */
export const DEFAULT_STEP_TIMEOUT_MS = 60 * 60 * 1000;

export interface SiteBuildOptions {
  /** The structured corpus (scripts/ingest.ts --out). */
  corpusDir: string;
  /** A new folder for the site. */
  siteDir: string;
  /** A new folder for the search index, moved into the site when both halves succeeded. */
  searchDir: string;
  /** Where Astro lists the files it wrote (src/build/pages-report.ts). */
  pagesReport: string;
  /** The published site, from which pages not rendered again are taken over. */
  previousSite?: string | null;
  /** Each half is stopped when it runs longer (default DEFAULT_STEP_TIMEOUT_MS). */
  stepTimeoutMs?: number;
  /** Astro's page-by-page log left out. */
  quiet?: boolean;
  /** Extra environment for both halves (e.g. ATLAS_SEARCH_SHARD_SECTIONS). */
  env?: Partial<Record<ConfigVariable, string>>;
  /** Search shards kept between builds (src/search/shard-cache.ts); every shard is indexed without it. */
  searchCacheDir?: string;
  /**
   * Only these insurers' pages, and those about all insurers, are rendered; the rest is taken
   * over from previousSite (src/build/site-plan.ts decides when that is sound). All pages
   * when absent or null.
   */
  renderInsurers?: string[] | null;
  /** With renderInsurers: the documents whose text changed (pages about several insurers that read one render). */
  renderDocuments?: string[] | null;
  /** With renderInsurers: an earlier site folder, no longer served, to make the new site from (take-over.ts). */
  recycle?: string | null;
  /** The corpus JSON, MB, when the caller has stat'ed it already. */
  corpusMb?: number;
}

export interface SiteBuildTimes {
  /** Seconds from start to each half's end, and for the whole. */
  site: number;
  search: number;
  total: number;
  /** Side by side or one after the other, and why (the estimated peaks). */
  memory: MemoryPlan;
}

export interface SiteAndSearch extends SiteBuildTimes {
  /** The check of the search index, made before it was moved into the site (verify-site.ts). */
  searchIndex: SearchIndexFolderCheck;
}

/**
 * Astro's heap, set for a build that renders thousands of pages in one process:
 * - its limit, from the corpus size: left alone, V8 lets garbage grow to several times what is
 *   live before collecting it; about twice the live size keeps the peak down at no cost in time.
 *   Never below 1 GB, so a small corpus is never short;
 * - a larger young generation than V8's default: each page's rendering lives just long enough to
 *   be copied by the frequent small collections (tests/bench/SETTINGS.md has the figures).
 */
export function astroNodeOptions(corpusMb: number): string[] {
  return [`--max-old-space-size=${astroHeapLimitFor(corpusMb)}`, '--max-semi-space-size=64'];
}

/** The structured corpus's JSON, MB. */
export function corpusMegabytes(corpusDir: string): number {
  return corpusFiles(corpusDir).reduce((sum, file) => sum + statSync(file).size, 0) / 2 ** 20;
}

/** Astro's old-generation limit (MB) for the corpus in `corpusDir` (memory-plan.ts astroHeapLimitFor). */
export function astroHeapLimitMb(corpusDir: string): number {
  return astroHeapLimitFor(corpusMegabytes(corpusDir));
}

/**
 * Astro's build of a static site sometimes leaves its server chunks (manifest_<hash>.mjs,
 * content-*.mjs) at the top of the output; they are no part of the site, and a hash that differs
 * from build to build would make two builds of the same sources differ.
 */
function removeServerLeftovers(siteDir: string): void {
  for (const name of readdirSync(siteDir)) if (name.endsWith('.mjs')) rmSync(join(siteDir, name), { force: true });
}

/** Astro at work on a site: started before the render plan is known, it renders once that is released. */
export interface PagesProcess {
  /** The new site folder it renders for. */
  siteDir: string;
  /** Where Astro writes (`<siteDir>.astro`). */
  renderedDir: string;
  /** The code fingerprint its page cache is keyed by (ATLAS_CODE_FINGERPRINT). */
  code: string;
  /** The corpus JSON (MB) its old-generation limit was set for when it started (memory-plan.ts). */
  corpusMb: number;
  /** Lets it render: the insurers and documents of the plan (null: all pages). */
  release(plan: { insurers: string[] | null; documents: string[] | null }): void;
  /** Resolves when Astro is done, rejects when it failed (one line, BuildStepError). */
  done: Promise<void>;
  /** Stops it (when the build fails before or while it renders) and removes what it wrote. */
  stop(): Promise<void>;
}

export interface PagesOptions {
  corpusDir: string;
  /** The new site folder: Astro writes beside it, into `<siteDir>.astro`. */
  siteDir: string;
  /** Where Astro lists the files it wrote (src/build/pages-report.ts). */
  pagesReport: string;
  /** The corpus's JSON, MB, when the caller has stat'ed it already (its heap limit goes by it). */
  corpusMb?: number | undefined;
  quiet?: boolean | undefined;
  stepTimeoutMs?: number | undefined;
  /** Extra environment; its ATLAS_CODE_FINGERPRINT keys the page cache. */
  env?: Partial<Record<ConfigVariable, string>> | undefined;
  /**
   * Astro at a lower priority: started before the ingest, it competes with the ingest and then
   * with the search index, which a rebuild after a text change waits for, not for Astro.
   */
  yielding?: boolean | undefined;
}

/** The niceness of Astro when it yields (PagesOptions.yielding). */
const YIELDING_PRIORITY = 10;

function lowerPriority(child: ChildProcess, niceness: number): void {
  if (child.pid === undefined) return;
  try {
    setPriority(child.pid, niceness);
  } catch {
    // Where priorities cannot be set, the child runs at the build's own.
  }
}

/** Both halves read the corpus as they go: removed under them (rm -rf .cache), that is the cause. */
const corpusGoneFrom = (corpusDir: string) => () =>
  existsSync(corpusDir)
    ? null
    : `Could not read ${corpusDir}/: it was removed while the site was being built; ` +
      'run npm run build again (it ingests the sources anew).';

/**
 * Starts Astro on the corpus in `corpusDir`. It loads and makes its server bundle at once, then
 * waits for its render plan (render-plan-gate.ts): a build starts it before the ingest, so that
 * this overlaps with reading the sources. Its heap limit goes by the corpus as it is now.
 */
export function startPages(options: PagesOptions): PagesProcess {
  const renderedDir = `${options.siteDir}.astro`;
  const planFile = `${options.siteDir}.render-plan.json`;
  const removeOwn = () => {
    rmSync(renderedDir, { recursive: true, force: true });
    rmSync(planFile, { force: true });
  };
  removeOwn();
  const stopCleanup = onStop(removeOwn);
  // Astro's own command line (its package exports no path to it, but does export package.json).
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'astro.js');
  // A render list from the caller's own environment never leaks in: only the plan file decides.
  const env = childEnvironment({
    ...options.env,
    ATLAS_RENDER_INSURERS: null,
    ATLAS_RENDER_DOCUMENTS: null,
    ATLAS_RENDER_PLAN: planFile,
    ATLAS_OUT_DIR: renderedDir,
    ATLAS_PAGES_REPORT: options.pagesReport,
    CORPUS_DIR: resolve(options.corpusDir),
  });
  const corpusMb = options.corpusMb ?? corpusMegabytes(options.corpusDir);
  const child = startNode([...astroNodeOptions(corpusMb), astro, 'build', ...(options.quiet ? ['--silent'] : [])], {
    env,
  });
  if (options.yielding) lowerPriority(child, YIELDING_PRIORITY);
  const done = waitFor(
    'astro build',
    child,
    options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS,
    corpusGoneFrom(options.corpusDir),
  ).finally(() => {
    rmSync(planFile, { force: true });
    stopCleanup();
  });
  // Awaited by whoever renders with it; this only keeps a failure before that from going unhandled.
  done.catch(() => {});
  return {
    siteDir: options.siteDir,
    renderedDir,
    code: options.env?.ATLAS_CODE_FINGERPRINT ?? '',
    corpusMb,
    release: (plan) => releaseRenderPlan(planFile, plan),
    done,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await done.catch(() => {});
      removeOwn();
    },
  };
}

/**
 * Renders the pages and the search index into `searchDir` (a new folder that no site uses), then
 * makes the site in `siteDir` and moves the index into it. Astro renders into `<siteDir>.astro`
 * (`options.pages`, when the caller started it earlier; otherwise started here). A full build's
 * site is that folder, renamed; an incremental one is assembled in `siteDir` from what Astro
 * rendered and the pages of `previousSite` not rendered again (take-over.ts). On failure every
 * such folder is removed.
 */
export async function buildSiteAndSearch(
  options: SiteBuildOptions & { pages?: PagesProcess | null },
): Promise<SiteAndSearch> {
  const { siteDir, searchDir } = options;
  const previousSite = options.renderInsurers ? (options.previousSite ?? null) : null;
  const clear = () => {
    for (const dir of [siteDir, searchDir]) rmSync(dir, { recursive: true, force: true });
  };
  clear();
  const stopCleanup = onStop(clear);
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const timeout = options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const settings = config();
  // Every corpus file stat'ed once: the heap limit and the memory plan both go by the size.
  const corpusMb = options.corpusMb ?? corpusMegabytes(options.corpusDir);
  const memory = planMemory({
    corpusMb,
    shardSections: Number(options.env?.ATLAS_SEARCH_SHARD_SECTIONS ?? settings.searchShardSections),
    budgetMb: Number(options.env?.ATLAS_BUILD_MEMORY_MB ?? settings.buildMemoryMb),
    incremental: !!options.renderInsurers,
  });
  const times = { site: 0, search: 0, total: 0, memory };
  let searchIndex: SearchIndexFolderCheck | null = null;
  const pages =
    options.pages ??
    startPages({
      corpusDir: options.corpusDir,
      siteDir,
      pagesReport: options.pagesReport,
      corpusMb,
      quiet: options.quiet,
      stepTimeoutMs: timeout,
      env: options.env,
    });
  const { renderedDir } = pages;
  let search: ChildProcess | null = null;
  let ahead: ChildProcess | null = null;
  // Made before either half starts, so that the bundling does not hold up the search half.
  const searchScript = await nodeArgsFor(join(process.cwd(), 'scripts', 'build-search.ts'), 'build-search');
  const aheadScript = memory.madeAhead
    ? await nodeArgsFor(join(process.cwd(), 'scripts', 'make-ahead.ts'), 'make-ahead')
    : null;
  await stopBundling();
  /** Lets Astro render, and starts make-ahead beside it when the plan has it: resolves when that is done. */
  const releasePages = () => {
    pages.release({ insurers: options.renderInsurers ?? null, documents: options.renderDocuments ?? null });
    // Beside Astro, on the core it leaves idle: the events and comparisons its later pages read (made-ahead.ts).
    return aheadScript
      ? waitFor(
          'What the pages read, made ahead (scripts/make-ahead.ts)',
          (ahead = startNode(aheadScript, {
            env: childEnvironment({ ...options.env, CORPUS_DIR: resolve(options.corpusDir) }),
            stdio: ['ignore', 'ignore', 'pipe'],
          })),
          timeout,
          corpusGoneFrom(options.corpusDir),
        )
      : Promise.resolve();
  };
  const pagesHalf = (madeAhead: Promise<void>) => () =>
    Promise.all([pages.done, madeAhead]).then(() => {
      times.site = seconds();
    });
  /**
   * With `besidePages`, it starts with one indexer, at the pages' own priority (at the lowest it
   * took more CPU time, the pages' caches cold each time it ran), and the others join when the
   * pages are done.
   */
  const searchHalf = (besidePages = false) => {
    const now = besidePages ? 1 : memory.searchIndexers;
    search = startNode(
      [
        ...(besidePages ? [`--max-old-space-size=${searchHeapLimitFor(corpusMb)}`] : []),
        ...searchScript,
        searchDir,
        ...(options.searchCacheDir ? ['--cache', resolve(options.searchCacheDir)] : []),
        ...['--indexers', String(now)],
        ...(memory.searchIndexers > now ? ['--more-indexers', String(memory.searchIndexers - now)] : []),
      ],
      {
        env: childEnvironment({ ...options.env, CORPUS_DIR: resolve(options.corpusDir) }),
        stdio: [besidePages ? 'pipe' : 'inherit', 'inherit', 'pipe'],
      },
    );
    if (besidePages) {
      const input = search.stdin!;
      // Done first, the index has closed its end: nothing is left to tell it.
      input.on('error', () => {});
      pages.done.then(
        () => input.end(),
        () => {},
      );
    }
    return waitFor(
      'The search index (scripts/build-search.ts)',
      search,
      timeout,
      corpusGoneFrom(options.corpusDir),
    ).then(() => {
      times.search = seconds();
      // Checked where it was made, while the pages may still be rendering: it moves into the site whole.
      searchIndex = checkSearchIndexFolder(searchDir);
    });
  };
  const halves: Array<Promise<void>> = [];
  const run = (half: () => Promise<void>) => {
    const running = half();
    halves.push(running);
    return running;
  };
  const takeOverFailed = (error: unknown) =>
    new BuildStepError(
      `Taking over the pages not rendered again from ${previousSite} failed ` +
        `(${(error as Error).message}); run npm run build -- --full.`,
    );
  try {
    const madeAhead = releasePages();
    const pagesDone = run(pagesHalf(madeAhead));
    const working = memory.sideBySide
      ? Promise.all([pagesDone, run(searchHalf)])
      : memory.searchAfterAhead
        ? Promise.all([pagesDone, madeAhead.then(() => run(() => searchHalf(true)))])
        : pagesDone.then(() => run(searchHalf));
    // Awaited below; this only keeps a failure while the previous site is mirrored from going unhandled.
    working.catch(() => {});
    try {
      // While the halves work: the previous site is only read, and this process has nothing else to do.
      if (previousSite)
        prepareTakeOver(previousSite, siteDir, { skip: ['pagefind'], recycle: options.recycle ?? null });
    } catch (error) {
      throw takeOverFailed(error);
    }
    await working;
    removeServerLeftovers(renderedDir);
    if (previousSite) {
      try {
        assembleSite(renderedDir, siteDir);
      } catch (error) {
        throw takeOverFailed(error);
      }
      rmSync(renderedDir, { recursive: true, force: true });
    } else renameSync(renderedDir, siteDir);
    rmSync(join(siteDir, 'pagefind'), { recursive: true, force: true });
    renameSync(searchDir, join(siteDir, 'pagefind'));
  } catch (error) {
    // The other half is stopped, and waited for, so that nothing writes into what is cleared up.
    for (const child of [search, ahead] as Array<ChildProcess | null>)
      if (child && child.exitCode === null && child.signalCode === null) child.kill();
    await Promise.allSettled([...halves, pages.stop()]);
    clear();
    throw error;
  } finally {
    stopCleanup();
  }
  times.total = seconds();
  return { ...times, searchIndex: searchIndex! };
}
