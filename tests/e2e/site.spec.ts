/** The site as a reader uses it: browse to a policy, jump through it, search and filter. */
import { expect, test } from '@playwright/test';

const CZ = '/beleid/cz-2025-msz/';

test('home → insurer → policy → table of contents', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Zorginkoop Atlas' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzekeraars' }).click();
  await page.getByRole('link', { name: 'CZ groep' }).click();
  await expect(page).toHaveURL(/\/verzekeraars\/cz\/$/);
  await expect(page.getByText('CZ, OHRA, Nationale-Nederlanden, CZdirect, Just', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Medisch-specialistische zorg' }).click();
  await expect(page).toHaveURL(new RegExp(`${CZ}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Zorginkoopbeleid Medisch-specialistische zorg 2025',
  );

  // The page whole (its stylesheet in, its enhancements run) before a link in it is clicked: a click
  // while it still laid itself out could land beside the link (1 run in 10, seen in a trace).
  await page.waitForLoadState('load');
  const toc = page.getByRole('navigation', { name: 'Inhoudsopgave' });
  await toc.getByRole('link', { name: '2.2.4 Intramurale farmacie' }).click();
  await expect(page).toHaveURL(/#2-2-4-intramurale-farmacie$/);
  const heading = page.getByRole('heading', { name: '2.2.4 Intramurale farmacie' });
  await expect(heading).toBeInViewport();
  const section = page.locator('[id="2-2-4-intramurale-farmacie"]');
  await expect(section.getByText('bron: regels 581–594')).toBeVisible();
  await expect(section.getByRole('link', { name: 'Dure geneesmiddelen' })).toBeVisible();

  // The citation opens the published text with the whole cited span marked, lines 581 to 594.
  await section.getByRole('link', { name: 'regels 581–594' }).click();
  await expect(page).toHaveURL(/\/beleid\/cz-2025-msz\/bron\/#bron-2-2-4-intramurale-farmacie$/);
  const span = page.locator(':target');
  await expect(span.locator('#r581')).toContainText('2.2.4 Intramurale farmacie');
  await expect(span.locator('li:not(.paginagrens)')).toHaveCount(14);
  const marked = await span.locator('#r594').evaluate((line) => getComputedStyle(line).backgroundColor);
  const unmarked = await page.locator('#r600').evaluate((line) => getComputedStyle(line).backgroundColor);
  expect(marked).not.toBe(unmarked);
  // And leads back to the section that cites it.
  await span.getByRole('link', { name: 'Naar de sectie “2.2.4 Intramurale farmacie”' }).click();
  await expect(page).toHaveURL(/\/beleid\/cz-2025-msz\/#2-2-4-intramurale-farmacie$/);
  await expect(heading).toBeInViewport();
});

test('the Markdown tables and lists of Caresq ZBC 2027 render as tables and lists', async ({ page }) => {
  await page.goto('/beleid/caresq-2027-zbc/#2-5-planning-en-bereikbaarheid');
  const planning = page.locator('[id="2-5-planning-en-bereikbaarheid"]');
  await expect(planning.getByRole('table').first().getByRole('columnheader', { name: 'Bereikbaarheid' })).toBeVisible();
  await expect(planning.getByRole('link', { name: 'zorginkoop@caresq.nl' })).toHaveAttribute(
    'href',
    'mailto:zorginkoop@caresq.nl',
  );
  const changes = page.locator('[id="wijzigingen-ten-opzichte-van-het-inkoopbeleid-van-2026"]');
  await expect(changes.locator('ul ul li')).toHaveCount(3);
});

test('search "biosimilars" lands on the CZ section about doelmatige inzet', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('search').first().getByRole('searchbox').fill('biosimilars');
  await page.getByRole('search').first().getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/\/zoeken\/\?q=biosimilars$/);
  const hit = page.getByRole('link', { name: /^2\.2\.4\.1 Doelmatige uitgifte en inzet/ });
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(/\/beleid\/cz-2025-msz\/\?markeer=biosimilars#2-2-4-1-doelmatige-uitgifte-en-inzet/);
  await expect(page.getByRole('heading', { name: /^2\.2\.4\.1 Doelmatige uitgifte en inzet/ })).toBeInViewport();
});

test('filter a search by insurer and by theme; the URL keeps both', async ({ page }) => {
  await page.goto('/zoeken/');
  await page.getByRole('searchbox', { name: 'Zoekterm' }).fill('zorgaanbieders');
  const status = page.getByRole('status');
  await expect(status).toContainText('secties gevonden');
  /** The number of hits once the status line has changed from `before`. */
  const countAfter = async (before: string | null) => {
    await expect(status).not.toHaveText(before ?? '');
    await expect(status).toContainText('gevonden');
    return Number((await status.textContent())!.match(/\d+/)![0]);
  };
  const allText = await status.textContent();
  const all = Number(allText!.match(/\d+/)![0]);
  // The filters are folded behind one bar, results first.
  await page.locator('#filterpaneel > summary').click();

  await page.getByRole('group', { name: 'Verzekeraar' }).getByLabel('CZ groep').check();
  await expect(page).toHaveURL(/verzekeraar=cz/);
  const cz = await countAfter(allText);
  expect(cz).toBeLessThan(all);
  const results = page.locator('#zoekresultaten > li');
  for (const where of await results.locator('p.muted').allTextContents()) expect(where).toContain('CZ groep');

  const czText = await status.textContent();
  await page.getByRole('group', { name: 'Thema' }).getByLabel('Duurzaamheid').check();
  await expect(page).toHaveURL(/verzekeraar=cz.*thema=duurzaamheid/);
  const both = await countAfter(czText);
  expect(both).toBeLessThan(cz);
  await expect(results.getByRole('link', { name: 'Verduurzamen van de zorgsector' })).toBeVisible();
  for (const where of await results.locator('p.muted').allTextContents()) expect(where).toContain('CZ groep');
});

test('"patient" without diacritics finds patiënt', async ({ page }) => {
  await page.goto('/zoeken/?q=patient');
  const marks = page.locator('#zoekresultaten mark');
  await expect(marks.first()).toBeVisible();
  expect((await marks.allTextContents()).some((text) => /patiënt/i.test(text))).toBe(true);
});

test('OCR noise is searched in its repaired form, compounds by their parts', async ({ page }) => {
  await page.goto('/zoeken/?q=IGJ&verzekeraar=caresq&jaar=2026');
  await expect(page.locator('#zoekresultaten > li').first()).toContainText('Voorwaarden zorgovereenkomst');
  await page.goto('/zoeken/?q=beleid&verzekeraar=zorg-en-zekerheid');
  await expect(page.locator('#zoekresultaten > li').first()).toBeVisible();
  await page.goto('/zoeken/?q=bemiddeling&verzekeraar=caresq');
  await expect(page.getByRole('link', { name: 'Wachtlijstbemiddeling' }).first()).toBeVisible();
});

test('a shared search URL opens with its query and filters', async ({ page }) => {
  await page.goto('/zoeken/?q=wachtlijst&verzekeraar=caresq');
  await expect(page.getByRole('searchbox', { name: 'Zoekterm' })).toHaveValue('wachtlijst');
  await expect(page.locator('.filter-aantal')).toHaveText(' (1 gekozen)');
  await page.locator('#filterpaneel > summary').click();
  await expect(page.getByRole('group', { name: 'Verzekeraar' }).getByLabel('Caresq')).toBeChecked();
  await expect(page.getByRole('group', { name: 'Verzekeraar' }).getByLabel('CZ groep')).not.toBeChecked();
  const results = page.locator('#zoekresultaten > li');
  await expect(results.first()).toBeVisible();
  for (const where of await results.locator('p.muted').allTextContents()) expect(where).toContain('Caresq');
});

test('a theme page groups the sections by insurer and links into the policy', async ({ page }) => {
  await page.goto('/themas/');
  await page.getByRole('link', { name: 'Dure geneesmiddelen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Caresq/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^CZ groep/ })).toBeVisible();
  await page.getByRole('link', { name: '2.2.4 Intramurale farmacie' }).click();
  await expect(page).toHaveURL(/\/beleid\/cz-2025-msz\/#2-2-4-intramurale-farmacie$/);
});

test('content pages work without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(CZ);
  await expect(page.getByRole('heading', { name: '2.2.4.5 Landelijke samenwerkingen' })).toBeAttached();
  await page.getByRole('navigation', { name: 'Inhoudsopgave' }).getByRole('link', { name: '3.1 Tijdpad' }).click();
  await expect(page.getByRole('heading', { name: '3.1 Tijdpad' })).toBeInViewport();
  await page.goto('/zoeken/');
  await expect(page.getByText('Zoeken werkt met JavaScript')).toBeVisible();
  await context.close();
});

test('prints the policy without navigation', async ({ page }) => {
  await page.goto(CZ);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Inhoudsopgave' })).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('heading', { name: '2.2.4 Intramurale farmacie' })).toBeVisible();
});

test('no script breaks the Content-Security-Policy', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
  await page.goto('/zoeken/?q=biosimilars');
  await expect(page.locator('#zoekresultaten > li').first()).toBeVisible();
  await page.goto(CZ);
  await page
    .getByRole('button', { name: /Kopieer link/ })
    .first()
    .waitFor();
  expect(violations).toEqual([]);
});
