/** Load the structured corpus written by `npm run ingest` (build time only). */
import { corpusOrder } from '../core/documents.ts';
import { sha256 } from '../core/hash.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { config } from './config.ts';
import { PolicyDocumentSchema, type PolicyDocument } from '../core/schemas/document.ts';

let cache: { dir: string; documents: PolicyDocument[] } | null = null;

export function loadCorpus(dir: string = config().corpusDir): PolicyDocument[] {
  if (cache?.dir === dir) return cache.documents;
  const documents = loadDocuments(corpusFiles(dir));
  cache = { dir, documents };
  return documents;
}

/**
 * Some document files, in corpus order, each with the hash of its file, which the build keeps
 * results by (src/io/build-cache.ts).
 */
export function loadDocuments(files: string[]): PolicyDocument[] {
  return files
    .map((file) => {
      const text = readFileSync(file, 'utf8');
      const document = parsePolicyDocument(file, text);
      contentHashes.set(document, sha256(text));
      return document;
    })
    .sort(corpusOrder);
}

/**
 * The document files of one insurer, by their names (a document's id, and so its file name, is
 * its insurer's slug, its year and its care type): the caller checks each document's insurer.
 */
export function corpusFilesOf(insurer: string, dir: string = config().corpusDir): string[] {
  const prefix = `${insurer}-`;
  return corpusFiles(dir).filter((file) => {
    const name = basename(file);
    return name.startsWith(prefix) && /^\d{4}-/u.test(name.slice(prefix.length));
  });
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
