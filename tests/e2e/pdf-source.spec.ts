/** A PDF policy on the site: every citation names its page and lands on its words in the text layer. */
import { expect, test } from '@playwright/test';
import { HOSTILE_PORT } from './playwright.config.ts';

const base = `http://localhost:${HOSTILE_PORT}`;

test('a section of a PDF policy cites its page and lines, and the citation opens those lines of the text layer', async ({
  page,
}) => {
  await page.goto(`${base}/beleid/vgz-2027-wlz-vv/`);
  const section = page.locator('section.sectie', { has: page.getByRole('heading', { name: /Doel van dit beleid/ }) });
  const citation = section.locator('p.bron a');
  await expect(citation).toHaveText(/^p\. 3, regels \d+–\d+$/);
  // The footnote printed at the page's foot is shown with its section.
  await expect(section.locator('ol.voetnoten li')).toContainText('Zie de website van de Nederlandse Zorgautoriteit');
  const [, first, last] = (await citation.textContent())!.match(/regels (\d+)–(\d+)/)!.map(Number);
  await citation.click();
  await expect(page).toHaveURL(/\/beleid\/vgz-2027-wlz-vv\/bron\/#bron-/);
  // The whole cited span is the target, its first line the heading, its last line the span's end.
  const span = page.locator(':target');
  await expect(span.locator(`#r${first}`)).toContainText('1.1 Doel van dit beleid');
  await expect(span.locator('li:not(.paginagrens)')).toHaveCount(last! - first! + 1);
  await expect(span.locator(`#r${last}`)).toBeVisible();
  // Page breaks of the PDF are marked, each page before its first line.
  await expect(page.locator('li.paginagrens')).toHaveCount(5);
  await expect(page.locator('#p3')).toHaveText('Pagina 3');
});
