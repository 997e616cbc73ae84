/** Read the taxonomy folder and sources.yaml from disk (build-time input for the ingest and the site). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/errors.ts';
import { parseSourceList, type SourceEntry } from '../core/schemas/sources.ts';
import { parseTaxonomy, TAXONOMY_FILES, type Taxonomy } from '../core/schemas/taxonomy.ts';

type Display = (path: string) => string;
const asIs: Display = (path) => path;

export async function readTaxonomy(dir: string, display: Display = asIs): Promise<Taxonomy> {
  const read = async (name: string) => {
    const path = join(dir, name);
    try {
      return { path: display(path), text: await readFile(path, 'utf8') };
    } catch (cause) {
      throw new InputError(
        display(path),
        'cannot be read',
        `the taxonomy needs ${Object.values(TAXONOMY_FILES).join(', ')} in content/taxonomy/`,
        { cause },
      );
    }
  };
  return parseTaxonomy({
    insurers: await read(TAXONOMY_FILES.insurers),
    careTypes: await read(TAXONOMY_FILES.careTypes),
    themes: await read(TAXONOMY_FILES.themes),
    ocrFixes: await read(TAXONOMY_FILES.ocrFixes),
    requirements: await read(TAXONOMY_FILES.requirements),
    milestones: await read(TAXONOMY_FILES.milestones),
  });
}

/** sources.yaml, or no entries when the folder has none (every source's metadata is then detected). */
export async function readSourceList(
  path: string,
  taxonomy: Taxonomy,
  display: Display = asIs,
): Promise<SourceEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  return parseSourceList(display(path), text, taxonomy);
}
