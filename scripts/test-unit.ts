/**
 * npm run test:unit [-- PATH...]
 *
 * Runs the unit and integration tests (`*.test.ts`) under each PATH (a folder or a file; default
 * tests/), all but the browser tests in tests/e2e/, through node --test with tsx. Node 20's test
 * runner takes no glob, hence this walk: `npm run test:unit -- tests/ingest/segment` runs one stage.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../src/io/file-tree.ts';

const requested = process.argv.slice(2);
const isE2e = (path: string) => /(^|\/)tests\/e2e(\/|$)/u.test(path);
const files = (requested.length ? requested : ['tests']).flatMap((path) => {
  const folder = path.replace(/\/+$/u, '');
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return [folder];
  return listFiles(folder, (sub) => isE2e(join(folder, sub)) || sub.endsWith('node_modules'))
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => join(folder, file))
    .sort();
});
if (files.length === 0) {
  console.error(`No *.test.ts under ${requested.join(', ') || 'tests'}: name a folder or file of tests/.`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
