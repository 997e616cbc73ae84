// Choose insurers and years on a theme's comparison. Hiding a column needs nothing but the page;
// another year's column is fetched from its own static page and swapped in cell by cell, so the
// server renders every passage and no data format is duplicated.
import { paths } from '../core/routes.ts';

const form = document.getElementById('vergelijkkeuze') as HTMLFormElement | null;
const table = document.getElementById('vergelijking') as HTMLTableElement | null;
const status = document.getElementById('vergelijkstatus');

if (form && table && status) {
  const theme = table.dataset.thema ?? '';
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="verzekeraar"]')];
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-verzekeraar]')];
  const insurerOf = (select: HTMLSelectElement) => select.dataset.verzekeraar ?? '';
  const nameOf = (slug: string) => boxes.find((box) => box.value === slug)?.parentElement?.textContent?.trim() ?? slug;
  const cellsOf = (root: ParentNode, slug: string) =>
    root.querySelectorAll<HTMLElement>(`[data-verzekeraar="${slug}"]`);

  // A shared link (?verzekeraar=cz&verzekeraar=caresq&jaar-caresq=2025) sets the form.
  const params = new URLSearchParams(location.search);
  if (params.has('verzekeraar'))
    for (const box of boxes) box.checked = params.getAll('verzekeraar').includes(box.value);
  for (const select of selects) if (params.has(select.name)) select.value = params.get(select.name) ?? select.value;

  async function showYear(slug: string, year: string): Promise<void> {
    const header = table!.querySelector<HTMLElement>(`thead [data-verzekeraar="${slug}"]`)!;
    if (header.dataset.jaar === year) return;
    const response = await fetch(paths.compareColumn(theme, slug, year));
    if (!response.ok) throw new Error(`${response.status}`);
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fetched = page.getElementById('vergelijking')!;
    header.replaceWith(document.importNode(fetched.querySelector(`thead [data-verzekeraar="${slug}"]`)!, true));
    for (const row of table!.tBodies[0]!.rows) {
      const cell = fetched.querySelector(`tr[data-rij="${row.dataset.rij}"] [data-verzekeraar="${slug}"]`)!;
      row.querySelector(`[data-verzekeraar="${slug}"]`)!.replaceWith(document.importNode(cell, true));
    }
  }

  async function apply(): Promise<void> {
    const chosen = boxes.filter((box) => box.checked).map((box) => box.value);
    const failed: string[] = [];
    for (const select of selects) {
      const slug = insurerOf(select);
      select.disabled = !chosen.includes(slug);
      if (!chosen.includes(slug)) continue;
      try {
        await showYear(slug, select.value);
      } catch {
        failed.push(`${nameOf(slug)} ${select.value}`);
      }
    }
    for (const box of boxes) for (const cell of cellsOf(table!, box.value)) cell.hidden = !box.checked;
    const shown = selects
      .filter((select) => chosen.includes(insurerOf(select)))
      .map((select) => `${nameOf(insurerOf(select))} ${select.value}`);
    status!.textContent = failed.length
      ? `Kon niet laden: ${failed.join(', ')}. Probeer het opnieuw of open de kolom via de link “Ander jaar”.`
      : shown.length === 0
        ? 'Kies minstens één verzekeraar.'
        : `Vergelijking van ${shown.join(', ')}.`;
    const query = new URLSearchParams();
    if (chosen.length !== boxes.length) for (const slug of chosen) query.append('verzekeraar', slug);
    for (const select of selects) {
      const preset = select.querySelector<HTMLOptionElement>('option[selected]')?.value;
      if (chosen.includes(insurerOf(select)) && select.value !== preset) query.set(select.name, select.value);
    }
    history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}${location.hash}`);
  }

  form.hidden = false;
  form.addEventListener('change', apply);
  if (location.search) apply();
}
