/** Comparing insurers as a contract manager does: a theme side by side, requirements, the calendar. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';

const DUURZAAMHEID = '/vergelijk/duurzaamheid/';
const columnHeaders = (page: Page) => page.locator('#vergelijking thead th[data-verzekeraar]:visible');
const cell = (page: Page, row: string, insurer: string) =>
  page.locator(`#vergelijking tr[data-rij="${row}"] td[data-verzekeraar="${insurer}"]`);

test('compare like with like: choose a care type and year, hide an insurer, read each cell’s state', async ({
  page,
}) => {
  await page.goto(DUURZAAMHEID);
  // It opens on the care type and year that compare the most insurers, and says which.
  await expect(page.locator('#vergelijking caption')).toContainText('(Medisch-specialistische zorg, 2025)');
  const choice = page.getByRole('navigation', { name: 'Zorgsoort en contractjaar' });
  await choice.getByRole('link', { name: 'Ziekenvervoer' }).click();
  await expect(page).toHaveURL(/\/vergelijk\/duurzaamheid\/ziekenvervoer\/2025\/$/);
  await expect(choice.locator('[aria-current="page"]')).toHaveText(['Ziekenvervoer', '2025']);
  await expect(columnHeaders(page)).toHaveCount(3);
  // Each column names the policy it reads; Zorg en Zekerheid's general policy says it is one.
  await expect(page.getByRole('columnheader', { name: /^Caresq Ziekenvervoer 2025/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /^Zorg en Zekerheid/ })).toContainText(
    'Algemeen beleid: geen apart beleid voor Ziekenvervoer',
  );
  // The three states, in words: said (with the text), not mentioned in this policy, no policy.
  await expect(cell(page, 'csrd-rapportage', 'caresq')).toContainText('CSRD');
  await expect(cell(page, 'green-deal', 'caresq')).toContainText('Green Deal Duurzame Zorg 3.0');
  await expect(cell(page, 'mobiliteit', 'caresq')).toContainText('meer dan 100 fte');
  await expect(page.locator('#vergelijking td[data-verzekeraar="cz"]')).toHaveText(/Geen beleid voor deze zorgsoort/);
  await expect(page.locator('#vergelijking td:not(.cel-geen-beleid) .leeg').first()).toContainText(
    'Niet genoemd in dit beleid',
  );
  await expect(page.locator('.legenda')).toContainText('niet genoemd in dit beleid');

  const insurers = page.getByRole('group', { name: 'Verzekeraars' });
  await insurers.getByRole('checkbox', { name: 'CZ groep' }).uncheck();
  await expect(columnHeaders(page)).toHaveCount(2);
  await expect(page.getByRole('status')).toHaveText('Vergelijking van Caresq, Zorg en Zekerheid.');
  // The choice is in the URL, so the view can be shared; opening it restores it.
  await expect(page).toHaveURL(/\/ziekenvervoer\/2025\/\?verzekeraar=caresq&verzekeraar=zorg-en-zekerheid$/);
  await page.reload();
  await expect(columnHeaders(page)).toHaveCount(2);
  // Every cell links to its section in the policy.
  await cell(page, 'mobiliteit', 'caresq')
    .getByRole('link', { name: 'CSRD (Corporate Sustainability Reporting Directive)' })
    .click();
  await expect(page).toHaveURL(
    /\/beleid\/caresq-2025-ziekenvervoer\/#csrd-corporate-sustainability-reporting-directive$/,
  );
});

test('the comparison keeps its insurers and sub-topics in view while scrolling, on a desktop and a phone', async ({
  page,
}) => {
  for (const viewport of [
    { width: 1366, height: 800 },
    { width: 360, height: 740 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto('/vergelijk/duurzaamheid/ziekenvervoer/2025/');
    const frame = page.getByRole('region', { name: /Duurzaamheid: wat elke verzekeraar zegt/ });
    await frame.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    // Down to the last sub-topic and across to the last insurer.
    await frame.evaluate((element) => element.scrollTo(element.scrollWidth, element.scrollHeight));
    await expect.poll(() => frame.evaluate((element) => element.scrollTop)).toBeGreaterThan(300);
    const frameBox = (await frame.boundingBox())!;
    const header = (await page.getByRole('columnheader', { name: /^Zorg en Zekerheid/ }).boundingBox())!;
    const rowLabel = (await page.getByRole('rowheader', { name: 'Overig' }).boundingBox())!;
    const corner = (await page.getByRole('columnheader', { name: 'Onderwerp' }).boundingBox())!;
    // The header row sits at the top of the frame, the row labels at its left, both on screen.
    expect(Math.abs(header.y - frameBox.y)).toBeLessThan(2);
    expect(Math.abs(corner.x - frameBox.x)).toBeLessThan(2);
    expect(Math.abs(rowLabel.x - frameBox.x)).toBeLessThan(2);
    expect(header.y).toBeGreaterThan(-2);
    expect(frameBox.y + frameBox.height).toBeLessThanOrEqual(viewport.height + 1);
    // A sub-topic's label in the middle of the table is covered by nothing once scrolled to.
    const label = page.getByRole('rowheader', { name: 'CSRD en rapportage' });
    await label.scrollIntoViewIfNeeded();
    const box = (await label.boundingBox())!;
    const onTop = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('th')?.textContent?.trim(),
      { x: box.x + 5, y: box.y + box.height / 2 },
    );
    expect(onTop).toBe('CSRD en rapportage');
  }
});

test('download a comparison as CSV, with the state of each cell', async ({ page }) => {
  await page.goto('/vergelijk/duurzaamheid/ziekenvervoer/2025/');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download als CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('duurzaamheid-ziekenvervoer-2025.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe(
    '\uFEFFthema,zorgsoort,contractjaar,onderwerp,verzekeraar,staat,gelezen uit,beleid,sectie,regels,tekst,link',
  );
  expect(csv).toContain('geen beleid voor deze zorgsoort');
  expect(csv).toContain('niet genoemd in dit beleid');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the comparison shows every insurer, and every care type and year is a link away', async ({ page }) => {
    await page.goto(DUURZAAMHEID);
    await expect(page.getByRole('group', { name: 'Verzekeraars' })).toBeHidden();
    await expect(columnHeaders(page)).toHaveCount(3);
    await expect(cell(page, 'co2-route', 'cz')).toContainText('met 30% in 2026');
    await expect(cell(page, 'afval-grondstoffen', 'cz')).toContainText('minimaal 25% in 2026');
    await expect(cell(page, 'csrd-rapportage', 'zorg-en-zekerheid')).toContainText('CSRD');
    await page
      .getByRole('navigation', { name: 'Zorgsoort en contractjaar' })
      .getByRole('link', { name: 'Zelfstandige behandelcentra (2027)' })
      .click();
    await expect(page).toHaveURL(/\/vergelijk\/duurzaamheid\/zbc\/2027\/$/);
    await expect(page.getByRole('columnheader', { name: /^Caresq Zelfstandige behandelcentra 2027/ })).toBeVisible();
    await expect(cell(page, 'csrd-rapportage', 'caresq')).toHaveText(/Niet genoemd in dit beleid/);
    await expect(cell(page, 'csrd-rapportage', 'caresq')).toContainText('Zelfstandige behandelcentra 2027');
  });

  test('the calendar shows every date', async ({ page }) => {
    await page.goto('/kalender/');
    await expect(page.locator('.mijlpalen > li:visible')).toHaveCount(await page.locator('.mijlpalen > li').count());
    await expect(page.getByRole('form', { name: 'Kalender filteren' })).toBeHidden();
  });
});

test('a coverage cell on the home page opens the comparison at that insurer’s column', async ({ page }) => {
  await page.goto('/');
  const matrix = page.getByRole('region', { name: 'Wie zegt wat: thema’s per verzekeraar' });
  await expect(matrix.locator('caption')).toContainText('Medisch-specialistische zorg, contractjaar 2025');
  await expect(matrix.getByRole('columnheader', { name: /CZ groep/ })).toBeVisible();
  await expect(matrix.getByRole('cell', { name: /Geen beleid voor deze zorgsoort/ })).toHaveCount(1);
  // Two sections: its footnotes on the Green Deal no longer make "Visie op regionale samenwerking" one.
  await matrix.getByRole('link', { name: /^2 \d+ w\. ?: secties en woorden van CZ groep over Duurzaamheid$/ }).click();
  await expect(page).toHaveURL(/\/vergelijk\/duurzaamheid\/msz\/2025\/#k-cz$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Duurzaamheid vergelijken');
  await expect(page.getByRole('columnheader', { name: /^CZ groep/ })).toBeInViewport();
});

test('requirements: open a cell for the wording and its source, download the CSV', async ({ page }) => {
  await page.goto('/voorwaarden/');
  const big = page.getByRole('row', { name: /^BIG-registratie/ });
  // One column per insurer and care type, each cell one of three states in words.
  await expect(big.getByRole('cell')).toHaveCount(5);
  await expect(page.getByRole('columnheader', { name: 'Ziekenvervoer 2025' })).toBeVisible();
  await expect(big.getByRole('cell').nth(2)).toHaveText(
    /Caresq, Ziekenvervoer 2025: BIG-registratie niet genoemd in dit beleid/,
  );
  await expect(big.getByRole('cell').nth(4)).toHaveText(/Zorg en Zekerheid, .* niet genoemd in dit beleid/);
  await expect(page.locator('.legenda')).toContainText('geen lijst met eisen gevonden in dit beleid');
  await big.locator('summary', { hasText: 'CZ groep, Medisch-specialistische zorg 2025, BIG-registratie' }).click();
  await expect(
    big.getByText('Het medisch en paramedisch personeel van de zorgaanbieder is BIG-geregistreerd.'),
  ).toBeVisible();
  const ubo = page.getByRole('row', { name: /^UBO/ });
  await ubo.locator('summary', { hasText: /Zorg en Zekerheid, .*, UBO/ }).click();
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

test('calendar timeline: a column per month, today’s line, and columns that follow the filter', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2025-06-15T10:00:00'));
  await page.goto('/kalender/');
  const timeline = page.getByRole('region', { name: /^Tijdlijn: aantal data per maand/ });
  await expect(timeline).toBeVisible();
  // Today's line sits in June 2025, between the column of May and that of July.
  const line = page.locator('#tijdlijn-nu');
  await expect(line).toBeAttached();
  const x = Number(await line.getAttribute('x1'));
  const column = async (month: string) =>
    Number(await page.locator(`g[data-maand="${month}"] text.tijdlijn__label`).getAttribute('x'));
  expect(x).toBeGreaterThan(await column('2025-05'));
  expect(x).toBeLessThan(await column('2025-07'));
  await expect(page.locator('#tijdlijn-vandaag')).toHaveText('De rode lijn is vandaag, 15 juni 2025.');
  await expect(line).toBeInViewport();
  // A month's column is a link to that month in the list.
  const november = timeline.getByRole('link', { name: /^november 2026: \d+ data?$/ });
  const before = await november.getAttribute('aria-label');
  await november.click();
  await expect(page).toHaveURL(/#m-2026-11$/);
  await expect(page.getByRole('heading', { name: 'november 2026' })).toBeInViewport();
  // Filtered to CZ, which has no date in November 2026: the column empties.
  await page.getByRole('form', { name: 'Kalender filteren' }).getByLabel('Verzekeraar').selectOption('cz');
  await expect(timeline.locator('g[data-maand="2026-11"] a')).toHaveAttribute('aria-label', 'november 2026: 0 data');
  expect(before).not.toBe('november 2026: 0 data');

  // After the last date, the page says so instead of drawing a line.
  await page.clock.setFixedTime(new Date('2031-01-01T10:00:00'));
  await page.reload();
  await expect(page.locator('#tijdlijn-vandaag')).toHaveText(
    'Vandaag, 1 januari 2031, ligt na de laatste datum van de tijdlijn.',
  );
  await expect(page.locator('#tijdlijn-nu')).toHaveCount(0);
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
  // The download follows the filter.
  const selection = page.getByRole('link', { name: /^Deze selectie in je agenda/ });
  await expect(selection).toHaveText('Deze selectie in je agenda: Caresq, Zelfstandige behandelcentra (.ics)');
  await expect(selection).toHaveAttribute('href', '/kalender/caresq/zbc.ics');

  const read = async (name: string | RegExp) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync((await download.path())!, 'utf8')));
    return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  };
  const all = await read('alle verzekeraars (.ics)');
  expect(
    all.some(
      (event) =>
        event.startDate.toString() === '2026-11-11' &&
        event.summary.startsWith('Caresq, Zelfstandige behandelcentra 2027: ondertekening'),
    ),
  ).toBe(true);
  expect(
    all.some(
      (event) =>
        event.startDate.toString() === '2024-09-01' &&
        event.summary.startsWith('CZ groep, Medisch-specialistische zorg 2025: aanmelden en offerte'),
    ),
  ).toBe(true);
  const cz = await read(/^CZ groep$/);
  expect(cz.length).toBeGreaterThan(5);
  expect(cz.every((event) => event.summary.startsWith('CZ groep'))).toBe(true);

  // One insurer and care type, and one date on its own, each with its reminder a week before.
  await page.getByText('Per verzekeraar en zorgsoort (.ics)').click();
  const zbc = await read(/^Zelfstandige behandelcentra$/);
  expect(zbc.length).toBeGreaterThan(0);
  expect(zbc.every((event) => event.summary.startsWith('Caresq, Zelfstandige behandelcentra 2027: '))).toBe(true);
  const one = await read(/^Zet in agenda ?: Caresq, Zelfstandige behandelcentra 2027: ondertekening/);
  expect(one).toHaveLength(1);
  expect(one[0]!.startDate.toString()).toBe('2026-11-11');
  const alarm = one[0]!.component.getFirstSubcomponent('valarm')!;
  expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
  expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-PT159H');
});

test('a long passage shows its start in the cell, and "Lees verder" opens the rest in its policy', async ({ page }) => {
  await page.goto('/vergelijk/duurzaamheid/');
  const more = page.locator('#vergelijking .passages', { has: page.locator('.verder') }).first();
  await expect(more.locator('p:not(.bron):not(.verder), li').last()).toHaveText(/…$/u);
  const href = await more.locator('.bron a').getAttribute('href');
  await more
    .locator('.verder')
    .getByRole('link', { name: /^Lees verder\s?: Verduurzamen/u })
    .click();
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}$`, 'u'));
  await expect(page.locator(':target')).toBeInViewport();
});
