/**
 * An Astro integration that compiles the client scripts (src/client/<name>.ts, TypeScript that
 * imports the routes and the search contract) into the site as /js/<name>.js, one ES module
 * each, so the browser loads exactly the small files the pages name and no framework runtime.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { paths } from '../core/routes.ts';

const CLIENT_DIR = fileURLToPath(new URL('../client', import.meta.url));

/** The names of the client scripts: src/client/search.ts is "search". */
export function clientScriptNames(): string[] {
  return readdirSync(CLIENT_DIR)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => name.slice(0, -'.ts'.length))
    .sort();
}

/** Compiles every client script into `outDir`, at the path routes.ts gives it. */
export async function buildClientScripts(outDir: string): Promise<void> {
  for (const name of clientScriptNames()) {
    await build({
      entryPoints: [join(CLIENT_DIR, `${name}.ts`)],
      outfile: join(outDir, paths.script(name)),
      bundle: true,
      format: 'esm',
      target: 'es2022',
      platform: 'browser',
      charset: 'utf8',
      legalComments: 'none',
      minify: true,
      logLevel: 'error',
    });
  }
}

export function clientScripts(): AstroIntegration {
  return {
    name: 'zorginkoop-atlas:client-scripts',
    hooks: {
      'astro:build:done': async ({ dir }) => buildClientScripts(fileURLToPath(dir)),
    },
  };
}
