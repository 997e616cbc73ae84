/**
 * npm run score:search [-- QUERIES.yaml] — how well the search of the built site (dist/, from
 * npm run build) finds the right section: top-five share and mean reciprocal rank, from the
 * index and from the search page (tests/eval/score-search.ts). Default queries:
 * tests/eval/search-queries.yaml.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright';
import { parse } from 'yaml';
import { createStaticSiteServer } from '../src/build/preview-server.ts';
import { config } from '../src/io/config.ts';
import { type SearchQuery, type SearchScore, scoreIndex, scorePage } from '../tests/eval/score-search.ts';
import { chromiumLaunchOptions } from '../tests/support/chromium.ts';

const queries = parse(readFileSync(process.argv[2] ?? 'tests/eval/search-queries.yaml', 'utf8')) as SearchQuery[];
const server = createStaticSiteServer(config().outDir);
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch(chromiumLaunchOptions());
const report = (name: string, score: SearchScore) => {
  console.log(
    `${name}: top 5 ${(100 * score.topFive).toFixed(1)}%, MRR ${score.mrr.toFixed(3)} ` +
      `(${score.queries.length} queries)`,
  );
  for (const query of score.queries.filter((entry) => entry.rank !== 1))
    console.log(`  ${query.rank ?? '—'}  ${query.query}  (first: ${query.top[0] ?? 'nothing'})`);
};
try {
  report('index', await scoreIndex(browser, baseUrl, queries));
  report('search page', await scorePage(browser, baseUrl, queries));
} finally {
  await browser.close();
  server.close();
}
