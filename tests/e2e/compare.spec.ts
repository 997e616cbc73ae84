/** Comparing insurers as a contract manager does: a theme side by side, requirements, the calendar. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';

const DUURZAAMHEID = '/vergelijk/duurzaamheid/';
const columnHeaders = (page: Page) => page.locator('#vergelijking thead th[data-verzekeraar]:visible');
const cell = (page: Page, row: string, insurer: string) =>
  page.locator(`#vergelijking tr[data-rij="${row}"] td[data-verzekeraar="${insurer}"]`);

test('pick two insurers and a year on /vergelijk/duurzaamheid/ and see their columns', async ({ page }) => {
  await page.goto(DUURZAAMHEID);
  await expect(columnHeaders(page)).toHaveCount(3);
  const choice = page.getByRole('group', { name: 'Verzekeraars en contractjaar' });
  await choice.getByRole('checkbox', { name: 'CZ groep' }).uncheck();
  await expect(columnHeaders(page)).toHaveCount(2);
  await expect(page.getByRole('columnheader', { name: /^CZ groep/ })).toBeHidden();
  await choice.getByLabel('Contractjaar Caresq').selectOption('2025');
  await expect(page.getByRole('status')).toHaveText('Vergelijking van Caresq 2025, Zorg en Zekerheid 2025.');
  await expect(page.getByRole('columnheader', { name: /^Caresq 2025 Ziekenvervoer/ })).toBeVisible();
  await expect(cell(page, 'mobiliteit', 'caresq')).toContainText('alleen zorgaanbieder met meer dan 100 fte');
  await expect(cell(page, 'green-deal', 'caresq')).toContainText('Green Deal Duurzame Zorg 3.0');
  await expect(cell(page, 'csrd-rapportage', 'zorg-en-zekerheid')).toContainText('Europese CSRD');
  // The choice is in the URL, so the view can be shared; opening it restores it.
  await expect(page).toHaveURL(/\?verzekeraar=caresq&verzekeraar=zorg-en-zekerheid&jaar-caresq=2025$/);
  await page.reload();
  await expect(columnHeaders(page)).toHaveCount(2);
  await expect(cell(page, 'mobiliteit', 'caresq')).toContainText('meer dan 100 fte');
  // Every cell links to its section in the policy.
  await cell(page, 'mobiliteit', 'caresq')
    .getByRole('link', { name: 'CSRD (Corporate Sustainability Reporting Directive)' })
    .click();
  await expect(page).toHaveURL(
    /\/beleid\/caresq-2025-ziekenvervoer\/#csrd-corporate-sustainability-reporting-directive$/,
  );
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the comparison still shows every insurer’s newest policy, and other years are a link away', async ({
    page,
  }) => {
    await page.goto(DUURZAAMHEID);
    await expect(page.getByRole('group', { name: 'Verzekeraars en contractjaar' })).toBeHidden();
    await expect(columnHeaders(page)).toHaveCount(3);
    await expect(cell(page, 'co2-route', 'cz')).toContainText('met 30% in 2026');
    await expect(cell(page, 'afval-grondstoffen', 'cz')).toContainText('minimaal 25% in 2026');
    await expect(cell(page, 'csrd-rapportage', 'zorg-en-zekerheid')).toContainText('CSRD');
    await page
      .getByRole('columnheader', { name: /^Caresq 2027/ })
      .getByRole('link', { name: '2025' })
      .click();
    await expect(page).toHaveURL(/\/vergelijk\/duurzaamheid\/caresq\/2025\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Duurzaamheid: Caresq, 2025');
    await expect(cell(page, 'green-deal', 'caresq')).toContainText('Green Deal Duurzame Zorg 3.0');
  });

  test('the calendar shows every date', async ({ page }) => {
    await page.goto('/kalender/');
    await expect(page.locator('.mijlpalen > li:visible')).toHaveCount(await page.locator('.mijlpalen > li').count());
    await expect(page.getByRole('form', { name: 'Kalender filteren' })).toBeHidden();
  });
});

test('the coverage matrix on the home page leads to the comparison', async ({ page }) => {
  await page.goto('/');
  const matrix = page.getByRole('region', { name: 'Wie zegt wat: thema’s per verzekeraar' });
  await expect(matrix.getByRole('columnheader', { name: /CZ groep/ })).toBeVisible();
  // Two sections: its footnotes on the Green Deal no longer make "Visie op regionale samenwerking" one.
  await matrix.getByRole('link', { name: /^2 \d+ w\. ?: secties en woorden van CZ groep over Duurzaamheid$/ }).click();
  await expect(page).toHaveURL(/\/vergelijk\/duurzaamheid\/#k-cz$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Duurzaamheid vergelijken');
});

test('requirements: open a cell for the wording and its source, download the CSV', async ({ page }) => {
  await page.goto('/voorwaarden/');
  const big = page.getByRole('row', { name: /^BIG-registratie/ });
  await expect(big.getByRole('cell')).toHaveCount(3);
  await expect(big.getByRole('cell').nth(2)).toContainText('Niet genoemd door Zorg en Zekerheid');
  await big.locator('summary', { hasText: 'CZ groep, BIG-registratie' }).click();
  await expect(
    big.getByText('Het medisch en paramedisch personeel van de zorgaanbieder is BIG-geregistreerd.'),
  ).toBeVisible();
  const ubo = page.getByRole('row', { name: /^UBO/ });
  await ubo.locator('summary', { hasText: 'Zorg en Zekerheid, UBO' }).click();
  await expect(
    ubo.getByText('U brengt Zorg en Zekerheid niet op de hoogte van de Ultimate Beneficial Owner (UBO).'),
  ).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download als CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('contractvoorwaarden.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFverzekeraar,contractjaar,zorgsoort,beleid,sectie,regels,soorten,eis,link');
  expect(csv).toContain('U staat ingeschreven bij de Kamer van Koophandel (KvK).');
});

test('calendar: filter by insurer and care type, download the .ics files and read them back', async ({ page }) => {
  await page.goto('/kalender/');
  const filter = page.getByRole('form', { name: 'Kalender filteren' });
  await filter.getByLabel('Verzekeraar').selectOption('caresq');
  await expect(page.getByRole('status')).toHaveText(/^\d+ van \d+ data\.$/);
  await expect(page.locator('.mijlpalen > li:visible').filter({ hasNotText: 'Caresq' })).toHaveCount(0);
  await filter.getByLabel('Zorgsoort').selectOption('zbc');
  const signing = page.locator('.mijlpalen > li:visible').filter({ hasText: /tekendatum zorgovereenkomst/i });
  await expect(signing).toHaveCount(1);
  await expect(signing.locator('time')).toHaveAttribute('datetime', '2026-11-11');
  await expect(page.getByRole('heading', { name: 'april 2024' })).toBeHidden();
  await expect(page).toHaveURL(/\?verzekeraar=caresq&zorgsoort=zbc$/);

  const read = async (name: string | RegExp) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync((await download.path())!, 'utf8')));
    return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  };
  const all = await read('alle verzekeraars (.ics)');
  expect(
    all.some(
      (event) => event.startDate.toString() === '2026-11-11' && event.summary.startsWith('Caresq: ondertekening'),
    ),
  ).toBe(true);
  expect(
    all.some(
      (event) =>
        event.startDate.toString() === '2024-09-01' && event.summary.startsWith('CZ groep: aanmelden en offerte'),
    ),
  ).toBe(true);
  const cz = await read(/^CZ groep$/);
  expect(cz.length).toBeGreaterThan(5);
  expect(cz.every((event) => event.summary.startsWith('CZ groep'))).toBe(true);
});
