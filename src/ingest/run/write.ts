/** Stage 7, write: all documents or none. Files go to a temporary folder first, then move into place. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyDocument } from '../../core/schemas/document.ts';

/** Stable serialisation: the same document always gives the same bytes. */
export function serialiseDocument(document: PolicyDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

const STAGING_PREFIX = '.staging-';

/** Staging folders of runs that were killed before they could remove them. Call with the lock held. */
export function removeLeftoverStaging(outDir: string): void {
  if (!existsSync(outDir)) return;
  for (const name of readdirSync(outDir))
    if (name.startsWith(STAGING_PREFIX)) rmSync(join(outDir, name), { recursive: true, force: true });
}

export interface StagedWrite {
  /** Stage one document's serialisation (see serialiseDocument) as `<id>.json`. */
  add(id: string, json: string): void;
  /** Move everything staged into place; returns the paths written. */
  commit(): string[];
  /** Drop everything staged; the output folder is as it was. */
  discard(): void;
}

/**
 * A write that can be filled while documents are still being made (so writing overlaps the
 * pipeline instead of following it) and lands all at once or not at all.
 */
export function stageWrite(outDir: string): StagedWrite {
  let staging: string | null = null;
  const ids: string[] = [];
  const drop = () => {
    if (staging) rmSync(staging, { recursive: true, force: true });
    staging = null;
  };
  return {
    add(id, json) {
      if (!staging) {
        mkdirSync(outDir, { recursive: true });
        staging = mkdtempSync(join(outDir, STAGING_PREFIX));
      }
      writeFileSync(join(staging, `${id}.json`), json);
      ids.push(id);
    },
    commit() {
      mkdirSync(outDir, { recursive: true });
      try {
        return ids.map((id) => {
          const target = join(outDir, `${id}.json`);
          renameSync(join(staging!, `${id}.json`), target);
          return target;
        });
      } finally {
        drop();
      }
    },
    discard: drop,
  };
}

export async function writeDocuments(outDir: string, documents: PolicyDocument[]): Promise<string[]> {
  const write = stageWrite(outDir);
  try {
    for (const document of documents) write.add(document.id, serialiseDocument(document));
    return write.commit();
  } catch (error) {
    write.discard();
    throw error;
  }
}
