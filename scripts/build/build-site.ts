/**
 * The site from a structured corpus, made again only where it changed: the plan
 * (scripts/build/site-plan.ts) says which pages to render, the search shards are reused where
 * their records are the same, the pages reuse what they kept (src/lib/build-cache.ts; both kept
 * beside the corpus), and the manifest records what the new site was made from, for the next
 * build.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSiteAndSearch, type SiteBuildTimes } from './site-and-search.ts';
import { planSiteBuild, writeManifest, type SitePlan } from './site-plan.ts';

export interface BuildSiteOptions {
  corpusDir: string;
  outDir: string;
  /** Nothing from an earlier build is used. */
  full?: boolean;
  quiet?: boolean;
  env?: Record<string, string>;
}

export async function buildSite(options: BuildSiteOptions): Promise<{ plan: SitePlan; times: SiteBuildTimes }> {
  // Beside the documents they are made from, so that a corpus and what is kept of it go together.
  const searchCacheDir = join(options.corpusDir, '.zoekindex');
  const pageCacheDir = join(options.corpusDir, '.bouwcache');
  const plan = planSiteBuild({ corpusDir: options.corpusDir, outDir: options.outDir, full: options.full ?? false });
  if (options.full) rmSync(searchCacheDir, { recursive: true, force: true });
  keepOnlyFor(pageCacheDir, plan.code, options.full ?? false);
  console.log(
    plan.renderInsurers
      ? `Pages: ${plan.reason}; rendering again only the pages about all insurers${plan.renderInsurers.length ? ` and those of ${plan.renderInsurers.join(', ')}` : ''}, the rest kept from ${options.outDir}/.`
      : `Pages: rendering all (${plan.reason}).`,
  );
  const env = { ...options.env, ATLAS_BUILD_CACHE: resolve(pageCacheDir), ATLAS_CODE_FINGERPRINT: plan.code };
  const times = await buildSiteAndSearch({ ...options, env, searchCacheDir, renderInsurers: plan.renderInsurers });
  writeManifest(options.outDir, options.corpusDir, plan);
  return { plan, times };
}

/**
 * What the pages keep between builds (src/lib/build-cache.ts) is keyed by the code that made it,
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
