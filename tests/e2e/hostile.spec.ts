/** Source text is data: a site built from hostile sources runs none of their markup. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HOSTILE_PORT } from './playwright.config.ts';

const base = `http://localhost:${HOSTILE_PORT}`;
const pages = [
  '/beleid/dsw-2026-ggz/',
  '/beleid/dsw-2025-ggz/',
  '/beleid/dsw-2025-ggz/bron/',
  '/beleid/dsw-2026-ggz/bron/',
  '/themas/',
  '/',
];

test('no script from a source runs and no javascript: URL survives', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  for (const path of pages) {
    await page.goto(`${base}${path}`);
    await page.mouse.move(200, 300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), path).toBeUndefined();
    expect(
      await page
        .locator('a[href^="javascript:" i], a[href*="javascript:" i], iframe, img[onerror], svg[onload], [onmouseover]')
        .count(),
      path,
    ).toBe(0);
    expect(await page.locator('main script').count(), path).toBe(0);
  }
  expect(dialogs).toEqual([]);
  // The hostile text is shown as text, escaped.
  await page.goto(`${base}/beleid/dsw-2025-ggz/`);
  await expect(page.getByText('<script>window.__pwned = 11</script>', { exact: false })).toBeVisible();
});

test('the built HTML holds no inline script and no javascript: URL', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) files.push(path);
    }
  };
  walk('.cache/hostile/dist');
  expect(files.length).toBeGreaterThan(5);
  for (const file of files) {
    // Inside tags only: the escaped source text may say "onerror=" as words, and a quoted
    // attribute value may hold "<img …>" as characters (a permalink's label), which opens no tag.
    const html = readFileSync(file, 'utf8').replace(/="[^"]*"/gu, '=""');
    expect(html, file).not.toMatch(/<[a-z][^<>]*\b(?:href|src)\s*=\s*["']?\s*javascript:/iu);
    expect(html, file).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/iu);
    expect(html, file).not.toMatch(/<[a-z][^<>]*\son(?:error|load|mouseover|click)\s*=/iu);
    expect(html, file).not.toMatch(/<(?:iframe|object|embed|img)\b/iu);
  }
});

test('the site is served with the headers of its _headers file: no framing, no sniffing, typed feeds', async ({
  request,
}) => {
  const page = await request.get('/');
  expect(page.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(page.headers()['x-content-type-options']).toBe('nosniff');
  expect(page.headers()['referrer-policy']).toBe('no-referrer');
  expect((await request.get('/wijzigingen/feed.xml')).headers()['content-type']).toBe(
    'application/atom+xml; charset=utf-8',
  );
  expect((await request.get('/kalender/alle.ics')).headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect((await request.get('/voorwaarden/voorwaarden.csv')).headers()['content-type']).toBe('text/csv; charset=utf-8');
  const api = await request.get('/api/documents.json');
  expect(api.headers()['content-type']).toBe('application/json; charset=utf-8');
  expect(api.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const entry = JSON.parse(await (await request.get('/pagefind/pagefind-entry.json')).text()) as {
    languages: Record<string, { hash: string }>;
  };
  expect(Object.keys(entry.languages).length).toBeGreaterThan(0);
  expect((await request.get('/pagefind/pagefind-entry.json')).headers()['cache-control']).toBe(
    'public, max-age=0, must-revalidate',
  );
  const fragments = readdirSync('dist/pagefind/fragment');
  expect((await request.get(`/pagefind/fragment/${fragments[0]}`)).headers()['cache-control']).toBe(
    'public, max-age=31536000, immutable',
  );
  expect((await request.get('/_headers')).status()).toBe(404);
});

test('a feed carries a hostile heading as text, and the CSV no formula', async ({ request }) => {
  const feed = await (await request.get(`${base}/wijzigingen/feed.xml`)).text();
  const bodies = [...feed.matchAll(/<(title|summary) type="html"><!\[CDATA\[([\s\S]*?)\]\]>/gu)].map(
    (match) => match[2]!,
  );
  // Every title and summary is escaped text inside its CDATA: no raw tag, no early end.
  for (const body of bodies) expect(body).not.toMatch(/[<>]/u);
  const asText = (body: string) => body.replace(/&#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)));
  // The plain-text source's heading with an <img onerror>, and a "]]>" from a change list, arrive as their characters.
  expect(bodies.map(asText)).toContain('DSW 2025: 3 Wijzigingen <img src=x onerror="window.__pwned=23">');
  expect(bodies.map(asText).some((body) => body.includes('een verklaring aan ]]>'))).toBe(true);
  const rows = (await (await request.get(`${base}/voorwaarden/voorwaarden.csv`)).text()).split('\r\n');
  for (const row of rows.slice(1))
    for (const cell of row.split(',')) expect(cell.replace(/^"/u, '')).not.toMatch(/^[=+\-@\t\r]/u);
  // The formulas of the hostile source are there, each as text.
  for (const formula of ["'=HYPERLINK(", "'+cmd|", "'@SUM("])
    expect(rows.some((row) => row.includes(formula))).toBe(true);
});
