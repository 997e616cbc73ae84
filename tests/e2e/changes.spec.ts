/** Diffs and the change log as a reader uses them. */
import { expect, test } from '@playwright/test';
import { paths } from '../../src/core/routes.ts';
import { axeViolations } from './axe.ts';
import { HOSTILE_PORT } from './playwright.config.ts';

const fixture = `http://localhost:${HOSTILE_PORT}`;
const VERSIONS = `${fixture}/wijzigingen/zorg-en-zekerheid/algemeen/2025-2026/`;

test('a version diff: summary, switch inline / side by side, jump to the next change', async ({ page }) => {
  await page.goto(`${fixture}/beleid/zorg-en-zekerheid-2026-algemeen/`);
  await page.getByRole('link', { name: '2025 → 2026' }).click();
  await expect(page).toHaveURL(VERSIONS);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Zorg en Zekerheid: Algemeen zorginkoopbeleid 2025 → 2026',
  );
  await expect(page.locator('.samenvatting')).toContainText('1 verplaatst');

  const moved = page.locator('article.wijziging', { hasText: 'Wat verstaat Zorg en Zekerheid onder integriteit?' });
  await expect(moved.getByRole('heading', { level: 3 })).toContainText('Verplaatst');
  const renumbered = page.locator('article.wijziging', {
    has: page.getByRole('heading', { name: /4\.4 Digitale zorg/ }),
  });
  await expect(renumbered).toContainText('(hernummerd)');
  await expect(page.locator('article.wijziging', { hasText: 'Hoe ziet de planning eruit?' })).toContainText(
    'Niet vermeld in de wijzigingenlijst',
  );

  const passende = page.locator('article.wijziging', {
    has: page.getByRole('heading', { name: /3\.2 Passende zorg/ }),
  });
  await expect(passende.locator('ins', { hasText: 'Welzijnsakkoord (AZWA)' })).toBeVisible();
  await expect(passende).toContainText('Vermeld in de wijzigingenlijst');

  // Jump from change to change.
  const first = page.locator('article.wijziging').first();
  await first.getByRole('link', { name: 'Volgende wijziging ↓' }).click();
  const second = page.locator('article.wijziging').nth(1);
  await expect(page).toHaveURL(new RegExp(`#${await second.getAttribute('id')}$`));
  await expect(second).toBeInViewport();

  // The view switches in place: the same page, the choice kept in the address.
  await page.getByRole('radio', { name: 'naast elkaar' }).check();
  await expect(page).toHaveURL(new RegExp(`^${VERSIONS}\\?weergave=naast-elkaar(#|$)`));
  const side = page.locator('article.wijziging', { has: page.getByRole('heading', { name: /3\.2 Passende zorg/ }) });
  await expect(side.locator('.redline--naast .rij__kant--oud').first()).toBeVisible();
  await expect(side.locator('.redline:not(.redline--naast)')).toBeHidden();
  await expect(side.locator('.redline-kop')).toHaveText('20252026');
  await expect(side.locator('.rij__kant--oud ins')).toHaveCount(0);
  await expect(side.locator('.rij__kant--nieuw del')).toHaveCount(0);
  await expect(side.locator('.rij__kant--nieuw ins', { hasText: 'Welzijnsakkoord (AZWA)' })).toBeVisible();
  // And back, without reloading.
  await page.getByRole('radio', { name: 'in de tekst' }).check();
  await expect(page).not.toHaveURL(/weergave=/u);
  await expect(
    passende.locator('.redline:not(.redline--naast) ins', { hasText: 'Welzijnsakkoord (AZWA)' }),
  ).toBeVisible();
  await expect(side.locator('.redline--naast')).toBeHidden();
});

