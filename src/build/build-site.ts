/**
 * The site from a structured corpus, made again only where it changed, checked, and published
 * whole. One build at a time per output (src/io/lock.ts); an interrupted earlier build is
 * cleaned up first (src/build/publish.ts). The plan (src/build/site-plan.ts) says which
 * pages to render; both halves write into a new version folder (src/build/site-and-search.ts);
 * the result is checked against the plan (src/build/verify-site.ts) and only then published,
 * in one rename; the manifest records what the new site was made from, for the next build.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { BuildStepError, onStop } from '../io/children.ts';
import { listFiles, isSearchChunkFolder } from '../io/file-tree.ts';
import { writeHeadersFile } from './headers-file.ts';
import { acquireLock } from '../io/lock.ts';
import {
  newVersionFolder,
  publish,
  publishedFolder,
  recoverInterrupted,
  removeSuperseded,
  siteLayout,
  supersededVersions,
} from './publish.ts';
import { buildSiteAndSearch, type SiteBuildTimes } from './site-and-search.ts';
import { planSiteBuild, writeBuildRecord, type SitePlan } from './site-plan.ts';
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

export async function buildSite(
  options: BuildSiteOptions,
): Promise<{ plan: SitePlan; times: SiteBuildTimes; recovered: string[] }> {
  const layout = siteLayout(options.outDir);
  const lock = acquireLock(outputLockPath(options.outDir), `A build into ${options.outDir}/`);
  const stopUnlock = onStop(() => lock.release());
  let removing: Promise<string[]> = Promise.resolve([]);
  try {
    const recovered = recoverInterrupted(layout);
    if (recovered.length) console.log(`An earlier build was interrupted; cleaned up: ${recovered.join('; ')}.`);
    // The sites of earlier builds go while this one works; the published one stays until this one is.
    removing = removeSuperseded(supersededVersions(layout));
    // Beside the documents they are made from, so that a corpus and what is kept of it go together.
    const searchCacheDir = join(options.corpusDir, '.search-index');
    const pageCacheDir = join(options.corpusDir, '.build-cache');
    const plan = planSiteBuild({ corpusDir: options.corpusDir, outDir: options.outDir, full: options.full ?? false });
    if (options.full) rmSync(searchCacheDir, { recursive: true, force: true });
    keepOnlyFor(pageCacheDir, plan.code, options.full ?? false);
    const insurers = plan.renderInsurers?.length ? ` and those of ${plan.renderInsurers.join(', ')}` : '';
    console.log(
      plan.renderInsurers
        ? `Pages: ${plan.reason}; rendering again only the pages about all insurers${insurers}, ` +
            `the rest kept from ${options.outDir}/.`
        : `Pages: rendering all (${plan.reason}).`,
    );
    const siteDir = newVersionFolder(layout);
    const pagesReport = `${siteDir}.pages.json`;
    const env = { ...options.env, ATLAS_BUILD_CACHE: resolve(pageCacheDir), ATLAS_CODE_FINGERPRINT: plan.code };
    const times = await buildSiteAndSearch({
      ...options,
      env,
      siteDir,
      searchDir: `${siteDir}.search-index`,
      pagesReport,
      previousSite: plan.renderInsurers ? publishedFolder(layout) : null,
      searchCacheDir,
      renderInsurers: plan.renderInsurers,
      renderDocuments: plan.renderDocuments,
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
    const left = await removing;
    if (left.length)
      console.warn(`Could not remove what earlier builds left (the next build tries again): ${left.join(', ')}`);
    stopUnlock();
    lock.release();
  }
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
