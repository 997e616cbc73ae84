/**
 * How well the built site's search finds the section a query is after: for each query of a set
 * (tests/eval/search-queries.yaml), the rank of the first right section, read two ways in
 * Chromium: straight from the Pagefind index (what any client of the index gets) and from the
 * search page as a reader sees it (with its fallbacks and grouping across years). Reports the
 * share found in the top five and the mean reciprocal rank (1/rank, 0 beyond the tenth).
 */
import type { Browser } from 'playwright';
import { paths } from '../../src/core/routes.ts';
import { decodePlaces, shardsListUrl } from '../../src/core/search-contract.ts';

export interface SearchQuery {
  query: string;
  /** "<policy id>#<section id>": any one is a right answer. */
  answers: string[];
}

export interface QueryScore {
  query: string;
  /** 1-based; null when no right section is in the first ten. */
  rank: number | null;
  top: string[];
}

export interface SearchScore {
  queries: QueryScore[];
  topFive: number;
  mrr: number;
}

const DEPTH = 10;

/** "/beleid/<id>/?markeer=…#<section>" or "/beleid/<id>/#<section>" as "<id>#<section>". */
export function sectionKey(url: string): string {
  const [page = '', hash = ''] = url.split('#');
  const id = page.replace(/\?.*$/u, '').replace(/\/$/u, '').split('/').pop() ?? '';
  return `${id}#${hash}`;
}

export function summarise(queries: QueryScore[]): SearchScore {
  const found = queries.filter((query) => query.rank !== null && query.rank <= 5).length;
  const mrr = queries.reduce((sum, query) => sum + (query.rank ? 1 / query.rank : 0), 0) / queries.length;
  return { queries, topFive: found / queries.length, mrr };
}

/** The rank of the first place (a hit may be in several: its keys) that answers the query. */
function rankOf(top: string[][], answers: string[]): number | null {
  const index = top.findIndex((keys) => keys.some((key) => answers.includes(key)));
  return index === -1 ? null : index + 1;
}

/**
 * Straight from the index: Pagefind's own ranking, shards merged as the search page merges them;
 * a record counts at its rank for every section its text is in.
 */
export async function scoreIndex(browser: Browser, baseUrl: string, queries: SearchQuery[]): Promise<SearchScore> {
  const page = await browser.newPage();
  await page.goto(new URL(paths.search, baseUrl).href);
  const scores: QueryScore[] = [];
  for (const { query, answers } of queries) {
    const urls = await page.evaluate(
      async ({ library, shardsList, query, depth }) => {
        const global = window as unknown as { scoredPagefind?: Promise<unknown> };
        global.scoredPagefind ??= (async () => {
          const api = await import(/* @vite-ignore */ library);
          const shards: string[] = await fetch(shardsList).then((response) => (response.ok ? response.json() : []));
          for (const shard of shards) await api.mergeIndex(shard);
          return api;
        })();
        const api = (await global.scoredPagefind) as {
          search(q: string): Promise<{ results: Array<{ data(): Promise<{ meta: { plaatsen?: string } }> }> }>;
        };
        const search = await api.search(query);
        return Promise.all(search.results.slice(0, depth).map(async (result) => (await result.data()).meta.plaatsen));
      },
      { library: paths.searchLibrary, shardsList: shardsListUrl, query, depth: DEPTH },
    );
    const top = urls.map((places) =>
      decodePlaces(places).map((place) => sectionKey(paths.section(place.policy, place.section))),
    );
    scores.push({ query, rank: rankOf(top, answers), top: top.map((keys) => keys[0] ?? '') });
  }
  await page.close();
  return summarise(scores);
}

/** As a reader sees it: the search page's list, a group of years counting as one place. */
export async function scorePage(browser: Browser, baseUrl: string, queries: SearchQuery[]): Promise<SearchScore> {
  const page = await browser.newPage();
  const scores: QueryScore[] = [];
  for (const { query, answers } of queries) {
    await page.goto(new URL(`${paths.search}?${new URLSearchParams({ q: query })}`, baseUrl).href);
    await page.waitForFunction(() =>
      /gevonden|Geen resultaten/u.test(document.getElementById('zoekstatus')?.textContent ?? ''),
    );
    const groups = await page.$$eval('#zoekresultaten > li', (items) =>
      items.map((item) =>
        [...item.querySelectorAll('h2 a, .ook-in a, .zelfde-tekst a')].map((link) => link.getAttribute('href') ?? ''),
      ),
    );
    const top = groups.slice(0, DEPTH).map((urls) => urls.map(sectionKey));
    scores.push({ query, rank: rankOf(top, answers), top: top.map((keys) => keys[0] ?? '') });
  }
  await page.close();
  return summarise(scores);
}
