/**
 * Incremental ingest: an index beside the output (`<out>/.ingest-index.json`) records, per source
 * file, the key it was read with and the id it produced. The key is a SHA-256 over everything
 * that decides the output: the source bytes, its sources.yaml entry, the pipeline version, the
 * taxonomy files the pipeline reads and the load limits. Same key and the JSON still there:
 * the document is up to date and is neither read again nor rewritten. Like git's index, a source
 * whose size and modification time are as recorded is not even read: its recorded hash stands.
 * The document is used again only when its bytes still have the hash recorded when it was written.
 */
import { sha256 } from '../../core/hash.ts';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const INDEX_FILE = '.ingest-index.json';

const IndexSchema = z.object({
  version: z.literal(1),
  entries: z.record(
    z.string(),
    z.object({
      key: z.string(),
      id: z.string(),
      /** The source's SHA-256 with the size and modification time it had: an unchanged stat means an unchanged hash. */
      source: z.object({ sha256: z.string(), size: z.number(), mtimeMs: z.number() }).optional(),
      /** The SHA-256 of the document written: a document that no longer matches it is made again. */
      document: z.string().optional(),
    }),
  ),
});
export type IngestIndex = z.infer<typeof IndexSchema>;

/** The cache key of one source: change any input that shapes its document and the key changes. */
export function cacheKey(parts: {
  pipelineVersion: string;
  taxonomy: string;
  entry: unknown;
  file: string;
  sourceSha256: string;
  loadOptions: unknown;
}): string {
  return sha256(JSON.stringify(parts));
}

/** The index of an earlier run, or an empty one when there is none or it cannot be trusted. */
export async function readIndex(outDir: string): Promise<IngestIndex> {
  try {
    return IndexSchema.parse(JSON.parse(await readFile(join(outDir, INDEX_FILE), 'utf8')));
  } catch {
    return { version: 1, entries: {} };
  }
}

export function serialiseIndex(index: IngestIndex): string {
  const entries = Object.fromEntries(Object.entries(index.entries).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ version: index.version, entries }, null, 2)}\n`;
}

/** Whether the document an index entry recorded is still there, byte for byte. */
export function documentIntact(outDir: string, entry: IngestIndex['entries'][string]): boolean {
  if (!entry.document) return false;
  try {
    return sha256(readFileSync(join(outDir, `${entry.id}.json`))) === entry.document;
  } catch {
    return false;
  }
}
