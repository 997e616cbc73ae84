/**
 * Results kept from one build to the next, for work whose inputs rarely change between builds:
 * after one policy's text changed, the change log across all insurers still needs every pair of
 * consecutive versions compared (seconds at a thousand policies), though only the changed policy's pairs
 * compare differently.
 *
 * src/build/build-site.ts names the folder (ATLAS_BUILD_CACHE, beside the corpus) and the
 * fingerprint of the code (ATLAS_CODE_FINGERPRINT); a key is a SHA-256 over that fingerprint and
 * what the caller says the result is made from. Without them (a bare `astro build`) nothing is
 * kept. Each value is written to a temporary file and renamed, so none is ever half a value, and
 * kept with the SHA-256 of its JSON: a value that does not match it (a damaged disk, a hand edit)
 * is made again, never used.
 */
import { sha256 } from '../core/hash.ts';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { config } from './config.ts';
import { writeFileAtomic } from './atomic-write.ts';

/** `compute()`, or what it returned in an earlier build for the same `inputs`; it must return plain JSON data. */
export function keptBetweenBuilds<T>(kind: string, inputs: Array<string | undefined>, compute: () => T): T {
  const { buildCacheDir: DIR, codeFingerprint: CODE } = config();
  if (!DIR || !CODE || inputs.some((input) => input === undefined)) return compute();
  const key = sha256([CODE, kind, ...inputs].join('\0'));
  const file = join(DIR, kind, `${key}.json`);
  try {
    const [hash, json] = splitOnce(readFileSync(file, 'utf8'));
    if (hash === sha256(json)) return JSON.parse(json) as T;
  } catch {
    // Not there yet (or unreadable): made now, and kept.
  }
  const value = compute();
  mkdirSync(join(DIR, kind), { recursive: true });
  const json = JSON.stringify(value);
  writeFileAtomic(file, `${sha256(json)}\n${json}`);
  return value;
}

/** "<hash>\n<json>" → [hash, json]. */
function splitOnce(text: string): [string, string] {
  const at = text.indexOf('\n');
  return at < 0 ? ['', text] : [text.slice(0, at), text.slice(at + 1)];
}
