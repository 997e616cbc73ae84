/** Lines of code over 120 columns, per file: what the line-length test holds against its budget. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../src/io/file-tree.ts';
import { ROOT } from '../support/helpers.ts';

export const MAX_LINE = 120;
export const LONG_LINE_BUDGET = join(import.meta.dirname, 'long-lines.json');
const FOLDERS = ['src', 'scripts', 'tests'];
const CODE = /\.(?:ts|mts|mjs|astro|css)$/u;
const SKIP = (folder: string) => (sub: string) =>
  sub.endsWith('node_modules') || sub === 'test-results' || `${folder}/${sub}` === 'tests/ingest/fixtures';

export function countLongLines(): Map<string, number> {
  const counts = new Map<string, number>();
  const files = FOLDERS.flatMap((folder) =>
    listFiles(join(ROOT, folder), SKIP(folder)).map((file) => `${folder}/${file}`),
  );
  for (const file of [...files, 'astro.config.mjs'].filter((name) => CODE.test(name)).sort()) {
    const count = readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .filter((line) => line.length > MAX_LINE).length;
    if (count > 0) counts.set(file, count);
  }
  return counts;
}
