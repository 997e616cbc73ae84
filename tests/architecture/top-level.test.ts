/** The project's top level is the design card's: the five folders, the three configuration files, the README. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { it } from 'node:test';
import { ROOT } from '../support/helpers.ts';

const EXPECTED = [
  'README.md',
  'astro.config.mjs',
  'content',
  'package-lock.json',
  'package.json',
  'public',
  'scripts',
  'src',
  'tests',
  'tsconfig.json',
];

it('holds exactly src/, content/, scripts/, public/, tests/ and the configuration, plus dotfiles', (context) => {
  let tracked: string[];
  try {
    tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    context.skip('not a git checkout: nothing to compare');
    return;
  }
  const top = [...new Set(tracked.map((path) => path.split('/')[0]!))].filter((name) => !name.startsWith('.')).sort();
  assert.deepEqual(top, EXPECTED);
});
