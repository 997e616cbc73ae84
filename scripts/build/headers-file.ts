/** Writes `_headers` (src/lib/http-headers.ts) into a finished site, for the files it holds. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatHeadersFile, headerRules } from '../../src/lib/http-headers.ts';

export const HEADERS_FILE = '_headers';

export function writeHeadersFile(siteDir: string): void {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        // Pagefind's chunk folders hold thousands of files and no rule names one of them.
        if (!['fragment', 'index', 'filter'].includes(entry.name)) walk(path);
      } else files.push(relative(siteDir, path).split('\\').join('/'));
    }
  };
  walk(siteDir);
  writeFileSync(join(siteDir, HEADERS_FILE), formatHeadersFile(headerRules(files)));
}
