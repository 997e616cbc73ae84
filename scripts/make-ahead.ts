/**
 * tsx scripts/make-ahead.ts
 *
 * Started by npm run build beside Astro when it renders every page alone: makes the calendar's
 * events and the comparisons the pages show and keeps them in the build cache
 * (ATLAS_BUILD_CACHE, by ATLAS_CODE_FINGERPRINT) for the pages to read (src/site/made-ahead.ts).
 * Without a build cache it has nowhere to keep them.
 */
import { config } from '../src/io/config.ts';
import { makeAhead } from '../src/site/made-ahead.ts';

const settings = config();
if (!settings.buildCacheDir || !settings.codeFingerprint) {
  console.error('make-ahead: ATLAS_BUILD_CACHE and ATLAS_CODE_FINGERPRINT are needed: there is nowhere to keep them');
  process.exit(2);
}
const started = performance.now();
const made = await makeAhead();
console.log(
  `Made ahead: ${made.events} calendar events and ${made.comparisons} comparisons ` +
    `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
