/**
 * A module and the project modules it imports in one JavaScript file (esbuild), so that a worker
 * thread starts without the TypeScript loader: through tsx a worker is slow to read its first
 * source and transforms pdf.js on every import (tests/bench/SETTINGS.md). Packages stay outside
 * the bundle and load from node_modules, which is why the file lives under node_modules/.cache/.
 * Named by its content: an edit is a new file, and runs side by side never write one another's.
 * Null when esbuild cannot run here (the caller falls back to the TypeScript entry or to its own
 * thread).
 */
import { sha256 } from '../core/hash.ts';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { writeFileAtomic } from './atomic-write.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function bundledEntry(entry: URL, name: string): URL | null {
  let code: Uint8Array;
  try {
    // Synchronous on purpose: pools are made inside synchronous steps.
    code = buildSync({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    }).outputFiles[0]!.contents;
  } catch {
    return null;
  }
  const dir = join(ROOT, 'node_modules', '.cache', 'zorginkoop-atlas');
  const file = join(dir, `${name}-${sha256(code).slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(file, code);
  }
  return pathToFileURL(file);
}
