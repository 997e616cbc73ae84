/** Every internal link and anchor in dist/ leads somewhere: no broken link anywhere. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const DIST = 'dist';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The file a site path is served from, or null. */
function fileFor(pathname: string): string | null {
  const clean = decodeURIComponent(pathname);
  const candidates = clean.endsWith('/')
    ? [join(DIST, clean, 'index.html')]
    : [join(DIST, clean), join(DIST, clean, 'index.html')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

test('no broken internal link or anchor in dist/', () => {
  const files = htmlFiles(DIST);
  expect(files.length).toBeGreaterThan(20);
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file))
      ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/gu)].map((match) => match[1]!)));
    return ids.get(file)!;
  };
  const broken: string[] = [];
  let checked = 0;
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const pagePath = `/${file.slice(DIST.length + 1).replace(/index\.html$/u, '')}`;
    for (const [, raw] of html.matchAll(/\s(?:href|src)="([^"]+)"/gu)) {
      const href = raw!.replace(/&amp;/gu, '&');
      if (/^(?:https?:|mailto:|tel:)/u.test(href)) continue;
      const url = new URL(href, `http://site${pagePath}`);
      if (url.host !== 'site') continue;
      checked++;
      const target = url.pathname === pagePath && href.startsWith('#') ? file : fileFor(url.pathname);
      if (!target) {
        broken.push(`${file}: ${href} (no such page)`);
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && target.endsWith('.html') && !idsOf(target).has(anchor))
        broken.push(`${file}: ${href} (no #${anchor})`);
    }
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(1000);
});
