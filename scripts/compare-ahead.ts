/**
 * tsx scripts/compare-ahead.ts
 *
 * Started by npm run build beside Astro when it renders every page alone: makes the comparisons
 * the pages show and keeps them in the build cache (ATLAS_BUILD_CACHE, by ATLAS_CODE_FINGERPRINT)
 * for the pages to read (src/site/comparisons-ahead.ts). Without a build cache it has nothing to do.
 */
import { config } from '../src/io/config.ts';
import { makeComparisonsAhead } from '../src/site/comparisons-ahead.ts';

const settings = config();
if (!settings.buildCacheDir || !settings.codeFingerprint) {
  console.error(
    'compare-ahead: ATLAS_BUILD_CACHE and ATLAS_CODE_FINGERPRINT are needed: there is nowhere to keep them',
  );
  process.exit(2);
}
const started = performance.now();
const made = await makeComparisonsAhead();
console.log(`Comparisons made ahead: ${made} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
