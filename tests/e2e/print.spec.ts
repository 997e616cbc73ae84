/** A policy on paper: what is folded on screen prints open, so the deadlines are on the page. */
import { expect, test } from '@playwright/test';
import { paths } from '../../src/core/routes.ts';

test('printing a policy shows the deadlines of its folded box', async ({ page }) => {
  await page.goto(paths.policy('cz-2025-msz'));
  const box = page.locator('details.overzicht', { hasText: 'Termijnen in dit beleid' });
  await expect(box).not.toHaveAttribute('open');
  const firstDeadline = box.locator('li').first();
  await expect(firstDeadline).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(firstDeadline).toBeVisible();
  // Every folded part of the text, not only the deadlines (the site's menu does not print at all).
  const hidden = await page
    .locator('main details:not([open]) > :not(summary)')
    .evaluateAll((elements) => elements.filter((element) => element.getClientRects().length === 0).length);
  expect(hidden).toBe(0);
});
