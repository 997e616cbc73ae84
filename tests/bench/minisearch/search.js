// The alternative to Pagefind in the benchmark: the whole corpus index shipped to the browser
// (MiniSearch), loaded on first input, searched on every input with the same 40 ms pause as the search page.
const input = document.getElementById('q');
const list = document.getElementById('zoekresultaten');
let engine = null;
let timer = null;
async function load() {
  engine ??= fetch('index.json').then((response) => response.text()).then((json) => MiniSearch.loadJSON(json, { fields: ['title', 'text'], storeFields: ['title', 'url'] }));
  return engine;
}
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const search = await load();
    const query = input.value;
    const hits = search.search(query, { prefix: true, fuzzy: 0.1 }).slice(0, 10);
    list.dataset.zoekterm = query.trim();
    list.replaceChildren(...hits.map((hit) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = hit.url;
      link.textContent = hit.title;
      item.append(link);
      return item;
    }));
  }, 40);
});
