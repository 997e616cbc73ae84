/**
 * A module and the project modules it imports in one JavaScript file (esbuild), so that a worker
 * thread or a child script starts without the TypeScript loader: through tsx a worker is slow to read its first
 * source and transforms pdf.js on every import (tests/bench/SETTINGS.md). Packages stay outside
 * the bundle and load from node_modules, which is why the file lives under node_modules/.cache/.
 * Named by its content: an edit is a new file, and runs side by side never write one another's.
 * Null when esbuild cannot run here (the caller falls back to the TypeScript entry or to its own
 * thread).
 */
import { sha256 } from '../core/hash.ts';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions, buildSync, type Plugin, stop } from 'esbuild';
import { writeFileAtomic } from './atomic-write.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** One module and the project modules it imports, packages left to node_modules, in memory. */
const bundleOptions = (entry: URL) =>
  ({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  }) satisfies BuildOptions;

export function bundledEntry(entry: URL, name: string): URL | null {
  let code: Uint8Array;
  try {
    // Synchronous on purpose: pools are made inside synchronous steps.
    code = buildSync(bundleOptions(entry)).outputFiles[0]!.contents;
  } catch {
    return null;
  }
  return storedBundle(code, name);
}

function storedBundle(code: Uint8Array, name: string): URL {
  const dir = join(ROOT, 'node_modules', '.cache', 'zorginkoop-atlas');
  const file = join(dir, `${name}-${sha256(code).slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(file, code);
  }
  return pathToFileURL(file);
}

/**
 * Each project module's `import.meta.url` as the URL of its own source file, so that what it finds
 * beside itself (a worker's entry, the project's root) it still finds from inside a bundle.
 */
const ownUrls: Plugin = {
  name: 'own-import-meta-url',
  setup(bundler) {
    bundler.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: 'ts',
    }));
  },
};

/**
 * A script run as a child process (the ingest, the search index), bundled as bundledEntry does, so
 * that it starts without the TypeScript loader, which costs a child most of its start-up. Null
 * when esbuild cannot run here: the caller runs the TypeScript entry through tsx.
 */
export async function bundledScript(entry: URL, name: string): Promise<URL | null> {
  try {
    const { outputFiles } = await build({ ...bundleOptions(entry), plugins: [ownUrls] });
    return storedBundle(outputFiles[0]!.contents, name);
  } catch {
    return null;
  }
}

/** Node's arguments that run `script` (a TypeScript file): its bundle, or the file through tsx. */
export async function nodeArgsFor(script: string, name: string): Promise<string[]> {
  const bundled = await bundledScript(pathToFileURL(script), name);
  return bundled ? [fileURLToPath(bundled)] : ['--import', 'tsx', script];
}

/**
 * Stops the esbuild process that bundledScript started: left running, it holds memory for the
 * rest of the build. A later bundle starts it again.
 */
export async function stopBundling(): Promise<void> {
  await stop();
}
