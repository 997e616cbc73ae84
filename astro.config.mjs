// @ts-check
import { defineConfig } from 'astro/config';
import { clientScripts } from './src/build/client-scripts.ts';
import { pagesReport } from './src/build/pages-report.ts';
import { renderPlanGate } from './src/build/render-plan-gate.ts';
import { config } from './src/io/config.ts';

// Fully static: the structured corpus (.cache/corpus, written by `npm run ingest`) is read at
// build time; no server, no client framework.
export default defineConfig({
  output: 'static',
  // Absolute URLs (Atom feeds) need the address the site is served from: set ATLAS_SITE_URL when deploying.
  site: config().siteUrl,
  trailingSlash: 'always',
  // Two pages at a time: one renders while the other's file is written (tests/bench/SETTINGS.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  // A second site (the hostile-source test) builds into its own folder.
  outDir: config().outDir,
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
  // What the build wrote, for the check before it is published (src/build/verify-site.ts); and,
  // when the build started Astro before its ingest, a wait for which pages to render.
  integrations: [clientScripts(), pagesReport(), renderPlanGate()],
  // The server bundle only renders this build's pages and is thrown away after: shaking unused code
  // out of it cost a rebuild time and changed no page.
  vite: { build: { rollupOptions: { treeshake: false } } },
});
