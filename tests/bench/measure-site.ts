/** What `npm run measure:site` measures (scripts/measure-site.ts says what): `runs` builds, then the built site. */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';

export async function measureSite(RUNS: number): Promise<void> {
  const DIST = 'dist';
  const PORT = 4340;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

  function buildTimes(): number[] {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' });
      times.push(performance.now() - started);
    }
    return times;
  }

  function largestPolicyPage(): { path: string; html: number; assets: Array<[string, number]> } {
    const pages = readdirSync(join(DIST, 'beleid'))
      .map((id) => join(DIST, 'beleid', id, 'index.html'))
      .filter((path) => existsSync(path));
    const path = pages.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
    const html = readFileSync(path, 'utf8');
    const assets = [...html.matchAll(/<(?:link[^>]+href|script[^>]+src)="(\/[^"]+\.(?:css|js))"/gu)].map((match) => {
      const file = join(DIST, match[1]!);
      return [match[1]!, readFileSync(file).length] as [string, number];
    });
    return { path, html: Buffer.byteLength(html), assets };
  }

  async function searchBytes(
    queries: string[],
  ): Promise<Array<{ query: string; setupBytes: number; bytes: number; requests: number; firstResultMs: number }>> {
    const server = spawn('npx', ['astro', 'preview', '--port', String(PORT)], { stdio: 'ignore' });
    try {
      for (let attempt = 0; attempt < 60; attempt++) {
        try {
          await fetch(`http://localhost:${PORT}/`);
          break;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
      const executablePath = ['/usr/bin/chromium'].find((candidate) => existsSync(candidate));
      const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), chromiumSandbox: false });
      const results = [];
      for (const query of queries) {
        const context = await browser.newContext(); // cold cache: every query starts from nothing
        const page = await context.newPage();
        // What the search page loads before any query (pagefind.js, its WebAssembly, the filter
        // index), then what the query itself downloads.
        let setupBytes = 0;
        let bytes = 0;
        let requests = 0;
        let typing = false;
        page.on('response', async (response) => {
          if (!response.url().includes('/pagefind/')) return;
          const size = (await response.body().catch(() => Buffer.alloc(0))).length;
          if (typing) {
            requests++;
            bytes += size;
          } else setupBytes += size;
        });
        await page.goto(`http://localhost:${PORT}/zoeken/`);
        await page.waitForLoadState('networkidle');
        typing = true;
        const started = performance.now();
        await page.getByRole('searchbox', { name: 'Zoekterm' }).fill(query);
        await page.locator('#zoekresultaten > li').first().waitFor();
        const firstResultMs = performance.now() - started;
        await page.waitForLoadState('networkidle');
        results.push({ query, setupBytes, bytes, requests, firstResultMs });
        await context.close();
      }
      await browser.close();
      return results;
    } finally {
      server.kill();
    }
  }

  const times = buildTimes();
  const page = largestPolicyPage();
  const htmlGzip = gzipSync(readFileSync(page.path)).length;
  const assetBytes = page.assets.reduce((sum, [, size]) => sum + size, 0);
  const assetGzip = page.assets.reduce((sum, [file]) => sum + gzipSync(readFileSync(join(DIST, file))).length, 0);
  const searches = await searchBytes([
    'biosimilars',
    'wachtlijst',
    'duurzaamheid',
    'patient',
    'voorwaarden zorgovereenkomst',
  ]);

  console.log(
    `Build (ingest + Astro + Pagefind), ${RUNS} runs: median ${(median(times) / 1000).toFixed(1)} s (min ` +
      `${(Math.min(...times) / 1000).toFixed(1)}, max ${(Math.max(...times) / 1000).toFixed(1)})`,
  );
  console.log(
    `Largest policy page ${page.path}: HTML ${kb(page.html)} (gzip ${kb(htmlGzip)}) + CSS/JS ${kb(assetBytes)} (gzip ` +
      `${kb(assetGzip)}) = ${kb(page.html + assetBytes)} (gzip ${kb(htmlGzip + assetGzip)})`,
  );
  for (const [file, size] of page.assets) console.log(`  ${file} ${kb(size)}`);
  console.log(
    `Search page, before the first query: ${kb(median(searches.map((search) => search.setupBytes)))} of Pagefind ` +
      `(script, WebAssembly, filter index)`,
  );
  for (const search of searches)
    console.log(
      `Search "${search.query}": ${kb(search.bytes)} in ${search.requests} requests (cold), first result ` +
        `${search.firstResultMs.toFixed(0)} ms after typing (120 ms of it is the typing debounce)`,
    );
  console.log(
    `Search, median over ${searches.length} queries: ${kb(median(searches.map((search) => search.bytes)))} downloaded, ` +
      `first result ${median(searches.map((search) => search.firstResultMs)).toFixed(0)} ms`,
  );
}
