/**
 * npm run measure:site — what a reader downloads and what a build costs, on the built site:
 *  - weight of the largest policy page: HTML + CSS + JS, raw and gzip;
 *  - bytes a search downloads in Chromium (cold, per query, median over several queries);
 *  - build time (ingest + Astro + Pagefind): median and range over --runs N builds (default 3).
 * Not a test: figures for the README and closing notes.
 */
import { parseArgs } from 'node:util';
import { measureSite } from '../tests/bench/measure-site.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
await measureSite(Number(values.runs));
