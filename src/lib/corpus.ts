/** Load the structured corpus written by `npm run ingest` (build time only). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PolicyDocumentSchema, type DocumentSummary, type PolicyDocument } from './schema.ts';

export const CORPUS_DIR = process.env.CORPUS_DIR ?? '.cache/corpus';

let cache: PolicyDocument[] | null = null;

export function loadCorpus(dir: string = CORPUS_DIR): PolicyDocument[] {
  if (cache && dir === CORPUS_DIR) return cache;
  let names: string[];
  try {
    // Hidden files (the ingest's .ingest-index.json) are bookkeeping, not documents.
    names = readdirSync(dir).filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
  } catch {
    throw new Error(`No structured corpus in ${dir}: run \`npm run ingest\` first (npm run build does it for you).`);
  }
  const documents = names.map((name) => {
    const file = join(dir, name);
    try {
      return PolicyDocumentSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      throw new Error(`${file} is not a policy document as \`npm run ingest\` writes them (${(error as Error).message.split('\n')[0]}): delete it, or run \`npm run ingest -- --full\` to write the corpus again.`);
    }
  });
  documents.sort((a, b) => a.insurer.localeCompare(b.insurer) || b.year - a.year || a.careType.localeCompare(b.careType));
  if (dir === CORPUS_DIR) cache = documents;
  return documents;
}

export function toSummary(document: PolicyDocument): DocumentSummary {
  return {
    id: document.id,
    insurer: document.insurer,
    year: document.year,
    careType: document.careType,
    title: document.title,
    url: `/beleid/${document.id}/`,
    sectionCount: document.sections.length,
  };
}
