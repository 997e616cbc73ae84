// @ts-check
import { defineConfig } from 'astro/config';

// Fully static: the structured corpus (.cache/corpus, written by `npm run ingest`) is read at
// build time; no server, no client framework.
export default defineConfig({
  output: 'static',
  // Absolute URLs (Atom feeds) need the address the site is served from: set ATLAS_SITE_URL when deploying.
  site: process.env.ATLAS_SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // A second site (the hostile-source test) builds into its own folder.
  outDir: process.env.ATLAS_OUT_DIR ?? 'dist',
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
});
