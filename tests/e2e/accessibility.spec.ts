/** axe-core on every page type: no violations at all (WCAG 2.1 AA and best practices). */
import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.ts';

const PAGES = {
  home: '/',
  insurers: '/verzekeraars/',
  insurer: '/verzekeraars/caresq/',
  'insurer without policies': '/verzekeraars/vgz/',
  policy: '/beleid/cz-2025-msz/',
  'policy (Markdown source)': '/beleid/caresq-2027-zbc/',
  source: '/beleid/zorg-en-zekerheid-2025-algemeen/bron/',
  themes: '/themas/',
  theme: '/themas/duurzaamheid/',
  'search with results': '/zoeken/?q=wachtlijst&thema=toegankelijkheid',
  compare: '/vergelijk/',
  'compare a theme': '/vergelijk/duurzaamheid/',
  'compare a theme, two insurers and another year':
    '/vergelijk/duurzaamheid/?verzekeraar=caresq&verzekeraar=cz&jaar-caresq=2025',
  'one insurer’s column': '/vergelijk/duurzaamheid/caresq/2025/',
  requirements: '/voorwaarden/',
  calendar: '/kalender/?verzekeraar=caresq',
  'open data': '/api/',
  'page not found': '/bestaat-niet/',
  'care types': '/zorgsoorten/',
  'care type': '/zorgsoorten/msz/',
  years: '/jaren/',
  year: '/jaren/2025/',
};

for (const [name, path] of Object.entries(PAGES)) {
  test(`axe: ${name}`, async ({ page }) => {
    // axe walks every node: the source page of a long policy (thousands of lines) took 12 s on
    // its own and over 30 s beside another browser on two busy cores.
    test.setTimeout(90_000);
    await page.goto(path);
    if (path.startsWith('/zoeken/')) await expect(page.locator('#zoekresultaten > li').first()).toBeVisible();
    if (path.includes('jaar-caresq')) await expect(page.getByRole('status')).toHaveText(/Caresq 2025/);
    // Open every expandable cell, so their contents are checked too.
    await page.locator('details').evaluateAll((elements) => {
      for (const element of elements) element.setAttribute('open', '');
    });
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('axe: dark mode policy page', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/beleid/caresq-2026-categorale-instellingen/');
  expect(await axeViolations(page)).toEqual([]);
});
