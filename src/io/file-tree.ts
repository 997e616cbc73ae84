import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under `root`, as paths relative to it with forward slashes (what URLs and the
 * `_headers` rules use). `skipFolder` is given each folder's relative path; a folder it is true
 * for is not entered (Pagefind's chunk folders hold tens of thousands of files).
 */
export function listFiles(root: string, skipFolder: (relativePath: string) => boolean = () => false): string[] {
  const files: string[] = [];
  const walk = (relativeDir: string) => {
    for (const entry of readdirSync(join(root, relativeDir), { withFileTypes: true })) {
      const path = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skipFolder(path)) walk(path);
      } else files.push(path);
    }
  };
  walk('');
  return files;
}

/** Pagefind's folders of content-named chunks, in any shard: listed by the index, not needed by the rest of a build. */
export const isSearchChunkFolder = (relativePath: string) =>
  /^pagefind\/(?:.*\/)?(?:fragment|index|filter)$/u.test(relativePath);
