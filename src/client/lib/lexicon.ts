// The corpus's words the search page needs to split a compound in a query: only the files for the
// two-letter starts a part of that word can have (src/search/build-index.ts writes them).
import { lexiconKeysFor } from '../../core/compounds.ts';
import { lexiconKeysUrl, lexiconUrl } from '../../core/search-contract.ts';

const files = new Map<string, Promise<string[]>>();
let keys: Promise<Set<string>> | undefined;

function json(url: string): Promise<string[]> {
  return fetch(url)
    .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
    .catch(() => []);
}

function lexiconFile(key: string): Promise<string[]> {
  let file = files.get(key);
  if (!file) files.set(key, (file = json(lexiconUrl(key))));
  return file;
}

/** The corpus words that can be parts of `word`. */
export async function lexiconFor(word: string): Promise<Set<string>> {
  keys ??= json(lexiconKeysUrl).then((list) => new Set(list));
  const present = await keys;
  const wanted = lexiconKeysFor(word).filter((key) => present.has(key));
  return new Set((await Promise.all(wanted.map(lexiconFile))).flat());
}
