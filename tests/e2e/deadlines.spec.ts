/** A deadline "vóór 1 mei" is 30 April, on the policy page and in the calendar, with the words it was read from. */
import { expect, test } from '@playwright/test';
import { paths } from '../../src/core/routes.ts';

test('"Voor 1 mei" is shown as its last day, 30 april, beside the words of the policy', async ({ page }) => {
  await page.goto(paths.policy('caresq-2027-zbc'));
  const box = page.locator('details.overzicht', { hasText: 'Termijnen in dit beleid' });
  await box.locator('summary').click();
  const entry = box.locator('li', { hasText: '(“Voor 1 mei”)' });
  await expect(entry).toContainText('30 april 2026');
  await page.goto(paths.calendar);
  // Caresq's ZBC policy in the calendar: the day before, not the day named.
  await expect(page.locator('[id^="caresq-2027-zbc-2026-04-30"]').first()).toBeAttached();
  await expect(page.locator('[id^="caresq-2027-zbc-2026-05-01"]')).toHaveCount(0);
});
