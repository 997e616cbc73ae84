/**
 * The ingest orchestrator: reads the taxonomy, sources.yaml and the source files (the only I/O
 * besides writing), runs the pipeline on each source, reports every problem, and writes all
 * documents or none. Progress is reported through events, not printed here.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { InputError } from '../../src/lib/errors.ts';
import type { ManifestEntry } from '../../src/lib/manifest.ts';
import type { PolicyDocument } from '../../src/lib/schema.ts';
import { createPipelineContext, ingestSource } from './pipeline.ts';
import type { LoadOptions } from './load.ts';
import { readManifest, readTaxonomy } from '../../src/lib/read-inputs.ts';
import { writeDocuments } from './write.ts';

export interface IngestOptions {
  /** Project root; paths in messages and in `source.file` are relative to it. */
  root: string;
  sourcesDir: string;
  taxonomyDir: string;
  outDir: string;
  files: string[];
  loadOptions: LoadOptions;
}

export type IngestEvent =
  | { type: 'start'; total: number }
  | { type: 'document'; index: number; total: number; document: PolicyDocument; milliseconds: number }
  | { type: 'failed'; index: number; total: number; error: InputError };

export interface IngestResult {
  documents: PolicyDocument[];
  errors: InputError[];
  written: string[];
}

const SOURCE_EXTENSIONS = /\.(txt|md|pdf)$/iu;

export async function runIngest(options: IngestOptions, onEvent: (event: IngestEvent) => void = () => {}): Promise<IngestResult> {
  const display = (path: string) => relative(options.root, resolve(path)) || path;
  const taxonomy = await readTaxonomy(options.taxonomyDir, display);
  const manifestPath = join(options.sourcesDir, 'sources.yaml');
  const manifest = await readManifest(manifestPath, taxonomy, display);
  const errors: InputError[] = [];

  const files = options.files.length ? options.files : await listSources(options.sourcesDir);
  const byFile = new Map(manifest.map((entry) => [resolve(options.sourcesDir, entry.file), entry]));
  if (options.files.length === 0) {
    const present = new Set(files.map((file) => resolve(file)));
    for (const entry of manifest) {
      if (!present.has(resolve(options.sourcesDir, entry.file))) {
        errors.push(new InputError(display(manifestPath), `lists "${entry.file}", which does not exist in ${display(options.sourcesDir)}/`, `add the file, or remove its entry from sources.yaml`));
      }
    }
  }

  const context = createPipelineContext(taxonomy, options.loadOptions);
  const documents: PolicyDocument[] = [];
  const origin = new Map<string, string>();
  onEvent({ type: 'start', total: files.length });
  for (const [index, file] of files.entries()) {
    const started = performance.now();
    try {
      const bytes = await readSourceFile(file, display);
      const entry: ManifestEntry | undefined = byFile.get(resolve(file));
      const document = await ingestSource({ file: display(file), bytes, entry }, context);
      const earlier = origin.get(document.id);
      if (earlier) {
        throw new InputError(
          display(file),
          `resolves to id "${document.id}", the same as "${earlier}"`,
          `two sources cannot be the same policy: give one of them its own sources.yaml entry (another year or care type), or remove the duplicate`,
        );
      }
      origin.set(document.id, display(file));
      documents.push(document);
      onEvent({ type: 'document', index: index + 1, total: files.length, document, milliseconds: performance.now() - started });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push(error);
      onEvent({ type: 'failed', index: index + 1, total: files.length, error });
    }
  }
  if (errors.length > 0) return { documents, errors, written: [] };
  const written = await writeDocuments(options.outDir, documents);
  return { documents, errors, written };
}

async function listSources(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((name) => SOURCE_EXTENSIONS.test(name)).sort().map((name) => join(dir, name));
}

async function readSourceFile(file: string, display: (path: string) => string): Promise<Uint8Array> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new InputError(display(file), 'is not a file', 'name a .txt, .md or .pdf file');
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(display(file), `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, `check the path; sources live in content/sources/ (${basename(file)})`, { cause: error });
  }
}
