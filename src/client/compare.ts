// Choose which insurers' columns a theme comparison shows. Everything is on the page already (the
// care type and year are links to other pages), so this only hides and shows columns, and keeps
// the choice in the URL (?verzekeraar=cz&verzekeraar=caresq) so a view can be shared.
const form = document.getElementById('vergelijkkeuze') as HTMLFormElement | null;
const table = document.getElementById('vergelijking') as HTMLTableElement | null;
const statusLine = document.getElementById('vergelijkstatus');

if (form && table && statusLine) {
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="verzekeraar"]')];
  const nameOf = (box: HTMLInputElement) => box.parentElement?.textContent?.trim() ?? box.value;

  const params = new URLSearchParams(location.search);
  if (params.has('verzekeraar'))
    for (const box of boxes) box.checked = params.getAll('verzekeraar').includes(box.value);

  function apply(): void {
    const chosen = boxes.filter((box) => box.checked);
    for (const box of boxes)
      for (const cell of table!.querySelectorAll<HTMLElement>(`[data-verzekeraar="${box.value}"]`))
        cell.hidden = !box.checked;
    statusLine!.textContent =
      chosen.length === 0 ? 'Kies minstens één verzekeraar.' : `Vergelijking van ${chosen.map(nameOf).join(', ')}.`;
    const query = new URLSearchParams();
    if (chosen.length !== boxes.length) for (const box of chosen) query.append('verzekeraar', box.value);
    history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}${location.hash}`);
  }

  form.hidden = false;
  form.addEventListener('change', apply);
  if (location.search) apply();
}
