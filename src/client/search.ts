// Search page: Pagefind in the browser, one result per section text of an insurer (with the
// other policies that hold the same text, src/search/records.ts). The query, the filters and
// the order live in the URL (?q=...&verzekeraar=cz&thema=duurzaamheid&volgorde=jaar), so a search
// can be shared; ?beleid=<id> searches within one policy (the form on a policy page sends it).
import { paths } from '../core/routes.ts';
import {
  decodePlaces,
  FACETS,
  placeLabel,
  POLICY_FILTER,
  type RecordMeta,
  type SectionPlace,
  shardsListUrl,
} from '../core/search-contract.ts';
import { splitCompound } from '../core/compounds.ts';
import { contentWords, fewerWords, groupKey, queryWords, unmatchedWords } from '../core/search-query.ts';
import { excerptNodes } from './lib/excerpt.ts';
import { lexiconFor } from './lib/lexicon.ts';
import { oneCareType, placesWithin } from './lib/places.ts';

/** The part of Pagefind's browser API this page uses. */
interface Fragment {
  url: string;
  excerpt: string;
  content: string;
  locations: number[];
  meta: RecordMeta;
  filters: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<Fragment>;
}
type FilterCounts = Record<string, Record<string, number>>;
interface PagefindSearch {
  results: PagefindResult[];
  filters?: FilterCounts;
}
type Filters = Record<string, { any: string[] }>;
interface SearchOptions {
  filters: Filters;
}
interface Pagefind {
  options(options: { excerptLength: number }): Promise<void>;
  mergeIndex(url: string): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(query: string | null, options: SearchOptions): Promise<PagefindSearch | null>;
  preload(query: string, options: SearchOptions): void;
}

const form = document.getElementById('zoekformulier') as HTMLFormElement;
const input = document.getElementById('zoekterm') as HTMLInputElement;
const order = document.getElementById('volgorde') as HTMLSelectElement;
const policyInput = form.elements.namedItem(POLICY_FILTER) as HTMLInputElement;
const panel = document.getElementById('filterpaneel') as HTMLDetailsElement;
const status = document.getElementById('zoekstatus') as HTMLElement;
const notice = document.getElementById('zoekuitleg') as HTMLElement;
const scope = document.getElementById('binnen-beleid') as HTMLElement;
const list = document.getElementById('zoekresultaten') as HTMLOListElement;
const more = document.getElementById('meer-resultaten') as HTMLButtonElement;
const PAGE_SIZE = 20;

let pagefind: Promise<Pagefind> | undefined;
/** The loaded API, for the preload while typing (which must not wait for it). */
let loadedPagefind: Pagefind | undefined;
/** Whether the filter index is loaded: only once the filters are opened or used (it is large). */
let filtersLoaded: Promise<void> | undefined;
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
  order.value = params.get('volgorde') === 'jaar' ? 'jaar' : 'relevantie';
  policyInput.value = params.get(POLICY_FILTER) ?? '';
  for (const box of checkboxes()) box.checked = params.getAll(box.name).includes(box.value);
}

interface State {
  query: string;
  filters: Filters;
  byYear: boolean;
}

function currentState(): State {
  const filters: Filters = {};
  for (const facet of FACETS) {
    const values = checkboxes(`input[name="${facet}"]:checked`).map((box) => box.value);
    if (values.length) filters[facet] = { any: values };
  }
  if (policyInput.value) filters[POLICY_FILTER] = { any: [policyInput.value] };
  return { query: input.value.trim(), filters, byYear: order.value === 'jaar' };
}

function writeUrl({ query, filters, byYear }: State): void {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [facet, { any }] of Object.entries(filters)) for (const value of any) params.append(facet, value);
  if (byYear) params.set('volgorde', 'jaar');
  const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
}

function showCounts(counts: FilterCounts): void {
  for (const span of form.querySelectorAll<HTMLElement>('[data-count-for]')) {
    const [facet = '', value = ''] = (span.dataset.countFor ?? '').split(':');
    const count = counts[facet]?.[value] ?? 0;
    span.textContent = String(count);
    const label = span.closest('label')!;
    // A value with no hits is left out, unless it is ticked (it must stay to be unticked).
    label.hidden = count === 0 && !label.querySelector('input')!.checked;
  }
  for (const fieldset of form.querySelectorAll('fieldset'))
    fieldset.querySelector('.geen-waarden')?.toggleAttribute('hidden', !!fieldset.querySelector('label:not([hidden])'));
}

