/** Source text is data: a site built from hostile sources runs none of their markup. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HOSTILE_PORT } from '../../playwright.config.ts';

const base = `http://localhost:${HOSTILE_PORT}`;
const pages = ['/beleid/dsw-2026-ggz/', '/beleid/dsw-2025-ggz/', '/beleid/dsw-2025-ggz/bron/', '/beleid/dsw-2026-ggz/bron/', '/themas/', '/'];

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
    expect(await page.locator('a[href^="javascript:" i], a[href*="javascript:" i], iframe, img[onerror], svg[onload], [onmouseover]').count(), path).toBe(0);
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
    const html = readFileSync(file, 'utf8');
    // Inside tags only: the escaped source text may say "onerror=" as words.
    expect(html, file).not.toMatch(/<[a-z][^<>]*\b(?:href|src)\s*=\s*["']?\s*javascript:/iu);
    expect(html, file).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/iu);
    expect(html, file).not.toMatch(/<[a-z][^<>]*\son(?:error|load|mouseover|click)\s*=/iu);
    expect(html, file).not.toMatch(/<(?:iframe|object|embed|img)\b/iu);
  }
});
