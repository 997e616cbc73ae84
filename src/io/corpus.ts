/** Load the structured corpus written by `npm run ingest` (build time only). */
import { corpusOrder } from '../core/documents.ts';
import { sha256 } from '../core/hash.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { config } from './config.ts';
import { PolicyDocumentSchema, type PolicyDocument } from '../core/schemas/document.ts';

let cache: { dir: string; documents: PolicyDocument[] } | null = null;

export function loadCorpus(dir: string = config().corpusDir): PolicyDocument[] {
  if (cache?.dir === dir) return cache.documents;
  // Each with the hash of its file, which the build keeps results by (src/io/build-cache.ts).
  const documents = corpusFiles(dir)
    .map((file) => {
      const text = readFileSync(file, 'utf8');
      const document = parsePolicyDocument(file, text);
      contentHashes.set(document, sha256(text));
      return document;
    })
    .sort(corpusOrder);
  cache = { dir, documents };
  return documents;
}

/** The document files of a corpus folder, by name. */
export function corpusFiles(dir: string = config().corpusDir): string[] {
  try {
    // Hidden files (the ingest's .ingest-index.json) are bookkeeping, not documents.
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    throw new Error(`No structured corpus in ${dir}: run \`npm run ingest\` first (npm run build does it for you).`);
  }
}

const contentHashes = new WeakMap<PolicyDocument, string>();

/** The SHA-256 of the file loadCorpus read a document from: the same for the same document, whatever its object. */
export function contentHashOf(document: PolicyDocument): string | undefined {
  return contentHashes.get(document);
}

/** One document file, checked against the schema. */
export function readPolicyDocument(file: string): PolicyDocument {
  return parsePolicyDocument(file, readFileSync(file, 'utf8'));
}

function parsePolicyDocument(file: string, text: string): PolicyDocument {
  try {
    return PolicyDocumentSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new Error(
      `${file} is not a policy document as \`npm run ingest\` writes them ` +
        `(${(error as Error).message.split('\n')[0]}): delete it, or run \`npm run ingest -- --full\` to write the ` +
        `corpus again.`,
    );
  }
}
