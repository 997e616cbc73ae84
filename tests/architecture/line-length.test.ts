/**
 * No line of code over 120 characters. Biome formats all code to that width; what it cannot
 * break (long strings, template text in .astro pages, CSS) is counted per file against the
 * budget in long-lines.json, which may only go down: a file over its budget fails, and so does
 * a budget higher than the file needs (lower it when lines are fixed).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { listFiles } from '../../src/io/file-tree.ts';
import { ROOT } from '../support/helpers.ts';

const MAX = 120;
const FOLDERS = ['src', 'scripts', 'tests'];
const CODE = /\.(?:ts|mts|mjs|astro|css)$/u;
const budget: Record<string, number> = JSON.parse(readFileSync(join(import.meta.dirname, 'long-lines.json'), 'utf8'));

function longLines(): Map<string, number> {
  const counts = new Map<string, number>();
  const files = FOLDERS.flatMap((folder) =>
    listFiles(join(ROOT, folder), (sub) => sub.endsWith('node_modules') || sub === 'ingest/fixtures').map(
      (file) => `${folder}/${file}`,
    ),
  );
  for (const file of [...files, 'astro.config.mjs'].filter((name) => CODE.test(name)).sort()) {
    const count = readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .filter((line) => line.length > MAX).length;
    if (count > 0) counts.set(file, count);
  }
  return counts;
}

it(`keeps lines within ${MAX} characters, and the budget of long lines only goes down`, () => {
  const counts = longLines();
  const over = [...counts].filter(([file, count]) => count > (budget[file] ?? 0));
  assert.deepEqual(
    over.map(([file, count]) => `${file}: ${count} lines over ${MAX} (budget ${budget[file] ?? 0})`),
    [],
  );
  const slack = Object.entries(budget).filter(([file, allowed]) => (counts.get(file) ?? 0) < allowed);
  assert.deepEqual(
    slack.map(([file, allowed]) => `${file}: budget ${allowed}, has ${counts.get(file) ?? 0}: lower it`),
    [],
  );
});
