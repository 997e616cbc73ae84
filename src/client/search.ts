// Search page: Pagefind in the browser, one result per policy section. The query and the
// filters live in the URL (?q=...&verzekeraar=cz&thema=duurzaamheid), so a search can be shared.
import { paths } from '../core/routes.ts';
import { ALIAS_MARKER, FACETS, type RecordMeta, shardsListUrl } from '../core/search-contract.ts';

/** The part of Pagefind's browser API this page uses. */
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: RecordMeta }>;
}
type FilterCounts = Record<string, Record<string, number>>;
interface PagefindSearch {
  results: PagefindResult[];
  filters?: FilterCounts;
}
type Filters = Record<string, { any: string[] }>;
interface Pagefind {
  options(options: { excerptLength: number }): Promise<void>;
  mergeIndex(url: string): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(query: string | null, options: { filters: Filters }): Promise<PagefindSearch | null>;
  preload(query: string, options: { filters: Filters }): void;
}

const form = document.getElementById('zoekformulier') as HTMLFormElement;
const input = document.getElementById('zoekterm') as HTMLInputElement;
const status = document.getElementById('zoekstatus') as HTMLElement;
const list = document.getElementById('zoekresultaten') as HTMLElement;
const PAGE_SIZE = 20;

let pagefind: Promise<Pagefind> | undefined;
/** The loaded API, for the preload while typing (which must not wait for it). */
let loadedPagefind: Pagefind | undefined;
let generation = 0;

/** Pagefind, loaded once: the same promise for every caller (shards must be merged only once). */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    // A large index comes in shards (src/search/build-index.ts): merged, one search spans all.
    const library: string = paths.searchLibrary;
    const [api, shards] = await Promise.all([
      import(/* @vite-ignore */ library) as Promise<Pagefind>,
      fetch(shardsListUrl)
        .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
        .catch(() => [] as string[]),
    ]);
    await api.options({ excerptLength: 30 });
    for (const shard of shards) await api.mergeIndex(shard);
    // Load the filter index first: a search's filter counts are incomplete until it is loaded.
    await api.filters();
    loadedPagefind = api;
    return api;
  })();
  return pagefind;
}

function checkboxes(selector = 'input[type=checkbox]'): HTMLInputElement[] {
  return [...form.querySelectorAll<HTMLInputElement>(selector)];
}

function stateFromUrl(): void {
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const box of checkboxes()) box.checked = params.getAll(box.name).includes(box.value);
}

function currentState(): { query: string; filters: Filters } {
  const filters: Filters = {};
  for (const facet of FACETS) {
    const values = checkboxes(`input[name="${facet}"]:checked`).map((box) => box.value);
    if (values.length) filters[facet] = { any: values };
  }
  return { query: input.value.trim(), filters };
}

function writeUrl({ query, filters }: { query: string; filters: Filters }): void {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [facet, { any }] of Object.entries(filters)) for (const value of any) params.append(facet, value);
  const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
}

/** Pagefind's excerpt is HTML with <mark>; keep only text and marks (DOMParser runs no script). */
function excerptNodes(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstChild!;
  const out = document.createDocumentFragment();
  for (const node of parsed.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      // Text after the marker is the index's compound-word aliases, not policy text.
      const text = node.textContent ?? '';
      const cut = text.indexOf(ALIAS_MARKER);
      out.append(document.createTextNode(cut === -1 ? text : text.slice(0, cut)));
      if (cut !== -1) break;
    }
  }
  return out;
}

function showCounts(counts: FilterCounts | undefined): void {
  for (const span of form.querySelectorAll<HTMLElement>('[data-count-for]')) {
    const [facet = '', value = ''] = (span.dataset.countFor ?? '').split(':');
    const count = counts?.[facet]?.[value] ?? 0;
    span.textContent = String(count);
    span.closest('label')?.classList.toggle('muted', count === 0);
  }
}

async function run(): Promise<void> {
  const mine = ++generation;
  const state = currentState();
  writeUrl(state);
  const api = await loadPagefind();
  const hasFilters = Object.keys(state.filters).length > 0;
  if (!state.query && !hasFilters) {
    showCounts(await api.filters());
    list.replaceChildren();
    status.textContent = 'Typ een zoekterm of kies een filter.';
    return;
  }
  const search = await api.search(state.query || null, { filters: state.filters });
  if (mine !== generation || !search) return; // a newer search has started
  // A facet's counts say what ticking one more of its boxes would give: computed without the
  // facet's own selection (the boxes of one facet are alternatives).
  const counts: FilterCounts = structuredClone(search.filters ?? {}); // later searches reuse the object
  for (const facet of Object.keys(state.filters)) {
    const { [facet]: _own, ...others } = state.filters;
    const without = await api.search(state.query || null, { filters: others });
    counts[facet] = without?.filters?.[facet] ?? {};
  }
  if (mine !== generation) return;
  showCounts(counts);
  const total = search.results.length;
  const found = `${total} ${total === 1 ? 'sectie gevonden' : 'secties gevonden'}`;
  status.textContent =
    total === 0
      ? 'Geen resultaten.'
      : `${found}${total > PAGE_SIZE ? `, de eerste ${PAGE_SIZE} staan hieronder` : ''}.`;
  // Results appear as their fragments load, in rank order: the first result does not wait for the
  // twentieth (on a large index that wait was most of the time to first result).
  const page = search.results.slice(0, PAGE_SIZE);
  const items = page.map(() => {
    const item = document.createElement('li');
    item.hidden = true;
    return item;
  });
  list.replaceChildren(...items);
  const loaded: Array<Awaited<ReturnType<PagefindResult['data']>>> = new Array(page.length);
  let shown = 0;
  await Promise.all(
    page.map(async (result, index) => {
      loaded[index] = await result.data();
      if (mine !== generation) return;
      while (shown < page.length && loaded[shown]) fillResult(items[shown]!, loaded[shown++]!);
    }),
  );
}

function fillResult(item: HTMLLIElement, data: { url: string; excerpt: string; meta: RecordMeta }): void {
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title;
  heading.append(link);
  const where = document.createElement('p');
  where.className = 'muted';
  where.textContent = data.meta.policy;
  const text = document.createElement('p');
  text.append(excerptNodes(data.excerpt));
  item.append(heading, where, text);
  item.hidden = false;
}

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(run, 80);
  // Fetch the index chunks for the word being typed while the pause runs (Pagefind's preload),
  // from three letters: "z" or "zo" would fetch the chunks of every word that starts so, in every
  // shard of the index, for a word nobody is looking for yet.
  const query = input.value.trim();
  if (query.length >= 3 && loadedPagefind) loadedPagefind.preload(query, { filters: currentState().filters });
});
form.addEventListener('change', (event) => {
  if ((event.target as HTMLInputElement).type === 'checkbox') run();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
window.addEventListener('popstate', () => {
  stateFromUrl();
  run();
});

document.getElementById('zonder-js')!.hidden = true;
stateFromUrl();
run();
