/**
 * The site from a structured corpus, made again only where it changed, checked, and published
 * whole. One build at a time per output (src/io/lock.ts); an interrupted earlier build is
 * cleaned up first (src/build/publish.ts). The plan (src/build/site-plan.ts) says which
 * pages to render; both halves write into a new version folder (src/build/site-and-search.ts);
 * the result is checked against the plan (src/build/verify-site.ts) and only then published,
 * in one rename; the manifest records what the new site was made from, for the next build.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { BuildStepError, onStop } from '../io/children.ts';
import { listFiles, isSearchChunkFolder } from '../io/file-tree.ts';
import { writeHeadersFile } from './headers-file.ts';
import { acquireLock } from '../io/lock.ts';
import {
  newestSiteFolder,
  newVersionFolder,
  publish,
  publishedFolder,
  recoverInterrupted,
  removeSuperseded,
  siteLayout,
  supersededVersions,
} from './publish.ts';
import {
  buildSiteAndSearch,
  corpusMegabytes,
  type PagesProcess,
  type SiteBuildTimes,
  startPages,
} from './site-and-search.ts';
import { codeFingerprint, planSiteBuild, writeBuildRecord, type SitePlan } from './site-plan.ts';
import { corpusFiles } from '../io/corpus.ts';
import { listSources } from '../io/source-files.ts';
import { estimatedCorpusMb, heapLimitMisfits } from './memory-plan.ts';
import { requiredPages, verifySite } from './verify-site.ts';

export interface BuildSiteOptions {
  corpusDir: string;
  outDir: string;
  /** Nothing from an earlier build is used. */
  full?: boolean;
  quiet?: boolean;
  env?: Record<string, string>;
  stepTimeoutMs?: number;
}

/** The lock of a build into `outDir`, beside it. */
export const outputLockPath = (outDir: string) => join(dirname(resolve(outDir)), `.${basename(resolve(outDir))}.lock`);

/**
 * The output claimed for one build: its lock held, an interrupted build cleaned up, and the sites
 * of earlier builds being removed, but for the newest, which an incremental build makes its new
 * site from (take-over.ts). Claimed before the ingest (scripts/build.ts), so that the removal
 * starts while the sources are read.
 */
export interface ClaimedOutput {
  outDir: string;
  recovered: string[];
  /** The newest earlier site, kept for an incremental build to make its new site from (take-over.ts). */
  recyclable: string | null;
  /** Removes `path` too (the recyclable site when the build does not use it). */
  discard(path: string): void;
  /** Waits for the removal (a folder that could not be removed is said, not fatal), then lets go of the lock. */
  release(): Promise<void>;
}

export function claimOutput(outDir: string): ClaimedOutput {
  const layout = siteLayout(outDir);
  const lock = acquireLock(outputLockPath(outDir), `A build into ${outDir}/`);
  const stopUnlock = onStop(() => lock.release());
  const remove = (paths: string[]) =>
    removeSuperseded(paths).then((left) => {
      if (left.length)
        console.warn(`Could not remove what earlier builds left (the next build tries again): ${left.join(', ')}`);
    });
  let removed: Promise<void> = Promise.resolve();
  let recovered: string[] = [];
  let recyclable: string | null = null;
  try {
    recovered = recoverInterrupted(layout);
    if (recovered.length) console.log(`An earlier build was interrupted; cleaned up: ${recovered.join('; ')}.`);
    // The published site stays until this build's replaces it.
    const superseded = supersededVersions(layout);
    recyclable = newestSiteFolder(superseded);
    removed = remove(superseded.filter((path) => path !== recyclable));
  } catch (error) {
    stopUnlock();
    lock.release();
    throw error;
  }
  return {
    outDir,
    recovered,
    recyclable,
    discard(path) {
      const before = removed;
      removed = Promise.all([before, remove([path])]).then(() => {});
    },
    async release() {
      await removed;
      stopUnlock();
      lock.release();
    },
  };
}