test('a diff page without JavaScript reads inline, with no switch that cannot work', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${VERSIONS}?weergave=naast-elkaar`);
  await expect(page.locator('ins', { hasText: 'Welzijnsakkoord (AZWA)' }).first()).toBeVisible();
  await expect(page.getByRole('radio', { name: 'naast elkaar' })).toBeHidden();
  await context.close();
});

test('the change log: filter, then follow an entry to its section', async ({ page }) => {
  await page.goto('/wijzigingen/');
  const status = page.getByRole('status');
  await expect(status).toContainText('van');
  await page.getByLabel('Verzekeraar').selectOption('cz');
  await expect(page).toHaveURL(/verzekeraar=cz/);
  const visible = page.locator('#wijzigingenlijst > li:visible');
  await expect(visible.first()).toContainText('CZ groep 2025');
  for (const text of await visible.locator('p.muted').first().allTextContents()) expect(text).toContain('CZ groep');
  const entry = visible.filter({ hasText: 'De datum voor de indiening van de offertes is verschoven' });
  await entry.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/beleid\/cz-2025-msz\/#/);
  const target = page.locator(':target');
  await expect(target).toBeInViewport();
});

test('the change log groups what the text shows per version, and its filter reaches into a group', async ({ page }) => {
  await page.goto(`${fixture}/wijzigingen/`);
  const group = page.locator('#wijzigingenlijst > li.gevonden', { hasText: 'Zorg en Zekerheid 2026' });
  await expect(group.getByRole('heading', { level: 2 })).toHaveText(/^\d+ secties veranderd ten opzichte van 2025$/u);
  await expect(group.getByRole('heading', { level: 2 }).getByRole('link')).toHaveAttribute(
    'href',
    new URL(VERSIONS).pathname,
  );
  const all = await group.locator('li[data-thema]').count();
  expect(all).toBeGreaterThan(1);
  await page.getByLabel('Thema').selectOption('passende-zorg');
  const shown = group.locator('li[data-thema]:visible');
  await expect(shown.first()).toBeVisible();
  expect(await shown.count()).toBeLessThan(all);
  for (const themes of await shown.evaluateAll((items) => items.map((item) => item.getAttribute('data-thema'))))
    expect(themes!.split(' ')).toContain('passende-zorg');
  // A group with nothing left goes whole.
  await page.getByLabel('Verzekeraar').selectOption('dsw');
  await expect(group).toBeHidden();
  // An entry opens the change on its version's diff page.
  await page.getByLabel('Verzekeraar').selectOption('zorg-en-zekerheid');
  await shown.first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`^${VERSIONS}#w`));
});

test('an insurer through the years: Caresq passende zorg lost "1 op de 4 werknemers"', async ({ page }) => {
  await page.goto('/verzekeraars/caresq/');
  await page.getByRole('link', { name: 'Het beleid door de jaren' }).click();
  await page.getByRole('navigation', { name: 'Onderwerpen' }).getByRole('link', { name: 'Passende zorg' }).click();
  await expect(page).toHaveURL(/\/verzekeraars\/caresq\/geschiedenis\/passende-zorg\/$/);
  const step = page.locator('section.vergelijking', {
    has: page.getByRole('heading', { level: 2, name: /2026 → Zelfstandige behandelcentra 2027/ }),
  });
  const passende = step
    .locator('article.wijziging', { has: page.getByRole('heading', { level: 3, name: /Passende zorg$/ }) })
    .first();
  await expect(passende.locator('del', { hasText: '1 op de 4 werknemers' })).toBeVisible();
  await expect(step.locator('ins', { hasText: 'AZWA' }).first()).toBeVisible();
});

test('a search spans every shard of a split index: VECOZO in both years of Zorg en Zekerheid', async ({ page }) => {
  // The fixture site's index is in several shards (tests/e2e/build-hostile-site.ts).
  await page.goto(`${fixture}/zoeken/`);
  await page.getByRole('searchbox', { name: 'Zoekterm' }).fill('vecozo');
  // Two sections, each the same text in 2025 and 2026: one result each, opening 2026, with
  // "Zelfde tekst in 2025".
  await expect(page.getByRole('status')).toHaveText('2 secties gevonden.');
  const links = page.locator('#zoekresultaten > li a');
  await expect(links).toHaveCount(4);
  await expect(page.locator('#zoekresultaten > li')).toHaveCount(2);
  await expect(page.locator('#zoekresultaten > li .zelfde-tekst').first()).toHaveText('Zelfde tekst in 2025');
  await expect(page.locator('#zoekresultaten > li h2 a').first()).toHaveAttribute(
    'href',
    /zorg-en-zekerheid-2026-algemeen/u,
  );
  const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
  const of = (id: string) => hrefs.filter((href) => href?.startsWith(`/beleid/${id}/?markeer=vecozo#`));
  expect(of('zorg-en-zekerheid-2025-algemeen')).toHaveLength(2);
  expect(of('zorg-en-zekerheid-2026-algemeen')).toHaveLength(2);
  // The filter counts add up over the shards too.
  await page.locator('#filterpaneel > summary').click();
  await expect(page.locator('[data-count-for="jaar:2025"]')).toHaveText('2');
  await expect(page.locator('[data-count-for="jaar:2026"]')).toHaveText('2');
});

test('the Atom feed lists the changes', async ({ request }) => {
  const response = await request.get('/wijzigingen/caresq/feed.xml');
  expect(response.ok()).toBe(true);
  const xml = await response.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml).toContain('Caresq 2027');
  expect((xml.match(/<entry>/g) ?? []).length).toBeGreaterThan(5);
});