function activeFilterCount(): void {
  const ticked = checkboxes('input[type=checkbox]:checked').length;
  const counter = panel.querySelector('.filter-aantal')!;
  counter.textContent = ticked ? ` (${ticked} gekozen)` : '';
}

/** The words of a hit that answered the query: the words at the hit's match locations. */
function matchedWords(fragment: Fragment): string[] {
  const words = fragment.content.split(/\s+/u);
  return fragment.locations.flatMap((location) => contentWords(words[location] ?? ''));
}

/** How the page read a query: what it searched for, and what it had to leave out or split. */
interface Reading {
  search: PagefindSearch | null;
  first: Fragment | undefined;
  searched: string[];
  /** Words no policy holds. */
  unknown: string[];
  /** Compounds searched as their parts. */
  split: Array<[string, string[]]>;
  /** Words left out because no section has all of them. */
  leftOut: string[];
}

async function firstFragment(search: PagefindSearch | null): Promise<Fragment | undefined> {
  return search?.results[0]?.data();
}

/** Whether the index holds a word (not just a prefix Pagefind fell back to), and in how many sections. */
async function lookUp(api: Pagefind, word: string, options: SearchOptions): Promise<{ known: boolean; hits: number }> {
  const search = await api.search(word, options);
  const first = await firstFragment(search);
  const known = !!first && unmatchedWords([word], matchedWords(first)).length === 0;
  return { known, hits: known ? (search?.results.length ?? 0) : 0 };
}

/** The contract years the page offers (its year filter), newest first. */
const years = checkboxes('input[name="jaar"]')
  .map((box) => box.value)
  .sort((a, b) => b.localeCompare(a));

/**
 * A search in the chosen order. Newest year first is one search per year, in relevance within
 * each: Pagefind's own sort does not hold across the shards of a large index, which it merges by
 * score. A text in several years is found in each; it is listed once, in its newest.
 */
async function find(api: Pagefind, query: string | null, state: State): Promise<PagefindSearch | null> {
  if (!state.byYear) return api.search(query, { filters: state.filters });
  const chosen = state.filters.jaar?.any;
  const perYear = await Promise.all(
    years
      .filter((year) => !chosen || chosen.includes(year))
      .map((year) => api.search(query, { filters: { ...state.filters, jaar: { any: [year] } } })),
  );
  const seen = new Set<string>();
  const results = perYear.flatMap((search) => search?.results ?? []);
  return { results: results.filter((result) => !seen.has(result.id) && !!seen.add(result.id)) };
}

/** Thrown when a newer search has started: the work for this one stops. */
const STALE = Symbol('stale');
/** While the reader types, the slower reading of a query that found nothing waits for a pause. */
const TYPING_PAUSE_MS = 300;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function read(api: Pagefind, state: State, mine: number, typing: boolean): Promise<Reading> {
  const current = () => {
    if (mine !== generation) throw STALE;
  };
  const words = queryWords(state.query);
  const reading = (search: PagefindSearch | null, first: Fragment | undefined, searched: string[]): Reading => ({
    search,
    first,
    searched,
    unknown,
    split,
    leftOut: terms.filter((term) => !searched.includes(term)),
  });
  const unknown: string[] = [];
  const split: Array<[string, string[]]> = [];
  let terms = words;
  if (words.length === 0) return reading(await find(api, null, state), undefined, []);
  const search = await find(api, words.join(' '), state);
  const first = await firstFragment(search);
  // Without a hit every word is in doubt; with one, only the words it did not match.
  const doubtful = first ? unmatchedWords(words, matchedWords(first)) : words;
  if (first && doubtful.length === 0) return reading(search, first, words);

  // What follows costs searches and files: not for every half-typed word.
  if (typing) await pause(TYPING_PAUSE_MS);
  current();
  // 1. A word the index does not hold: its parts if it is a compound of corpus words, else left out.
  const hitsOf = new Map<string, number>();
  terms = [];
  for (const word of words) {
    if (!doubtful.includes(word)) {
      terms.push(word);
      continue;
    }
    const found = await lookUp(api, word, { filters: {} });
    current();
    hitsOf.set(word, found.hits);
    if (found.known) {
      terms.push(word);
      continue;
    }
    const parts = splitCompound(word, await lexiconFor(word));
    if (parts.length) {
      terms.push(...parts);
      split.push([word, parts]);
    } else unknown.push(word);
  }
  const tryTerms = async (candidate: string[]): Promise<Reading | undefined> => {
    current();
    const tried = await find(api, candidate.join(' '), state);
    return tried?.results.length ? reading(tried, await firstFragment(tried), candidate) : undefined;
  };
  if (terms.length === 0) return reading(null, undefined, []);
  if (terms.join(' ') !== words.join(' ')) {
    const found = await tryTerms(terms);
    if (found) return found;
  }
  // 2. Every word is in some policy, but no section has them all: compounds as their parts.
  const asParts: string[] = [];
  for (const term of terms) {
    const parts = split.some(([, done]) => done.includes(term)) ? [] : splitCompound(term, await lexiconFor(term));
    if (parts.length) split.push([term, parts]);
    asParts.push(...(parts.length ? parts : [term]));
  }
  if (asParts.length !== terms.length) {
    terms = asParts;
    const found = await tryTerms(terms);
    if (found) return found;
  }
  // 3. The most words that do go together, the rarest kept longest.
  for (const term of terms) if (!hitsOf.has(term)) hitsOf.set(term, (await lookUp(api, term, { filters: {} })).hits);
  for (const candidate of fewerWords(terms, hitsOf)) {
    const found = await tryTerms(candidate);
    if (found) return found;
  }
  return reading(null, undefined, []);
}

