/**
 * The check a new site must pass before it is published. A build that exits 0 must leave a whole
 * site: every page the plan names (the ones the corpus requires, the ones Astro says it wrote,
 * and for an incremental build those of the site it carries over), each complete (an HTML page
 * ends with </html>, JSON parses, a feed or calendar is closed), no page beyond those, and a
 * search index whose every shard loads and whose every hit opens a page of this site.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../core/routes.ts';
import { CONTRACT } from '../core/schemas/contract.ts';
import { SHARDS_FILE, shardsListUrl } from '../core/search-contract.ts';
import { verifySearchIndex } from '../search/verify-index.ts';

/** The file a route's URL is served from: `/beleid/x/` → `beleid/x/index.html`. */
export function fileOfUrl(url: string): string {
  const path = decodeURI(url.replace(/[#?].*$/u, '')).replace(/^\//u, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** The site's folder of the search index: `/pagefind/` → `pagefind`. */
const SEARCH_INDEX_FOLDER = fileOfUrl(paths.searchIndex).replace(/\/index\.html$/u, '');

/** What a search index folder holds: what is wrong with it, and the sections its records are in. */
export interface SearchIndexFolderCheck {
  problems: string[];
  urls: string[];
  /** Whether its list of shards was there (without it, there is no count of records to compare). */
  found: boolean;
}

/**
 * Checks every shard of the search index in `indexDir`: the site's pagefind/ folder, or the
 * folder it is made in, before it is moved into the site whole (src/build/site-and-search.ts
 * checks it there while Astro is still at work).
 */
export function checkSearchIndexFolder(indexDir: string): SearchIndexFolderCheck {
  const problems: string[] = [];
  const urls: string[] = [];
  const shardsFile = join(indexDir, SHARDS_FILE);
  if (!existsSync(shardsFile)) {
    problems.push(`the search index (${fileOfUrl(shardsListUrl)}) is missing`);
    return { problems, urls, found: false };
  }
  let shards: string[] = [];
  try {
    shards = [paths.searchIndex, ...(JSON.parse(readFileSync(shardsFile, 'utf8')) as string[])];
  } catch {
    problems.push(`${fileOfUrl(shardsListUrl)} is not valid JSON`);
  }
  for (const shard of shards) {
    const check = verifySearchIndex(join(indexDir, shard.slice(paths.searchIndex.length)));
    problems.push(...check.problems);
    for (const url of check.urls) urls.push(url);
  }
  return { problems, urls, found: true };
}

/** The pages every corpus requires: those of each policy and insurer, and the site's own. */
export function requiredPages(documents: ReadonlyArray<{ id: string; insurer: string }>): string[] {
  const urls: string[] = [
    paths.home,
    paths.notFound,
    paths.careTypes,
    paths.years,
    paths.insurers,
    paths.search,
    paths.themes,
    paths.compare,
    paths.requirements,
    paths.requirementsCsv,
    paths.calendar,
    paths.documentsJson,
    paths.api,
    ...Object.keys(CONTRACT).map(paths.schema),
  ];
  for (const document of documents)
    urls.push(
      paths.policy(document.id),
      paths.source(document.id),
      paths.json(document.id),
      paths.insurer(document.insurer),
    );
  return [...new Set(urls.map(fileOfUrl))].sort();
}

/** How each kind of file must end (or parse) to be whole; `whole`: read it all, else only its end. */
const COMPLETE: Array<{ pattern: RegExp; whole: boolean; ok: (text: string) => boolean; says: string }> = [
  { pattern: /\.html$/u, whole: false, ok: (text) => /<\/html>\s*$/u.test(text), says: 'does not end with </html>' },
  { pattern: /\.xml$/u, whole: false, ok: (text) => /<\/feed>\s*$/u.test(text), says: 'does not end with </feed>' },
  {
    pattern: /\.ics$/u,
    whole: false,
    ok: (text) => /END:VCALENDAR\s*$/u.test(text),
    says: 'does not end with END:VCALENDAR',
  },
  { pattern: /\.json$/u, whole: true, ok: parses, says: 'is not valid JSON' },
];

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The last bytes of a file: enough to see how it ends, without reading a gigabyte of pages. */
function tailOf(path: string, size: number): string {
  const length = Math.min(size, 256);
  const buffer = Buffer.alloc(length);
  const handle = openSync(path, 'r');
  try {
    readSync(handle, buffer, 0, length, size - length);
  } finally {
    closeSync(handle);
  }
  return buffer.toString('utf8');
}

export interface SiteCheck {
  problems: string[];
  /** Pages (HTML, feeds, data) of the checked site, for the manifest. */
  pages: string[];
  searchRecords: number;
}

/**
 * Checks the site in `dir`, whose files are `files` (src/io/file-tree.ts), against
 * `expected` (the route files it must have, and no other HTML pages) and `searchRecords` (how
 * many records the search index was given). `carriedOver`: files taken unchanged (hard linked)
 * from a site that passed this check when it was published; they must be there, and are not
 * read again. `searchIndex`: the check of its search index, when that was made before the index
 * was moved into the site (checkSearchIndexFolder).
 */
export function verifySite(
  dir: string,
  files: readonly string[],
  expected: readonly string[],
  searchRecords: number,
  carriedOver: ReadonlySet<string> = new Set(),
  searchIndex: SearchIndexFolderCheck = checkSearchIndexFolder(join(dir, SEARCH_INDEX_FOLDER)),
): SiteCheck {
  const problems: string[] = [];
  const present = new Set(files.filter((file) => !file.startsWith('pagefind/')));
  const want = new Set(expected);
  const missing = [...want].filter((file) => !present.has(file));
  if (missing.length)
    problems.push(
      `${missing.length} of ${want.size} pages are missing ` +
        `(${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`,
    );
  const strays = [...present].filter((file) => file.endsWith('.html') && !want.has(file));
  if (strays.length)
    problems.push(
      `${strays.length} pages are there that the plan does not name ` +
        `(${strays.slice(0, 3).join(', ')}${strays.length > 3 ? ', …' : ''})`,
    );
  for (const file of want) {
    if (!present.has(file) || carriedOver.has(file)) continue;
    const rule = COMPLETE.find(({ pattern }) => pattern.test(file));
    const path = join(dir, file);
    const size = statSync(path).size;
    if (size === 0) problems.push(`${file} is empty`);
    else if (rule && !rule.ok(rule.whole ? readFileSync(path, 'utf8') : tailOf(path, size)))
      problems.push(`${file} ${rule.says}`);
  }

  // The sections the index's records are in, to be every section of the corpus.
  problems.push(...searchIndex.problems);
  const lost = searchIndex.urls.filter((url) => !present.has(fileOfUrl(url)));
  if (lost.length)
    problems.push(
      `the search index points at ${lost.length} pages that are not there (${lost.slice(0, 2).join(', ')})`,
    );
  const records = searchIndex.urls.length;
  if (searchIndex.found && records !== searchRecords)
    problems.push(`the search index's records are in ${records} sections, the corpus has ${searchRecords}`);
  return { problems, pages: [...want].sort(), searchRecords: records };
}
