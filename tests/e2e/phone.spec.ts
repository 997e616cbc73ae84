/** A 360 px phone on every page type: nothing scrolls sideways, the header stays small, targets are big enough. */
import { expect, test } from '@playwright/test';
import { PAGE_TYPES } from './page-types.ts';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

for (const [name, path] of Object.entries(PAGE_TYPES)) {
  test(`phone: ${name}`, async ({ page }) => {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'sideways scrolling').toBeLessThanOrEqual(0);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height, 'header height').toBeLessThanOrEqual(110);
    // Controls and links that stand alone: at least 44 by 44 px (links within text are exempt).
    const small = await page
      .locator(
        [
          'main button:visible, main summary:visible, main select:visible, main input[type=search]:visible',
          '.site-header summary, .chips > a:visible, .permalink:visible, .naar-boven:visible',
        ].join(', '),
      )
      .evaluateAll((elements) =>
        elements
          .map((element) => ({ element, box: element.getBoundingClientRect() }))
          .filter(({ box }) => box.height < 44 || box.width < 44)
          .map(
            ({ element, box }) =>
              `${element.outerHTML.slice(0, 80)} ${Math.round(box.width)}×${Math.round(box.height)}`,
          ),
      );
    expect(small, 'touch targets under 44 px').toEqual([]);
    // No word of a table header broken over two lines (a break after a hyphen is between words).
    const broken = await page.locator('th').evaluateAll((cells) =>
      cells.flatMap((cell) => {
        const out: string[] = [];
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of (node.textContent ?? '').matchAll(/[^\s-]+/gu)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (lines.size > 1) out.push(match[0]);
          }
        }
        return out;
      }),
    );
    expect(broken, 'words broken inside a table header').toEqual([]);
  });
}

test('phone: the menu opens without JavaScript and shows every section of the site', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(menu.getByRole('link', { name: 'Kalender' })).toBeHidden();
  await page.locator('.site-menu > summary').click();
  for (const name of ['Verzekeraars', 'Thema’s', 'Vergelijken', 'Voorwaarden', 'Kalender', 'Wijzigingen', 'Zoeken'])
    await expect(menu.getByRole('link', { name })).toBeVisible();
  await context.close();
});

test('desktop: the menu is a row of links, no "Menu" button', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('.site-menu > summary')).toBeHidden();
  await expect(
    page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kalender' }),
  ).toBeVisible();
  await context.close();
});
