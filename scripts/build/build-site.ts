/**
 * The site from a structured corpus, made again only where it changed: the plan
 * (scripts/build/site-plan.ts) says which pages to render, the search shards are reused where
 * their records are the same (kept beside the corpus), and the manifest records what the new
 * site was made from, for the next build.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
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
  // Beside the documents it is made from, so that a corpus and its search shards go together.
  const searchCacheDir = join(options.corpusDir, '.zoekindex');
  if (options.full) rmSync(searchCacheDir, { recursive: true, force: true });
  const plan = planSiteBuild({ corpusDir: options.corpusDir, outDir: options.outDir, full: options.full ?? false });
  console.log(
    plan.renderInsurers
      ? `Pages: ${plan.reason}; rendering again only the pages about all insurers${plan.renderInsurers.length ? ` and those of ${plan.renderInsurers.join(', ')}` : ''}, the rest kept from ${options.outDir}/.`
      : `Pages: rendering all (${plan.reason}).`,
  );
  const times = await buildSiteAndSearch({ ...options, searchCacheDir, renderInsurers: plan.renderInsurers });
  writeManifest(options.outDir, options.corpusDir, plan);
  return { plan, times };
}
