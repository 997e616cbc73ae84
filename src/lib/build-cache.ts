/**
 * Results kept from one build to the next, for work whose inputs rarely change between builds:
 * after one policy's text changed, the change log across all insurers still needs every pair of
 * consecutive versions compared (~7 s at 1,000 policies), though only the changed policy's pairs
 * compare differently.
 *
 * scripts/build/build-site.ts names the folder (ATLAS_BUILD_CACHE, beside the corpus) and the
 * fingerprint of the code (ATLAS_CODE_FINGERPRINT); a key is a SHA-256 over that fingerprint and
 * what the caller says the result is made from. Without them (a bare `astro build`) nothing is
 * kept. Each value is written to a temporary file and renamed, so none is ever half a value.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = process.env.ATLAS_BUILD_CACHE;
const CODE = process.env.ATLAS_CODE_FINGERPRINT;

/** `compute()`, or what it returned in an earlier build for the same `inputs`; it must return plain JSON data. */
export function keptBetweenBuilds<T>(kind: string, inputs: Array<string | undefined>, compute: () => T): T {
  if (!DIR || !CODE || inputs.some((input) => input === undefined)) return compute();
  const key = createHash('sha256').update([CODE, kind, ...inputs].join('\0')).digest('hex');
  const file = join(DIR, kind, `${key}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    // Not there yet (or unreadable): made now, and kept.
  }
  const value = compute();
  mkdirSync(join(DIR, kind), { recursive: true });
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(value));
  renameSync(`${file}.${process.pid}.tmp`, file);
  return value;
}