/** The words as the reader typed them (the page works on folded words: "cz" is shown as "CZ"). */
let typed = new Map<string, string>();
const quoted = (words: string[]) => words.map((word) => `‘${typed.get(word) ?? word}’`).join(', ');

/** The explanation above the results when the page did not search the query as typed. */
function explain(reading: Reading): string {
  const lines: string[] = [];
  if (reading.unknown.length)
    lines.push(
      `${quoted(reading.unknown)} ${reading.unknown.length === 1 ? 'komt' : 'komen'} in geen enkel beleid voor` +
        (reading.searched.length ? '; gezocht is op de andere woorden.' : '.'),
    );
  for (const [word, parts] of reading.split)
    lines.push(`${quoted([word])} is gezocht als ${quoted([parts.join(' ')])}.`);
  if (reading.leftOut.length)
    lines.push(
      `Geen sectie bevat alle woorden. Hieronder secties met ${quoted(reading.searched)}, ` +
        `zonder ${quoted(reading.leftOut)}.`,
    );
  return lines.join(' ');
}

async function filterCounts(api: Pagefind, state: State, searched: string[]): Promise<FilterCounts> {
  const query = searched.length ? searched.join(' ') : null;
  if (!query && Object.keys(state.filters).length === 0) return api.filters();
  const base = await api.search(query, { filters: state.filters });
  // A facet's counts say what ticking one more of its boxes would give: computed without the
  // facet's own selection (the boxes of one facet are alternatives).
  const counts: FilterCounts = structuredClone(base?.filters ?? {}); // later searches reuse the object
  for (const facet of FACETS) {
    if (!state.filters[facet]) continue;
    const { [facet]: _own, ...others } = state.filters;
    const without = await api.search(query, { filters: others });
    counts[facet] = without?.filters?.[facet] ?? {};
  }
  return counts;
}

/** Results on the page: one item per group of the same section across years. */
interface Listing {
  results: PagefindResult[];
  shown: number;
  groups: Map<string, { item: HTMLLIElement; years: Set<string> }>;
  mark: string[];
  /** The first hit's fragment, loaded already to check the query: not fetched twice. */
  first: Fragment | undefined;
  /** The filters chosen: which of a hit's places it opens at and lists. */
  filters: Filters;
  /** The search it lists: its pages stop when a newer search starts. */
  generation: number;
  /** The page being placed: "Toon meer" clicked meanwhile waits for it rather than place it twice. */
  placing: Promise<number>;
}
let listing: Listing | undefined;

