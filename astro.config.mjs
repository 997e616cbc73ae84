// @ts-check
import { defineConfig } from 'astro/config';

// Fully static: the structured corpus (.cache/corpus, written by `npm run ingest`) is read at
// build time; no server, no client framework.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
});
