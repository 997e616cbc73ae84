/** Writes `_headers` (src/render/http-headers.ts) into a finished site, for the files it holds. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatHeadersFile, headerRules } from '../render/http-headers.ts';

export const HEADERS_FILE = '_headers';

/** `files`: the site's files (src/io/file-tree.ts), Pagefind's chunk folders may be left out. */
export function writeHeadersFile(siteDir: string, files: readonly string[]): void {
  writeFileSync(join(siteDir, HEADERS_FILE), formatHeadersFile(headerRules(files)));
}