/**
 * Builds into `options.outDir`, claimed here unless the caller claimed it already (`claimed`,
 * which this build then releases).
 */
export async function buildSite(
  options: BuildSiteOptions,
  claimed: ClaimedOutput = claimOutput(options.outDir),
  startedPages: PagesProcess | null = null,
): Promise<{ plan: SitePlan; times: SiteBuildTimes; recovered: string[] }> {
  const layout = siteLayout(options.outDir);
  const { recovered } = claimed;
  let early = startedPages;
  try {
    if (resolve(claimed.outDir) !== resolve(options.outDir))
      throw new Error(`buildSite: the output claimed is ${claimed.outDir}/, not ${options.outDir}/`);
    const searchCacheDir = join(options.corpusDir, '.search-index');
    const pageCacheDir = pageCacheDirOf(options.corpusDir);
    const plan = planSiteBuild({ corpusDir: options.corpusDir, outDir: options.outDir, full: options.full ?? false });
    // Astro started before the ingest keys its page cache by the code as it was then (the same,
    // unless it was edited since), and its heap limit by the corpus then (or the one estimated from
    // the sources): started again when the corpus the ingest made does not fit that limit.
    // Stat'ed once, for the restart and the memory plan.
    const corpusMb = corpusMegabytes(options.corpusDir);
    const restart = !early
      ? null
      : early.code !== plan.code
        ? 'the code changed while the sources were read'
        : heapLimitMisfits(early.corpusMb, corpusMb)
          ? `its heap limit was set for ${early.corpusMb.toFixed(0)} MB of corpus, ` +
            `and the ingest made ${corpusMb.toFixed(0)} MB`
          : null;
    if (early && restart) {
      if (!options.quiet) console.log(`Pages: Astro is started again (${restart}).`);
      await early.stop();
      early = null;
    }
    if (options.full) rmSync(searchCacheDir, { recursive: true, force: true });
    keepOnlyFor(pageCacheDir, plan.code, options.full ?? false);
    const insurers = plan.renderInsurers?.length ? ` and those of ${plan.renderInsurers.join(', ')}` : '';
    console.log(
      plan.renderInsurers
        ? `Pages: ${plan.reason}; rendering again only the pages about all insurers${insurers}, ` +
            `the rest kept from ${options.outDir}/.`
        : `Pages: rendering all (${plan.reason}).`,
    );
    // An incremental build makes its new site from the newest earlier one; otherwise that goes too.
    const recycle = plan.renderInsurers ? claimed.recyclable : null;
    if (claimed.recyclable && !recycle) claimed.discard(claimed.recyclable);
    const siteDir = early?.siteDir ?? newVersionFolder(layout);
    const pagesReport = pagesReportOf(siteDir);
    const env = pagesEnvironment(options, plan.code);
    const { searchIndex, ...times } = await buildSiteAndSearch({
      ...options,
      pages: early,
      env,
      siteDir,
      searchDir: `${siteDir}.search-index`,
      pagesReport,
      previousSite: plan.renderInsurers ? publishedFolder(layout) : null,
      searchCacheDir,
      renderInsurers: plan.renderInsurers,
      renderDocuments: plan.renderDocuments,
      recycle,
      corpusMb,
    });
    try {
      const rendered = JSON.parse(readFileSync(pagesReport, 'utf8')) as string[];
      const documents = Object.values(plan.documents);
      const expected = [...new Set([...rendered, ...plan.previousPages, ...requiredPages(documents)])];
      // One listing of the new site for both: the search index's chunk folders are checked by the index.
      const files = listFiles(siteDir, isSearchChunkFolder);
      writeHeadersFile(siteDir, files);
      // The pages taken over from the published site were checked when it was; this build's own are read.
      const writtenNow = new Set(rendered);
      const carriedOver = new Set(plan.previousPages.filter((page) => !writtenNow.has(page)));
      const check = verifySite(
        siteDir,
        files,
        expected,
        documents.reduce((sum, document) => sum + document.searchRecords, 0),
        carriedOver,
        searchIndex,
      );
      if (check.problems.length) {
        throw new BuildStepError(
          `The new site failed its check, so it was not published:\n  ${check.problems.join('\n  ')}\nRun npm run ` +
            `build again; if it fails the same way, run it with --full.`,
        );
      }
      publish(layout, siteDir);
      writeBuildRecord(options.outDir, options.corpusDir, plan, check.pages);
    } catch (error) {
      if (publishedFolder(layout) !== siteDir) rmSync(siteDir, { recursive: true, force: true });
      throw error;
    } finally {
      rmSync(pagesReport, { force: true });
    }
    return { plan, times, recovered };
  } finally {
    // Stopped unless it rendered: the build failed before it could.
    await early?.stop();
    await claimed.release();
  }
}

