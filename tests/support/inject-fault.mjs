// Fault injection for tests/integration/build-faults.test.ts, loaded into every process of a build
// through NODE_OPTIONS="--import …": ATLAS_FAULT="<action>:<point>[:<n>]" makes the n-th file
// operation at that point (default the first) kill the whole build (kill -9 of its top process,
// as an operator or the OOM killer would) or fail with a disk error (ENOSPC, EROFS, EACCES).
// No hook in the build's own code: the file system functions themselves are wrapped.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const spec = process.env.ATLAS_FAULT;
if (!process.env.ATLAS_FAULT_TOP) process.env.ATLAS_FAULT_TOP = String(process.pid);
const top = Number(process.env.ATLAS_FAULT_TOP);
const out = process.env.ATLAS_FAULT_OUT ?? '';

if (spec) {
  const [action, point, nth = '1'] = spec.split(':');
  const points = {
    // The ingest writes a document into its staging folder.
    ingest: (op, path) => op === 'write' && path.includes('/.staging-'),
    // Astro writes a page into the new version folder.
    astro: (op, path) =>
      op === 'write' &&
      path.includes('-versions/') &&
      path.endsWith('.html') &&
      process.argv.some((arg) => arg.endsWith('astro.js')),
    // The search script keeps a finished shard, or writes the shard list.
    search: (op, path) =>
      (op === 'rename' && path.endsWith('.tmp') && path.includes('.search-index')) ||
      (op === 'write' && path.endsWith('delen.json')),
    // The build makes the new version folder's link, or renames it over the output.
    link: (op, path) => op === 'symlink' && path.includes('-versions/'),
    publish: (op, _path, dest) => op === 'rename' && dest === out,
  };
  const matches = points[point];
  if (!matches) throw new Error(`ATLAS_FAULT: unknown point ${point}`);
  let seen = 0;
  const fire = (op, path, dest) => {
    if (!matches(op, String(path), dest === undefined ? undefined : String(dest))) return false;
    return ++seen === Number(nth);
  };
  const failure = (code, syscall, path, dest) => {
    const text = { ENOSPC: 'no space left on device', EROFS: 'read-only file system', EACCES: 'permission denied' }[
      code
    ];
    return Object.assign(new Error(`${code}: ${text}, ${syscall} '${path}'${dest ? ` -> '${dest}'` : ''}`), {
      code,
      syscall,
      path: String(path),
      ...(dest ? { dest: String(dest) } : {}),
    });
  };
  const act = (op, path, dest) => {
    if (action === 'kill') {
      process.kill(top, 'SIGKILL');
      process.kill(process.pid, 'SIGKILL');
    }
    throw failure(action.toUpperCase(), op, path, dest);
  };
  const wrapSync = (name, op, pathAt = 0, destAt) => {
    const original = fs[name];
    fs[name] = function (...args) {
      if (fire(op, args[pathAt], destAt === undefined ? undefined : args[destAt])) {
        if (action === 'kill-after') {
          const result = original.apply(this, args);
          process.kill(top, 'SIGKILL');
          process.kill(process.pid, 'SIGKILL');
          return result;
        }
        act(op, args[pathAt], destAt === undefined ? undefined : args[destAt]);
      }
      return original.apply(this, args);
    };
  };
  wrapSync('writeFileSync', 'write');
  wrapSync('renameSync', 'rename', 0, 1);
  wrapSync('symlinkSync', 'symlink', 1);
  const writeFile = fs.promises.writeFile;
  fs.promises.writeFile = async function (path, ...rest) {
    if (fire('write', path)) act('write', path);
    return writeFile.call(this, path, ...rest);
  };
  syncBuiltinESMExports();
}