async function run(typing = false): Promise<void> {
  const mine = ++generation;
  // The list is about to change: "Toon meer" returns with the new list's first page.
  more.hidden = true;
  const state = currentState();
  writeUrl(state);
  activeFilterCount();
  const api = await loadPagefind();
  if (mine !== generation) return;
  if (!state.query && Object.keys(state.filters).length === 0) {
    list.replaceChildren();
    more.hidden = true;
    notice.hidden = true;
    scope.hidden = true;
    listing = undefined;
    status.textContent = 'Typ een zoekterm of kies een filter.';
    if (filtersLoaded) showCounts(await api.filters());
    return;
  }
  let reading: Reading;
  try {
    reading = await read(api, state, mine, typing);
  } catch (error) {
    if (error === STALE) return;
    throw error;
  }
  if (mine !== generation) return; // a newer search has started
  typed = new Map((state.query.match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => [queryWords(word).join(''), word]));
  const results = reading.search?.results ?? [];
  const explanation = explain(reading);
  notice.textContent = explanation;
  notice.hidden = explanation === '';
  showScope(state, reading.first);
  listing = {
    results,
    shown: 0,
    groups: new Map(),
    mark: reading.searched,
    first: reading.first,
    filters: state.filters,
    generation: mine,
    placing: Promise.resolve(0),
  };
  list.replaceChildren();
  // Which query the list shows (the benchmark waits for the list of the last query typed).
  list.dataset.zoekterm = state.query;
  if (results.length === 0) {
    status.textContent = 'Geen resultaten.';
    more.hidden = true;
  } else await showMore(listing);
  if (filtersLoaded) {
    await filtersLoaded;
    const counts = await filterCounts(api, state, reading.searched);
    if (mine === generation) showCounts(counts);
  }
}

function showScope(state: State, first: Fragment | undefined): void {
  const policy = state.filters[POLICY_FILTER]?.any[0];
  scope.hidden = !policy;
  if (!policy) return;
  const everywhere = new URLSearchParams(location.search);
  everywhere.delete(POLICY_FILTER);
  const link = document.createElement('a');
  link.href = `${location.pathname}?${everywhere}`;
  link.textContent = 'zoek in al het beleid';
  const name = document.createElement('strong');
  const place = decodePlaces(first?.meta.plaatsen).find((candidate) => candidate.policy === policy);
  name.textContent = first && place ? placeLabel(first.meta.insurer, place) : policy;
  scope.replaceChildren('Gezocht binnen één beleid: ', name, ' · ', link);
}

/**
 * The next page of results, after any page still being placed. Resolves to how many items the
 * list held before this page, the first of the page for the focus to move to.
 */
function showMore(current: Listing): Promise<number> {
  current.placing = current.placing.then(() => placePage(current));
  return current.placing;
}

/** One page of results, in rank order as their fragments load. */
async function placePage(current: Listing): Promise<number> {
  const before = list.children.length;
  const stale = () => current.generation !== generation;
  if (stale() || current.shown >= current.results.length) return before;
  const page = current.results.slice(current.shown, current.shown + PAGE_SIZE);
  const loaded: Fragment[] = new Array(page.length);
  let next = 0;
  await Promise.all(
    page.map(async (result, index) => {
      loaded[index] = current.shown === 0 && index === 0 && current.first ? current.first : await result.data();
      if (stale()) return;
      // In order, so the first result does not wait for the twentieth and the list never reorders.
      while (next < page.length && loaded[next]) place(current, loaded[next++]!);
    }),
  );
  if (stale()) return before;
  current.shown += page.length;
  const total = current.results.length;
  const found = `${total} ${total === 1 ? 'sectie gevonden' : 'secties gevonden'}`;
  status.textContent = current.shown < total ? `${found}, ${current.shown} getoond.` : `${found}.`;
  more.hidden = current.shown >= total;
  more.textContent = `Toon meer resultaten (nog ${total - current.shown})`;
  return before;
}

/** A hit on the policy page, with the searched words to mark there (src/client/mark-words.ts). */
function landingUrl(url: string, words: string[]): string {
  const [page = '', hash = ''] = url.split('#');
  return words.length ? `${page}?${new URLSearchParams({ markeer: words.join(' ') })}#${hash}` : url;
}

