/** Browsing as a reader does: from the home page to a care type or a year, and on to a policy. */
import { expect, test } from '@playwright/test';
import { paths } from '../../src/core/routes.ts';

test('browse by care type: from the home page card to the policies for it', async ({ page }) => {
  await page.goto(paths.home);
  await page.getByRole('link', { name: 'Medisch-specialistische zorg', exact: true }).click();
  await expect(page).toHaveURL(paths.careType('msz'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Medisch-specialistische zorg');
  const cards = page.locator('ul.cards > li');
  await expect(cards).toHaveCount(1);
  await cards.first().getByRole('link').click();
  await expect(page).toHaveURL(paths.policy('cz-2025-msz'));
});

test('browse by year: every contract year, and each year lists its policies', async ({ page }) => {
  await page.goto(paths.years);
  const years = page.locator('ul.cards h2');
  await expect(years).toHaveText(['2027', '2026', '2025']);
  await page.getByRole('link', { name: '2025', exact: true }).click();
  await expect(page).toHaveURL(paths.year(2025));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contractjaar 2025');
  // Three policies for 2025 in the corpus: Caresq ziekenvervoer, CZ MSZ, Zorg en Zekerheid algemeen.
  await expect(page.locator('ul.cards > li')).toHaveCount(3);
  await expect(page.getByRole('link', { name: /CZ groep · Medisch-specialistische zorg/ })).toBeVisible();
});

test('insurers without a policy stand apart from those with one', async ({ page }) => {
  await page.goto(paths.insurers);
  const withPolicies = page.locator('ul.cards > li');
  await expect(withPolicies).toHaveCount(3);
  const apart = page.getByRole('region', { name: 'Nog zonder beleid in de atlas' });
  await expect(apart.getByRole('listitem')).toHaveCount(7);
  await expect(apart.getByRole('link', { name: 'VGZ' })).toBeVisible();
  await expect(withPolicies.getByRole('link', { name: 'VGZ' })).toHaveCount(0);
});
