/**
 * No line of code over 120 characters. Biome formats all code to that width; what it cannot
 * break (long strings, template text in .astro pages) is counted per file against the budget in
 * long-lines.json, which may only go down: a file over its budget fails, and so does a budget
 * higher than the file needs (lower it: tsx scripts/update-line-budget.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { countLongLines, LONG_LINE_BUDGET, MAX_LINE } from './long-lines.ts';

const budget: Record<string, number> = JSON.parse(readFileSync(LONG_LINE_BUDGET, 'utf8'));

it(`keeps lines within ${MAX_LINE} characters, and the budget of long lines only goes down`, () => {
  const counts = countLongLines();
  const over = [...counts].filter(([file, count]) => count > (budget[file] ?? 0));
  assert.deepEqual(
    over.map(([file, count]) => `${file}: ${count} lines over ${MAX_LINE} (budget ${budget[file] ?? 0})`),
    [],
  );
  const slack = Object.entries(budget).filter(([file, allowed]) => (counts.get(file) ?? 0) < allowed);
  assert.deepEqual(
    slack.map(
      ([file, allowed]) =>
        `${file}: budget ${allowed}, has ${counts.get(file) ?? 0}: run tsx scripts/update-line-budget.ts`,
    ),
    [],
  );
});
