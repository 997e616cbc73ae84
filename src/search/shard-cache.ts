/**
 * Search shards kept from one build to the next. A shard's Pagefind output is decided by its
 * records, the indexer's options and Pagefind's version, and by nothing else (two runs on the same
 * records write the same bytes), so a SHA-256 over those is its key. When one source changes,
 * only the shard that holds it (and any whose compound-word aliases it changed) gets a key the
 * cache has not seen, and only that shard is indexed again.
 *
 * The cache is a folder of finished shards by key. A shard is written into a temporary folder,
 * checked (src/search/verify-index.ts), listed with each file's size and SHA-256 in
 * `files.json`, and renamed into place, so a build that dies leaves no half a shard under a
 * key. A kept shard is used again only when every listed file is there with its hash; one that is
 * not is removed and indexed again. Shards are hard linked into the output
 * (src/io/link-or-copy.ts): a large corpus's index is hundreds of megabytes.
 *
 * Making a shard's records (their HTML, with compound aliases) to learn its key costs seconds at
 * a thousand policies, for every shard of every build. So the cache also remembers, per code
 * fingerprint, which key each shard's inputs (its drafts and names: everything but the corpus's
 * lexicon) led to, and the lexicon of that build: a shard whose inputs are known, and whose texts
 * no changed lexicon word can touch (aliasesMayDiffer), has that key without its records being made.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { sha256 } from '../core/hash.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { listFiles } from '../io/file-tree.ts';
import { linkOrCopy } from '../io/link-or-copy.ts';

/** In each kept shard: what it held when it was stored. */
const FILE_LIST = 'files.json';
/** Beside the shards: the last build's shard keys by inputs, and its lexicon. */
const INPUTS_FILE = 'inputs.json';
/** Beside the shards: the records kept per insurer (records-cache.ts). */
const RECORDS_FOLDER = 'records';
/** Beside the shards: the key of each shard of the last index, in order. */
const SHARDS_LIST = 'shards.json';

/** What the last build with the same code left: its lexicon, and the key of each shard's inputs. */
export interface KeptInputs {
  lexicon: Set<string>;
  keys: Map<string, string>;
}

const KeptInputsSchema = z.object({
  code: z.string(),
  lexicon: z.array(z.string()),
  keys: z.record(z.string(), z.string()),
});

/** The key of a shard: everything its index is made from. */
export function shardKey(
  indexer: { version: string; options: unknown; code?: string },
  records: Iterable<unknown>,
): string {
  const hash = createHash('sha256').update(JSON.stringify(indexer));
  for (const record of records) hash.update('\n').update(JSON.stringify(record));
  return hash.digest('hex');
}

export class SearchShardCache {
  private readonly used = new Set<string>();

  constructor(private readonly dir: string) {}

  /** The finished shard under this key, if there is one and it is whole (else it is removed). */
  has(key: string): boolean {
    this.used.add(key);
    const dir = join(this.dir, key);
    if (!existsSync(dir)) return false;
    if (isWhole(dir)) return true;
    rmSync(dir, { recursive: true, force: true });
    return false;
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
      writeFileSync(join(temporary, FILE_LIST), `${JSON.stringify(hashFiles(temporary))}\n`);
      rmSync(join(this.dir, key), { recursive: true, force: true });
      renameSync(temporary, join(this.dir, key));
    } finally {
      rmSync(temporary, { recursive: true, force: true });
    }
    return join(this.dir, key);
  }

  /** Puts the shard under `key` at `target` (a folder that may already hold other shards). */
  place(key: string, target: string): void {
    linkTree(join(this.dir, key), target, new Set([FILE_LIST]));
  }

  /** Drops the shards this build did not use: the cache holds what the current index is made of. */
  prune(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      if (!this.used.has(name) && name !== INPUTS_FILE && name !== RECORDS_FOLDER && name !== SHARDS_LIST)
        rmSync(join(this.dir, name), { recursive: true, force: true });
    }
  }

  /**
   * The folder of a kept shard, to take unchanged files from, without using it for this index
   * (prune still drops it when nothing else uses it); null when it is not there.
   */
  folderOf(key: string): string | null {
    const dir = join(this.dir, key);
    return key && existsSync(join(dir, FILE_LIST)) ? dir : null;
  }

  /** The keys of the last index's shards, in order (empty when unknown). */
  lastShards(): string[] {
    try {
      return z.array(z.string()).parse(JSON.parse(readFileSync(join(this.dir, SHARDS_LIST), 'utf8')));
    } catch {
      return [];
    }
  }

  /** Keeps the keys of this index's shards, in order, for the next build (lastShards). */
  keepShards(keys: readonly string[]): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(join(this.dir, SHARDS_LIST), JSON.stringify(keys));
  }

  /** Where the records are kept per insurer (records-cache.ts). */
  recordsFolder(): string {
    return join(this.dir, RECORDS_FOLDER);
  }

  /** What the last build of this code kept (keptInputs), or null: another code, none, or unreadable. */
  keptInputs(code: string): KeptInputs | null {
    try {
      const kept = KeptInputsSchema.parse(JSON.parse(readFileSync(join(this.dir, INPUTS_FILE), 'utf8')));
      return kept.code === code ? { lexicon: new Set(kept.lexicon), keys: new Map(Object.entries(kept.keys)) } : null;
    } catch {
      return null;
    }
  }

  /** Keeps this build's lexicon and shard keys by inputs for the next build of the same code. */
  keepInputs(code: string, inputs: KeptInputs): void {
    mkdirSync(this.dir, { recursive: true });
    const kept = { code, lexicon: [...inputs.lexicon], keys: Object.fromEntries(inputs.keys) };
    writeFileAtomic(join(this.dir, INPUTS_FILE), JSON.stringify(kept));
  }
}

/** Every file under `dir` (relative path → SHA-256). */
function hashFiles(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((file) => [file, sha256(readFileSync(join(dir, file)))]));
}

/** Whether a kept shard holds exactly the files it was stored with, each with its hash. */
function isWhole(dir: string): boolean {
  try {
    const listed = JSON.parse(readFileSync(join(dir, FILE_LIST), 'utf8')) as Record<string, string>;
    const present = hashFiles(dir);
    delete present[FILE_LIST];
    const names = Object.keys(listed);
    return names.length === Object.keys(present).length && names.every((name) => present[name] === listed[name]);
  } catch {
    return false;
  }
}

/** Every file under `from` put at the same place under `to` (but those named in `skip`). */
function linkTree(from: string, to: string, skip: ReadonlySet<string> = new Set()): void {
  for (const file of listFiles(from).filter((name) => !skip.has(name))) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    linkOrCopy(join(from, file), join(to, file));
  }
}
