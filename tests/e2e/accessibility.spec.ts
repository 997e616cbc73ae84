/** axe-core on every page type: no violations at all (WCAG 2.1 AA and best practices). */
import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { PAGE_TYPES } from './page-types.ts';

const PAGES = PAGE_TYPES;

for (const [name, path] of Object.entries(PAGES)) {
  test(`axe: ${name}`, async ({ page }) => {
    // axe walks every node: the source page of a long policy (thousands of lines) took 12 s on
    // its own and over 30 s beside another browser on two busy cores.
    test.setTimeout(90_000);
    await page.goto(path);
    if (path.startsWith('/zoeken/?')) await expect(page.locator('#zoekresultaten > li').first()).toBeVisible();
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
