// Filter a list in the browser: each <select> of form[data-filter] keeps the items of
// data-list whose data-<name> (a space-separated list) holds the chosen value. Without
// JavaScript the form stays hidden and the page shows everything (pages per insurer do the rest).
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-filter]')) {
  const status = document.getElementById(form.dataset.status ?? '');
  const listSelector = form.dataset.list ?? ':not(*)';
  const items = [...document.querySelectorAll<HTMLElement>(listSelector)];
  const noun = form.dataset.noun ?? '';
  const selects = [...form.querySelectorAll('select')];
  const params = new URLSearchParams(location.search);
  for (const select of selects) select.value = params.get(select.name) ?? '';

  const apply = () => {
    const wanted = selects
      .filter((select) => select.value)
      .map((select) => [select.name, select.value] as [string, string]);
    let shown = 0;
    for (const item of items) {
      // An item without an attribute takes its group's (the insurer of a change log's version group).
      const attribute = (name: string) => item.closest<HTMLElement>(`[data-${name}]`)?.dataset[name] ?? '';
      const match = wanted.every(([name, value]) => attribute(name).split(' ').includes(value));
      item.hidden = !match;
      if (match) shown++;
    }
    // Groups (a month on the calendar) whose items are all hidden go too.
    for (const group of document.querySelectorAll<HTMLElement>(form.dataset.groups ?? ':not(*)')) {
      group.hidden = ![...group.querySelectorAll<HTMLElement>(listSelector)].some((item) => !item.hidden);
    }
    if (status) status.textContent = `${shown} van ${items.length} ${noun}.`;
    const query = new URLSearchParams(wanted);
    history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
  };

  form.hidden = false;
  form.addEventListener('change', apply);
  apply();
}