for (const [name, url] of [
  ['change log', '/wijzigingen/'],
  ['insurer change log', '/wijzigingen/caresq/'],
  ['history', '/verzekeraars/caresq/geschiedenis/'],
  ['history side by side', '/verzekeraars/caresq/geschiedenis/?weergave=naast-elkaar'],
  ['version diff', VERSIONS],
  ['version diff side by side', `${VERSIONS}?weergave=naast-elkaar`],
] as const) {
  test(`axe: ${name}`, async ({ page }) => {
    await page.goto(url);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('stated changes are shown whole: an item that introduces others comes with them, on every page and in the feed', async ({
  page,
  request,
}) => {
  await page.goto(paths.home);
  const newest = page.locator('h2:has-text("Nieuwste wijzigingen") + ul.results > li');
  const leadIn = newest.filter({ hasText: 'Aan paragraaf 2.3 zijn de volgende voorwaarden toegevoegd:' });
  await expect(leadIn.locator('ul > li')).toHaveCount(3);
  for (const item of await newest.all()) {
    const text = (await item.locator(':scope > p').nth(1).textContent())!.trim();
    if (text.endsWith(':')) expect(await item.locator('ul > li').count(), `the items of "${text}"`).toBeGreaterThan(0);
  }
  await page.goto(paths.changes);
  const texts = await page.locator('#wijzigingenlijst > li > h2 + p').allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.filter((text) => text.trim().endsWith(':'))).toEqual([]);
  const feed = await (await request.get(paths.changesFeed)).text();
  expect(feed).not.toMatch(/toegevoegd aan het inkoopbeleid:\s*</u);
});

test('a redline: a legend with the years, changes marked in the margin, unchanged text folded and opened on demand', async ({
  page,
}) => {
  await page.goto(VERSIONS);
  const step = page.locator('section.vergelijking').first();
  await expect(step.locator('.redline-legenda')).toContainText('groen: toegevoegd in 2026');
  await expect(step.locator('.redline-legenda')).toContainText('rood: verwijderd ten opzichte van 2025');
  // Versions of one policy: no warning that two different documents are compared.
  await expect(step.getByText('twee verschillende beleidsdocumenten')).toHaveCount(0);
  // A changed paragraph carries a bar in the margin and says so in words.
  const changed = step.locator('.rij--changed').first();
  await expect(changed).toBeVisible();
  expect(await changed.evaluate((row) => getComputedStyle(row).borderLeftWidth)).toBe('4px');
  await expect(changed.locator('.visually-hidden')).toHaveText('(gewijzigd) ');
  // A status badge and its heading do not run together, for the eye or for a screen reader.
  const heading = step.locator('article.wijziging h3').first();
  expect(await heading.textContent()).toMatch(/^\s*(Gewijzigd|Toegevoegd|Verwijderd|Verplaatst): \s*\S/u);

  // Unchanged sections are one folded line; opening one shows its text, from the policy's page.
  const missionSummary = page.locator('summary', { hasText: '2.1 Onze missie' });
  const run = step.locator('details.ongewijzigd--secties', { has: missionSummary });
  const mission = run.locator('details.ongewijzigde-sectie', { has: missionSummary });
  await expect(mission).toBeHidden();
  await run.locator('> summary').click();
  await mission.locator('summary').click();
  const text = mission.locator('.ongewijzigde-sectie__tekst');
  await expect(text).toBeVisible();
  // The very text of the section on the policy's own page, lines cited and all.
  const policy = await page.context().newPage();
  await policy.goto(new URL((await mission.getAttribute('data-sectie'))!, fixture).href);
  const original = await policy.locator('[id="2-1-onze-missie"]').evaluate((section) =>
    [...section.children]
      .filter((child) => !child.matches('.sectie__kop, .chips'))
      .map((child) => child.textContent)
      .join(''),
  );
  await policy.close();
  expect(original.trim().length).toBeGreaterThan(40);
  expect((await text.textContent())!.replace(/\s+/gu, ' ').trim()).toBe(original.replace(/\s+/gu, ' ').trim());
});

test('side by side, old and new paragraphs stand in one row', async ({ page }) => {
  await page.goto(`${VERSIONS}?weergave=naast-elkaar`);
  const row = page.locator('.redline--naast .rij--changed').first();
  const [oldSide, newSide] = [row.locator('.rij__kant--oud'), row.locator('.rij__kant--nieuw')];
  const [oldBox, newBox] = [(await oldSide.boundingBox())!, (await newSide.boundingBox())!];
  expect(Math.abs(oldBox.y - newBox.y)).toBeLessThan(1);
  expect(newBox.x).toBeGreaterThan(oldBox.x + oldBox.width - 1);
  await expect(oldSide.locator('ins')).toHaveCount(0);
  await expect(newSide.locator('del')).toHaveCount(0);
});

test('a step between two different documents says so at the top', async ({ page }) => {
  await page.goto('/verzekeraars/caresq/geschiedenis/');
  await expect(page.locator('section.vergelijking').first().locator('.let-op').first()).toContainText(
    'twee verschillende beleidsdocumenten (Ziekenvervoer 2025 en Categorale instellingen 2026)',
  );
});

test('compare any two of an insurer’s policies, on one subject or whole, from its history page', async ({ page }) => {
  await page.goto('/verzekeraars/caresq/geschiedenis/');
  const form = page.getByRole('form', { name: 'Vergelijk twee versies' });
  await form.getByRole('group', { name: 'Van' }).getByLabel('Ziekenvervoer 2025').check();
  await form.getByRole('group', { name: 'Naar' }).getByLabel('Zelfstandige behandelcentra 2027').check();
  await form.getByLabel('Onderwerp').selectOption('duurzaamheid');
  await form.getByRole('button', { name: 'Vergelijk' }).click();
  await expect(page.locator('#twee-versies-status')).toHaveText(
    /^Ziekenvervoer 2025 → Zelfstandige behandelcentra 2027 \(Duurzaamheid\): \d+ wijzigingen?\.$/,
  );
  const result = page.getByRole('region', {
    name: 'Ziekenvervoer 2025 → Zelfstandige behandelcentra 2027: Duurzaamheid',
  });
  await expect(result.locator('.let-op')).toContainText('twee verschillende beleidsdocumenten');
  await expect(result.locator('article.wijziging').first()).toBeVisible();
  await expect(result.locator('.rij').first()).toBeVisible();
  // The page's view switch applies to what was made in the browser too.
  await page.getByRole('radio', { name: 'naast elkaar' }).check();
  await expect(result.locator('.redline--naast .rij__kant--nieuw').first()).toBeVisible();
  await page.getByRole('radio', { name: 'in de tekst' }).check();
  // Only sections on the subject.
  await expect(page).toHaveURL(/\?van=caresq-2025-ziekenvervoer&naar=caresq-2027-zbc&thema=duurzaamheid$/);
  // The choice is a link: opened again, the same comparison.
  await page.reload();
  await expect(page.locator('#twee-versies-status')).toContainText('Zelfstandige behandelcentra 2027 (Duurzaamheid)');
  await form.getByRole('group', { name: 'Naar' }).getByLabel('Ziekenvervoer 2025').check();
  await form.getByRole('button', { name: 'Vergelijk' }).click();
  await expect(page.locator('#twee-versies-status')).toHaveText('Kies twee verschillende versies.');
});

test('two versions of one policy compared in the browser match their own page, which is linked', async ({ page }) => {
  await page.goto(
    `${fixture}/verzekeraars/zorg-en-zekerheid/geschiedenis/` +
      '?van=zorg-en-zekerheid-2025-algemeen&naar=zorg-en-zekerheid-2026-algemeen',
  );
  const result = page.locator('#twee-versies-uitkomst');
  const passende = result.locator('article.wijziging', {
    has: page.getByRole('heading', { name: /3\.2 Passende zorg/ }),
  });
  await expect(passende.locator('ins', { hasText: 'Welzijnsakkoord (AZWA)' })).toBeVisible();
  const inBrowser = await result.locator('article.wijziging h3').allTextContents();
  await result.getByRole('link', { name: 'Open deze vergelijking als eigen pagina' }).click();
  await expect(page).toHaveURL(VERSIONS);
  const onPage = await page.locator('section.vergelijking article.wijziging h3').allTextContents();
  const squash = (texts: string[]) => texts.map((text) => text.replace(/\s+/gu, ' ').trim());
  expect(squash(inBrowser)).toEqual(squash(onPage));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the history page shows each policy against the one before it, and no form that cannot work', async ({
    page,
  }) => {
    await page.goto('/verzekeraars/caresq/geschiedenis/');
    await expect(page.getByRole('form', { name: 'Vergelijk twee versies' })).toBeHidden();
    await expect(page.locator('section.vergelijking')).toHaveCount(2);
    // An unchanged section is a link to it, one line in its folded run.
    await page.goto(VERSIONS);
    const run = page.locator('details.ongewijzigd--secties', { hasText: '2.1 Onze missie' });
    await run.locator('> summary').click();
    await run.getByRole('link', { name: '2.1 Onze missie' }).click();
    await expect(page).toHaveURL(/\/beleid\/zorg-en-zekerheid-2026-algemeen\/#2-1-onze-missie$/);
  });
});
