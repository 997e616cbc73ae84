/** Reading a long policy: where am I, back to the top, and a citation to paste. */
import { expect, test } from '@playwright/test';

const CZ = '/beleid/cz-2025-msz/';

test('the table of contents marks the section being read, as the reader scrolls', async ({ page }) => {
  await page.goto(`${CZ}#3-1-tijdpad`);
  const toc = page.getByRole('navigation', { name: 'Inhoudsopgave' });
  await expect(toc.locator('a[aria-current="location"]')).toHaveText('3.1 Tijdpad');
  await page.getByRole('heading', { name: '2.2.8 Buitenland' }).evaluate((heading) => heading.scrollIntoView());
  await expect(toc.locator('a[aria-current="location"]')).toHaveText('2.2.8 Buitenland');
});

test('a way back to the top once the reader is down the page', async ({ page }) => {
  await page.goto(CZ);
  const up = page.getByRole('link', { name: '↑ Naar boven' });
  await expect(up).toBeHidden();
  await page.getByRole('heading', { name: '3.1 Tijdpad' }).scrollIntoViewIfNeeded();
  await expect(up).toBeInViewport();
  await up.click();
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
});

test('each section has its permalink beside its heading, and the table of contents links to it without JavaScript', async ({
  browser,
  page,
}) => {
  await page.goto(CZ);
  const link = page.getByRole('link', { name: 'Permalink naar 2.2.3.1 Zorgomzet en kavels' });
  await expect(link).toHaveAttribute('href', '#2-2-3-1-zorgomzet-en-kavels');
  await link.click();
  await expect(page).toHaveURL(/#2-2-3-1-zorgomzet-en-kavels$/u);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto(CZ);
  await expect(
    plain.locator('nav.toc').getByRole('link', { name: '2.2.3.1 Zorgomzet en kavels', exact: true }),
  ).toHaveAttribute('href', '#2-2-3-1-zorgomzet-en-kavels');
  await context.close();
});

test('"Citeer" copies insurer, title, year, section, lines and the permanent URL', async ({ context, page }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(CZ);
  await page.getByRole('button', { name: 'Citeer 2.2.3.1 Zorgomzet en kavels' }).click();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const policy = 'CZ groep, Zorginkoopbeleid Medisch-specialistische zorg 2025 (2025)';
  expect(text.startsWith(`${policy}, 2.2.3.1 Zorgomzet en kavels, regels `)).toBe(true);
  expect(text).toMatch(/regels \d+–\d+\. https?:\/\/\S+\/beleid\/cz-2025-msz\/#2-2-3-1-zorgomzet-en-kavels /u);
  expect(text).toMatch(/ \(geraadpleegd op \d+ \w+ 20\d\d\)$/u);
  await expect(page.getByRole('button', { name: 'Citeer 2.2.3.1 Zorgomzet en kavels' })).toHaveText('Gekopieerd');
});

test('without JavaScript the contents are a plain list and "Naar boven" a plain link', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${CZ}#3-1-tijdpad`);
  await expect(page.locator('nav.toc a[aria-current]')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '↑ Naar boven' })).toHaveAttribute('href', '#inhoud');
  await context.close();
});
