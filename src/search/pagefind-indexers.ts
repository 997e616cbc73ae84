/**
 * Pagefind indexers, each a process of its own. Pagefind's Node API starts one indexer process per
 * instance of its module and that process works on one index at a time, however many are open; a
 * second instance of the module (the same file under another URL, which Node loads again) starts
 * a second process, so two shards are indexed at once on two cores.
 */
import * as pagefind from 'pagefind';

export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

/**
 * `count` indexers: the module as imported, then fresh instances of it; with `opened`, the count
 * of those opened before, `count` more fresh instances.
 */
export async function openIndexers(count: number, opened = 0): Promise<PagefindApi[]> {
  const indexers: PagefindApi[] = opened === 0 && count > 0 ? [pagefind] : [];
  const url = import.meta.resolve('pagefind');
  for (let n = Math.max(opened, 1); n < opened + count; n++)
    indexers.push((await import(`${url}?indexer=${n}`)) as PagefindApi);
  return indexers;
}

export async function closeIndexers(indexers: readonly PagefindApi[]): Promise<void> {
  await Promise.all(indexers.map((indexer) => indexer.close()));
}
