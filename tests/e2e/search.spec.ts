/** Search as a contract manager uses it: every hit reachable, honest fallbacks, filters on demand, order, scope. */
import { expect, type Page, test } from '@playwright/test';
import { HOSTILE_PORT } from './playwright.config.ts';

const fixture = `http://localhost:${HOSTILE_PORT}`;
const status = (page: Page) => page.getByRole('status');
const results = (page: Page) => page.locator('#zoekresultaten > li');

test('a broad query pages past the first 20 hits to the last one, the count true throughout', async ({ page }) => {
  await page.goto('/zoeken/?q=zorg');
  await expect(status(page)).toHaveText(/^\d+ secties gevonden, 20 getoond\.$/);
  const total = Number((await status(page).textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThan(60);
  const more = page.getByRole('button', { name: /Toon meer resultaten/ });
  for (let shown = 20; shown < total; shown += 20) {
    await expect(more).toHaveText(`Toon meer resultaten (nog ${total - shown})`);
    await more.click();
    await expect(status(page)).toHaveText(
      Math.min(total, shown + 20) < total
        ? `${total} secties gevonden, ${shown + 20} getoond.`
        : `${total} secties gevonden.`,
    );
  }
  await expect(more).toBeHidden();
  // Every section is on the page: as a result of its own, or as another year of one.
  await expect(page.locator('#zoekresultaten > li h2 a, #zoekresultaten .ook-in a')).toHaveCount(total);
  const last = results(page).last();
  await last.scrollIntoViewIfNeeded();
  await expect(last.getByRole('link').first()).toBeInViewport();
});

test('"Toon meer" clicked again while its page still loads shows the next page, every hit once', async ({ page }) => {
  // Slow fragments keep a page loading long enough for the reader's clicks to land during it.
  await page.route('**/*.pf_fragment', async (route) => {
    await new Promise((done) => setTimeout(done, 150));
    await route.continue();
  });
  const hrefs = () =>
    page.locator('#zoekresultaten > li h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  await page.goto('/zoeken/?q=zorg');
  await expect(status(page)).toHaveText(/^\d+ secties gevonden, 20 getoond\.$/);
  const more = page.locator('#meer-resultaten');
  await more.evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(status(page)).toHaveText(/, 60 getoond\.$/);
  const listed = await hrefs();
  expect(listed.length).toBeGreaterThan(40);
  expect(new Set(listed).size).toBe(listed.length);
});

test('no exact match: a labelled fallback on fewer words; a word found nowhere: no results', async ({ page }) => {
  await page.goto('/zoeken/?q=CZ+machtiging+taxi+2025');
  const notice = page.locator('#zoekuitleg');
  await expect(notice).toContainText('Geen sectie bevat alle woorden');
  await expect(notice).toContainText('zonder ‘CZ’');
  await expect(results(page).first()).toBeVisible();
  for (const nonsense of ['xyzzy', 'qwerty']) {
    await page.goto(`/zoeken/?q=${nonsense}`);
    await expect(status(page)).toHaveText('Geen resultaten.');
    await expect(notice).toHaveText(`‘${nonsense}’ komt in geen enkel beleid voor.`);
    await expect(results(page)).toHaveCount(0);
  }
  // A nonsense word beside real ones is left out, and said to be.
  await page.goto('/zoeken/?q=kavels+xyzzy');
  await expect(notice).toContainText('‘xyzzy’ komt in geen enkel beleid voor; gezocht is op de andere woorden.');
  await expect(results(page).first()).toContainText('Zorgomzet en kavels');
});

test('a compound the section does not use is searched as its parts; a heading path joins parent and child', async ({
  page,
}) => {
  await page.goto('/zoeken/?q=zorgomzetplafond+kavels');
  await expect(page.locator('#zoekuitleg')).toContainText('‘zorgomzetplafond’ is gezocht als ‘zorgomzet plafond’');
  await expect(results(page).first().getByRole('heading')).toHaveText('2.2.3.1 Zorgomzet en kavels');
  await page.goto('/zoeken/?q=Egidius+prostaatkanker');
  await expect(results(page).first().getByRole('heading')).toHaveText('Prostaatkanker en maag/slokdarmkanker');
});

test('the page a hit opens marks the searched words in the section, in view', async ({ page }) => {
  await page.goto('/zoeken/?q=kavels');
  await results(page).first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/beleid\/cz-2025-msz\/\?markeer=kavels#2-2-3-1-zorgomzet-en-kavels$/);
  const section = page.locator('[id="2-2-3-1-zorgomzet-en-kavels"]');
  const marks = section.locator('mark.gezocht');
  await expect(marks.first()).toBeInViewport();
  expect((await marks.allTextContents()).map((text) => text.toLowerCase())).toContain('kavels');
  // Only that section: the rest of the policy is unmarked.
  expect(await page.locator('mark.gezocht').count()).toBe(await marks.count());
});

test('filters load when opened, not with the page; values without hits are left out', async ({ page }) => {
  const filterFiles: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/filter/')) filterFiles.push(request.url());
  });
  await page.goto('/zoeken/?q=tinnitus');
  await expect(status(page)).toHaveText(/^\d+ secties? gevonden\.$/);
  const total = (await status(page).textContent())!.match(/\d+/)![0];
  expect(filterFiles).toEqual([]);
  await expect(page.getByRole('group', { name: 'Thema' })).toBeHidden();
  await page.locator('#filterpaneel > summary').click();
  const insurers = page.getByRole('group', { name: 'Verzekeraar' });
  // Tinnitus is CZ's alone.
  await expect(insurers.locator('[data-count-for="verzekeraar:cz"]')).toHaveText(total);
  expect(filterFiles.length).toBeGreaterThan(0);
  await expect(insurers.getByLabel('CZ groep')).toBeVisible();
  await expect(insurers.getByLabel('Caresq')).toBeHidden();
});

test('sort by year, newest first, and hits of other years grouped with their section', async ({ page }) => {
  await page.goto(`${fixture}/zoeken/?q=zorgaanbieders`);
  await expect(status(page)).toContainText('secties gevonden');
  await expect(page.locator('.ook-in').first()).toContainText(/Ook in 20\d\d/);
  await page.getByLabel('Volgorde').selectOption('jaar');
  await expect(page).toHaveURL(/volgorde=jaar/);
  const more = page.getByRole('button', { name: /Toon meer resultaten/ });
  // Hidden as the order changes, back with the first page in the new order.
  await expect(more).toBeVisible();
  await expect(results(page).first().locator('p.muted')).toContainText('2027');
  while (await more.isVisible()) {
    const before = (await status(page).textContent()) ?? '';
    await more.click();
    await expect(status(page)).not.toHaveText(before);
  }
  const years = (await results(page).locator('p.muted').allTextContents()).map((text) => Number(text.slice(-4)));
  expect(years.length).toBeGreaterThan(20);
  expect(years).toEqual([...years].sort((a, b) => b - a));
});

test('search within one policy from its page, and widen it again', async ({ page }) => {
  await page.goto('/beleid/cz-2025-msz/');
  const form = page.getByRole('search', { name: 'Zoeken in dit beleid' });
  await form.getByRole('searchbox').fill('zorgaanbieders');
  await form.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/\/zoeken\/\?/);
  const params = new URL(page.url()).searchParams;
  expect([params.get('q'), params.get('beleid')]).toEqual(['zorgaanbieders', 'cz-2025-msz']);
  await expect(page.locator('#binnen-beleid')).toContainText(
    'Gezocht binnen één beleid: CZ groep · Medisch-specialistische zorg 2025',
  );
  await expect(results(page).first()).toBeVisible();
  for (const where of await results(page).locator('p.muted').allTextContents()) expect(where).toContain('CZ groep');
  // The status says the count once the search is done (before that it says it is searching).
  const count = async () => Number((await status(page).textContent())?.match(/\d+/)?.[0] ?? Number.NaN);
  await expect(status(page)).toHaveText(/\d+ secties? gevonden/u);
  const within = await count();
  await page.getByRole('link', { name: 'zoek in al het beleid' }).click();
  await expect.poll(count).toBeGreaterThan(within);
});
