/** Stage 7, write: all documents or none. Files go to a temporary folder first, then move into place. */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PolicyDocument } from '../../src/lib/schema.ts';

/** Stable serialisation: the same document always gives the same bytes. */
export function serialiseDocument(document: PolicyDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export async function writeDocuments(outDir: string, documents: PolicyDocument[]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const staging = await mkdtemp(join(outDir, '.staging-'));
  try {
    for (const document of documents) await writeFile(join(staging, `${document.id}.json`), serialiseDocument(document));
    const written: string[] = [];
    for (const document of documents) {
      const target = join(outDir, `${document.id}.json`);
      await rename(join(staging, `${document.id}.json`), target);
      written.push(target);
    }
    return written;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
