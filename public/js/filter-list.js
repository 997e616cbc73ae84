// Change log: filter the entries by insurer, care type and theme in the browser. Without
// JavaScript the form stays hidden and the per-insurer pages do the same job.
const form = document.getElementById('lijstfilter');
const status = document.getElementById('lijststatus');
const items = [...document.querySelectorAll('#wijzigingenlijst > li')];
const params = new URLSearchParams(location.search);
for (const select of form.querySelectorAll('select')) select.value = params.get(select.name) ?? '';

function apply() {
  const wanted = Object.fromEntries([...form.querySelectorAll('select')].map((select) => [select.name, select.value]));
  let shown = 0;
  for (const item of items) {
    const match =
      (!wanted.verzekeraar || item.dataset.verzekeraar === wanted.verzekeraar) &&
      (!wanted.zorgsoort || item.dataset.zorgsoort === wanted.zorgsoort) &&
      (!wanted.thema || item.dataset.thema.split(' ').includes(wanted.thema));
    item.hidden = !match;
    if (match) shown++;
  }
  status.textContent = `${shown} van ${items.length} wijzigingen.`;
  const query = new URLSearchParams(Object.entries(wanted).filter(([, value]) => value));
  history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
}

form.hidden = false;
form.addEventListener('change', apply);
apply();
