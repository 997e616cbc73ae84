/**
 * Search shards kept from one build to the next. A shard's Pagefind output is decided by its
 * records, the indexer's options and Pagefind's version, and by nothing else (two runs on the same
 * records write the same bytes), so a SHA-256 over those is its key. When one source changes,
 * only the shard that holds it (and any whose compound-word aliases it changed) gets a key the
 * cache has not seen, and only that shard is indexed again.
 *
 * The cache is a folder of finished shards by key. A shard is written into a temporary folder and
 * renamed into place, so a build that dies leaves no half a shard under a key. Shards are hard
 * linked into the output (scripts/build/link-or-copy.ts): at 1,000 policies the index is ~230 MB.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { linkOrCopy } from './link-or-copy.ts';

/** The key of a shard: everything its index is made from. */
export function shardKey(indexer: { version: string; options: unknown }, records: Iterable<unknown>): string {
  const hash = createHash('sha256').update(JSON.stringify(indexer));
  for (const record of records) hash.update('\n').update(JSON.stringify(record));
  return hash.digest('hex');
}

export class SearchShardCache {
  private readonly used = new Set<string>();

  constructor(private readonly dir: string) {}

  /** The finished shard under this key, if there is one. */
  has(key: string): boolean {
    this.used.add(key);
    return existsSync(join(this.dir, key, 'pagefind-entry.json'));
  }

  /**
   * Writes a shard through `write` (given the folder to write into) and keeps it under its key.
   * Returns the kept folder.
   */
  async store(key: string, write: (dir: string) => Promise<void>): Promise<string> {
    this.used.add(key);
    const temporary = join(this.dir, `${key}.${process.pid}.tmp`);
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    try {
      await write(temporary);
      rmSync(join(this.dir, key), { recursive: true, force: true });
      renameSync(temporary, join(this.dir, key));
    } finally {
      rmSync(temporary, { recursive: true, force: true });
    }
    return join(this.dir, key);
  }

  /** Puts the shard under `key` at `target` (a folder that may already hold other shards). */
  place(key: string, target: string): void {
    linkTree(join(this.dir, key), target);
  }

  /** Drops the shards this build did not use: the cache holds what the current index is made of. */
  prune(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      if (!this.used.has(name)) rmSync(join(this.dir, name), { recursive: true, force: true });
    }
  }
}

/** Every file under `from` put at the same place under `to`. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) {
      linkTree(source, target);
      continue;
    }
    linkOrCopy(source, target);
  }
}