function place(current: Listing, data: Fragment): void {
  const all = decodePlaces(data.meta.plaatsen);
  const chosen = placesWithin(all, current.filters);
  const [first, ...others] = chosen.length ? chosen : all;
  if (!first) return;
  const url = placeUrl(first, current.mark);
  const label = (place: SectionPlace) => placeLabel(data.meta.insurer, place);
  const key = groupKey({
    insurer: data.filters.verzekeraar?.[0] ?? '',
    careType: first.careType,
    title: data.meta.kop,
  });
  const year = String(first.year);
  const group = current.groups.get(key);
  if (group && !group.years.has(year)) {
    // The same section of the same insurer and care type in another year: a link in its group.
    group.years.add(year);
    let also = group.item.querySelector<HTMLElement>('.ook-in');
    if (!also) {
      also = document.createElement('p');
      also.className = 'ook-in';
      also.append('Ook in');
      group.item.append(also);
    }
    also.append(' ', placeLink(url, String(first.year), `${data.meta.title}, ${label(first)}`));
    return;
  }
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = url;
  link.textContent = data.meta.title;
  heading.append(link);
  const where = document.createElement('p');
  where.className = 'muted';
  where.textContent = label(first);
  const text = document.createElement('p');
  text.append(excerptNodes(data.excerpt));
  item.append(heading, where, text);
  if (others.length)
    item.append(sameText(current.mark, (place) => `${data.meta.title}, ${label(place)}`, first, others));
  list.append(item);
  if (!group) {
    const years = new Set([year]);
    for (const other of others) if (other.careType === first.careType) years.add(String(other.year));
    current.groups.set(key, { item, years });
  }
}

/** Where one place of a hit opens, with the searched words to mark there. */
const placeUrl = (place: SectionPlace, mark: string[]) => landingUrl(paths.section(place.policy, place.section), mark);

/** A link to one place of a hit, named in full for a screen reader (its visible text is part of the name). */
function placeLink(url: string, text: string, name: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = url;
  link.textContent = text;
  link.setAttribute('aria-label', name);
  return link;
}

/**
 * The other policies with the same text: their years when they are all of the hit's care type,
 * else a folded list of them, a line per care type with its years.
 */
function sameText(
  mark: string[],
  nameOf: (place: SectionPlace) => string,
  first: SectionPlace,
  others: SectionPlace[],
): HTMLElement {
  const years = (element: HTMLElement, places: SectionPlace[]) => {
    for (const place of places)
      element.append(' ', placeLink(placeUrl(place, mark), String(place.year), nameOf(place)));
  };
  if (oneCareType([first, ...others])) {
    const line = document.createElement('p');
    line.className = 'zelfde-tekst';
    line.append('Zelfde tekst in');
    years(line, others);
    return line;
  }
  const fold = document.createElement('details');
  fold.className = 'zelfde-tekst';
  const summary = document.createElement('summary');
  const policies = others.length === 1 ? 'ander beleid' : 'andere beleidsstukken';
  summary.textContent = `Zelfde tekst in ${others.length} ${policies}`;
  const list = document.createElement('ul');
  for (const careType of new Set(others.map((place) => place.careType))) {
    const places = others.filter((place) => place.careType === careType);
    const item = document.createElement('li');
    item.append(`${places[0]!.careTypeName}:`);
    years(item, places);
    list.append(item);
  }
  fold.append(summary, list);
  return fold;
}

function loadFilters(): void {
  if (filtersLoaded) return;
  filtersLoaded = loadPagefind().then(async (api) => {
    await api.filters();
  });
  void filtersLoaded.then(() => run());
}

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => run(true), 40);
  // Fetch the index chunks for the word being typed while the pause runs (Pagefind's preload),
  // from three letters: "z" or "zo" would fetch the chunks of every word that starts so, in every
  // shard of the index, for a word nobody is looking for yet.
  const query = input.value.trim();
  if (query.length >= 3 && loadedPagefind) loadedPagefind.preload(query, { filters: currentState().filters });
});
form.addEventListener('change', (event) => {
  const target = event.target as HTMLElement;
  if (target === input) return;
  if (target instanceof HTMLInputElement && target.type === 'checkbox') loadFilters();
  run();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
panel.addEventListener('toggle', () => {
  if (panel.open) loadFilters();
});
more.addEventListener('click', () => {
  if (!listing) return;
  void showMore(listing).then((first) => (list.children[first]?.querySelector('a') as HTMLElement | null)?.focus());
});
window.addEventListener('popstate', () => {
  stateFromUrl();
  run();
});

document.getElementById('zonder-js')!.hidden = true;
stateFromUrl();
// A search that came with filters in its URL shows their counts from the start.
if (checkboxes('input[type=checkbox]:checked').length) loadFilters();
run();
