/**
 * A file written whole or not at all: into a temporary file beside it (named by this process,
 * so that two processes never share one), then renamed over it. A reader sees the old file or
 * the new one, never half of either.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';

const temporaryOf = (path: string) => `${path}.${process.pid}.tmp`;

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFileSync(temporaryOf(path), data);
  renameSync(temporaryOf(path), path);
}

export async function writeFileAtomicAsync(path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(temporaryOf(path), data);
  await rename(temporaryOf(path), path);
}
