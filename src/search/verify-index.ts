/**
 * Does a Pagefind index folder hold what the search page will ask for? A search loads
 * pagefind-entry.json, then the language's meta file, which names every index chunk, filter and
 * fragment by its hash; a name without its file is a 404 on the search page ("3694 secties
 * gevonden" and nothing shown). Every file is gzip (a truncated one does not decompress), and the
 * fragments, one per record, carry the record's URL.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { paths } from '../core/routes.ts';
import { decodePlaces } from '../core/search-contract.ts';

const CHUNK_FOLDERS = { pf_fragment: 'fragment', pf_index: 'index', pf_filter: 'filter' } as const;

export interface IndexCheck {
  problems: string[];
  /** The sections the index's records are in: every place of every fragment. */
  urls: string[];
}

/** Checks the index in `dir` (one shard). `expectedUrls`: the sections its records were given, when known. */
export function verifySearchIndex(dir: string, expectedUrls?: readonly string[]): IndexCheck {
  const problems: string[] = [];
  const urls: string[] = [];
  const entryPath = join(dir, 'pagefind-entry.json');
  let entry: { languages?: Record<string, { hash: string; page_count: number }> };
  try {
    entry = JSON.parse(readFileSync(entryPath, 'utf8'));
  } catch (error) {
    return { problems: [`${entryPath} cannot be read as JSON (${(error as Error).message})`], urls };
  }
  const languages = Object.entries(entry.languages ?? {});
  if (languages.length === 0) problems.push(`${entryPath} names no language`);
  for (const [language, { hash, page_count: pageCount }] of languages) {
    const metaPath = join(dir, `pagefind.${hash}.pf_meta`);
    const meta = gunzipped(metaPath, problems);
    if (!meta) continue;
    // The meta file names each chunk by "<language>_<hex>"; its own hash is among them.
    const named = new Set(meta.toString('latin1').match(new RegExp(`${language}_[0-9a-f]{6,}`, 'gu')) ?? []);
    named.delete(hash);
    const present = new Map<string, string>();
    for (const [extension, folder] of Object.entries(CHUNK_FOLDERS)) {
      const path = join(dir, folder);
      if (!existsSync(path)) continue;
      for (const name of readdirSync(path))
        if (name.endsWith(`.${extension}`)) present.set(name.slice(0, -extension.length - 1), join(path, name));
    }
    const missing = [...named].filter((name) => !present.has(name));
    if (missing.length)
      problems.push(
        `${metaPath} names ${missing.length} files that are not there ` +
          `(${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`,
      );
    let fragments = 0;
    for (const [name, path] of present) {
      const bytes = gunzipped(path, problems);
      if (!bytes || !path.endsWith('.pf_fragment')) continue;
      fragments++;
      try {
        // After Pagefind's 12-byte signature, a fragment is JSON.
        const fragment = JSON.parse(bytes.subarray(bytes.indexOf(0x7b)).toString('utf8'));
        const places = decodePlaces(fragment.meta?.plaatsen).map((place) => paths.section(place.policy, place.section));
        if (!places.includes(String(fragment.url))) problems.push(`${path} is not among the places its meta lists`);
        urls.push(...places);
      } catch {
        problems.push(`${path} is not a readable fragment`);
      }
      if (!named.has(name)) problems.push(`${path} is not named by the index (left from another build?)`);
    }
    if (fragments !== pageCount)
      problems.push(`${entryPath} counts ${pageCount} records, but ${fragments} fragments are there`);
  }
  if (!existsSync(join(dir, 'pagefind.js'))) problems.push(`${join(dir, 'pagefind.js')} is missing`);
  if (expectedUrls) {
    const have = new Set(urls);
    const lost = expectedUrls.filter((url) => !have.has(url));
    if (lost.length)
      problems.push(
        `${dir}: ${lost.length} of ${expectedUrls.length} sections are in no fragment ` +
          `(${lost.slice(0, 2).join(', ')}${lost.length > 2 ? ', …' : ''})`,
      );
    if (urls.length !== expectedUrls.length)
      problems.push(`${dir}: ${urls.length} sections in the fragments for ${expectedUrls.length} given`);
  }
  return { problems, urls };
}

function gunzipped(path: string, problems: string[]): Buffer | null {
  try {
    return gunzipSync(readFileSync(path));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    problems.push(`${path} is ${missing ? 'missing' : 'damaged (it does not decompress)'}`);
    return null;
  }
}