/** Beside the documents they are made from, so that a corpus and what is kept of it go together. */
const pageCacheDirOf = (corpusDir: string) => join(corpusDir, '.build-cache');
/** Where Astro lists the files it wrote, beside the site folder. */
const pagesReportOf = (siteDir: string) => `${siteDir}.pages.json`;
/** What Astro is given: the caller's environment, and the page cache keyed by the code. */
const pagesEnvironment = (options: BuildSiteOptions, code: string) => ({
  ...options.env,
  ATLAS_BUILD_CACHE: resolve(pageCacheDirOf(options.corpusDir)),
  ATLAS_CODE_FINGERPRINT: code,
});

/**
 * Astro started for a build into `options.outDir` before its ingest of `sourcesDir`
 * (scripts/build.ts): its own start and its server bundle need no corpus, and take seconds of
 * every build. Its heap limit goes by the corpus's size: the one there is, or, before the first
 * ingest or for --full, the one estimated from the sources (buildSite starts it again when the
 * corpus made does not fit). Waiting at its gate it holds little beside the ingest. It runs at a
 * lower priority (PagesOptions.yielding): what a rebuild after a text change waits for is the
 * ingest, then the search index; alone, as when it renders every page, it loses nothing.
 */
export function startPagesEarly(options: BuildSiteOptions, sourcesDir: string): PagesProcess | null {
  const hasCorpus = existsSync(options.corpusDir) && corpusFiles(options.corpusDir).length > 0;
  const corpusMb = hasCorpus && !options.full ? undefined : estimatedCorpusMb(sourceMegabytes(sourcesDir));
  // The folder is the ingest's to fill; Astro, waiting, stops when it is not there.
  mkdirSync(options.corpusDir, { recursive: true });
  const siteDir = newVersionFolder(siteLayout(options.outDir));
  return startPages({
    corpusDir: options.corpusDir,
    corpusMb,
    siteDir,
    pagesReport: pagesReportOf(siteDir),
    quiet: options.quiet,
    stepTimeoutMs: options.stepTimeoutMs,
    env: pagesEnvironment(options, codeFingerprint()),
    yielding: true,
  });
}

/** The sources' sizes, MB: text and PDF apart (none when the folder is not there: the ingest says so). */
function sourceMegabytes(sourcesDir: string): { textMb: number; pdfMb: number } {
  const sizes = { textMb: 0, pdfMb: 0 };
  if (!existsSync(sourcesDir)) return sizes;
  for (const file of listSources(sourcesDir)) {
    const mb = (statSync(file, { throwIfNoEntry: false })?.size ?? 0) / 2 ** 20;
    if (/\.pdf$/iu.test(file)) sizes.pdfMb += mb;
    else sizes.textMb += mb;
  }
  return sizes;
}

/**
 * What the pages keep between builds (src/io/build-cache.ts) is keyed by the code that made it,
 * so after a code change none of it is used again: it is emptied then (and by --full), and
 * filled anew by this build.
 */
function keepOnlyFor(dir: string, code: string, empty: boolean): void {
  const stamp = join(dir, 'code');
  if (!empty && existsSync(stamp) && readFileSync(stamp, 'utf8') === code) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(stamp, code);
}
