/** An address that is not there: a Dutch page with the site's navigation and a search box, and status 404. */
import { expect, test } from '@playwright/test';
import { paths } from '../../src/core/routes.ts';

test('a missing page says so in Dutch, keeps the navigation, and searches from there', async ({ page }) => {
  const response = await page.goto('/beleid/bestaat-niet-2031-msz/');
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle(/Pagina niet gevonden/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
  await expect(
    page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzekeraars' }),
  ).toBeVisible();
  await page.getByLabel('Zoek in al het beleid').fill('machtiging taxivervoer');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(`${paths.search}?q=machtiging+taxivervoer`);
  await expect(page.locator('#zoekresultaten > li').first()).toBeVisible();
});
