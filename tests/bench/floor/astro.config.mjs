// The build floor: Astro building BENCH_PAGES trivial pages, nothing else.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  outDir: process.env.BENCH_OUT ?? 'dist',
  trailingSlash: 'always',
  build: { inlineStylesheets: 'never' },
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
});
