/**
 * The ingest orchestrator: reads the taxonomy, sources.yaml and the source files (the only I/O
 * besides writing), runs the pipeline on each source, reports every problem, and writes all
 * documents or none. Progress is reported through events, not printed here.
 */
import { readFile, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { InputError } from '../../core/errors.ts';
import type { SourceEntry } from '../../core/schemas/sources.ts';
import type { PolicyDocument } from '../../core/schemas/document.ts';
import { TAXONOMY_FILES } from '../../core/schemas/taxonomy.ts';
import { availableParallelism } from 'node:os';
import { createIngestPool, type IngestedDocument, type IngestPool } from './pool.ts';
import { sha256 } from '../../core/hash.ts';
import { cacheKey, documentIntact, INDEX_FILE, readIndex, serialiseIndex, type IngestIndex } from './cache.ts';
import {
  createPipelineContext,
  ingestSource,
  PIPELINE_VERSION,
  type PipelineContext,
  type SourceInput,
} from '../pipeline.ts';
import type { LoadOptions } from '../load/load.ts';
import { readSourceList, readTaxonomy } from '../../io/read-inputs.ts';
import { removeLeftoverStaging, serialiseDocument, stageWrite } from './write.ts';
import { confineSource, isInside, listSources, readSourceFile, statSource } from '../../io/source-files.ts';
import { writeFileAtomicAsync } from '../../io/atomic-write.ts';
import { formatDocumentReport } from './report.ts';

export interface IngestOptions {
  /** Project root; paths in messages and in `source.file` are relative to it. */
  root: string;
  sourcesDir: string;
  taxonomyDir: string;
  outDir: string;
  files: string[];
  loadOptions: LoadOptions;
  /** Reuse the documents of sources whose cache key has not changed (see cache.ts). Default on. */
  incremental?: boolean;
}

export type IngestEvent =
  | { type: 'start'; total: number }
  | { type: 'document'; index: number; total: number; document: PolicyDocument; milliseconds: number }
  | { type: 'cached'; index: number; total: number; id: string }
  | { type: 'failed'; index: number; total: number; error: InputError };

/**
 * A document read this run, as the report shows it. The document itself is not kept: a large
 * corpus would be held whole here while the build's pages start beside it.
 */
export interface ReadDocument {
  id: string;
  /** formatDocumentReport's lines. */
  report: string;
}

export interface IngestResult {
  /** The documents read this run; sources that had not changed are in `unchanged`. */
  documents: ReadDocument[];
  unchanged: string[];
  /** Output files of sources that are gone, removed after a full run. */
  removed: string[];
  errors: InputError[];
  written: string[];
}

/** Below this many sources to read, worker start-up (loading the pipeline again) costs more than it saves. */
const PARALLEL_FROM = 8;

export async function runIngest(
  options: IngestOptions,
  onEvent: (event: IngestEvent) => void = () => {},
): Promise<IngestResult> {
  const display = (path: string) => relative(options.root, resolve(path)) || path;
  const taxonomy = await readTaxonomy(options.taxonomyDir, display);
  const sourceListPath = join(options.sourcesDir, 'sources.yaml');
  const sourceList = await readSourceList(sourceListPath, taxonomy, display);
  const errors: InputError[] = [];

  const files = options.files.length ? options.files : listSources(options.sourcesDir);
  const byFile = new Map(sourceList.map((entry) => [resolve(options.sourcesDir, entry.file), entry]));
  if (options.files.length === 0) {
    const present = new Set(files.map((file) => resolve(file)));
    for (const entry of sourceList) {
      if (!present.has(resolve(options.sourcesDir, entry.file))) {
        errors.push(
          new InputError(
            display(sourceListPath),
            `lists "${entry.file}", which does not exist in ${display(options.sourcesDir)}/`,
            `add the file, or remove its entry from sources.yaml`,
          ),
        );
      }
    }
  }

  const context = createPipelineContext(taxonomy, options.loadOptions);
  const incremental = options.incremental ?? true;
  const previous: IngestIndex = incremental ? await readIndex(options.outDir) : { version: 1, entries: {} };
  const next: IngestIndex = { version: 1, entries: options.files.length ? { ...previous.entries } : {} };
  const taxonomyFingerprint = await fingerprintTaxonomy(options.taxonomyDir);
  const documents: ReadDocument[] = [];
  const unchanged: string[] = [];
  const origin = new Map<string, string>();
  onEvent({ type: 'start', total: files.length });
  // What is up to date is read and hashed only; the rest goes through the pipeline: on every core
  // once there is enough to share out (then sent to the workers as it is found, so they start up
  // and work while the rest is read), in this thread otherwise (starting workers costs more).
  type Pending = {
    index: number;
    file: string;
    key: string;
    source: { sha256: string; size: number; mtimeMs: number };
    input: SourceInput;
  };
  const pending: Pending[] = [];
  const started = performance.now();
  // Typed by assertion, not annotation: it is set inside queue(), which TypeScript's narrowing of
  // `let pool: IngestPool | null = null` would not see (it would call it null for good).
  let pool = null as IngestPool | null;
  const results: Array<Promise<IngestedDocument> | undefined> = [];
  const dispatch = (workers: IngestPool, source: Pending) => {
    const result = workers.ingest(source.input);
    // Awaited in order below; until then a rejection is not "unhandled".
    result.catch(() => {});
    results.push(result);
  };
  const queue = (source: Pending) => {
    pending.push(source);
    if (pool) dispatch(pool, source);
    else if (pending.length >= PARALLEL_FROM && availableParallelism() > 1) {
      const created = createIngestPool({ taxonomyDir: options.taxonomyDir, loadOptions: options.loadOptions });
      pool = created;
      for (const each of pending) dispatch(created, each);
    }
  };
  // An ingest that was killed left its staging folder; this one holds the lock, so none is in use.
  removeLeftoverStaging(options.outDir);
  // Each document is staged as it comes (while the workers go on), and lands only if all did.
  const staged = stageWrite(options.outDir);
  let written: string[] = [];
  try {
    for (const [index, file] of files.entries()) {
      try {
        const entry: SourceEntry | undefined = byFile.get(resolve(file));
        const cached = previous.entries[display(file)];
        confineSource(
          file,
          options.files.length === 0 || isInside(resolve(file), resolve(options.sourcesDir))
            ? options.sourcesDir
            : null,
          display,
        );
        const info = statSource(file, display);
        const statUnchanged =
          cached?.source && cached.source.size === info.size && cached.source.mtimeMs === info.mtimeMs;
        const bytes = statUnchanged ? null : readSourceFile(file, display);
        const source = statUnchanged
          ? cached.source!
          : { sha256: sha256(bytes!), size: info.size, mtimeMs: info.mtimeMs };
        const key = cacheKey({
          pipelineVersion: PIPELINE_VERSION,
          taxonomy: taxonomyFingerprint,
          entry: entry ?? null,
          file: display(file),
          sourceSha256: source.sha256,
          loadOptions: options.loadOptions,
        });
        if (cached && cached.key === key && documentIntact(options.outDir, cached)) {
          claimId(origin, cached.id, display(file));
          next.entries[display(file)] = { ...cached, source };
          unchanged.push(cached.id);
          onEvent({ type: 'cached', index: index + 1, total: files.length, id: cached.id });
        } else
          queue({
            index,
            file,
            key,
            source,
            input: { file: display(file), bytes: bytes ?? readSourceFile(file, display), entry },
          });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        errors.push(error);
        onEvent({ type: 'failed', index: index + 1, total: files.length, error });
      }
    }
    for (const [position, source] of pending.entries()) {
      const began = pool ? started : performance.now();
      try {
        const ingested = await (results[position] ?? ingestInThread(source.input, context));
        // Dropped once handled: the promise would otherwise hold the document to the end.
        results[position] = undefined;
        const { document } = ingested;
        claimId(origin, document.id, display(source.file));
        next.entries[display(source.file)] = {
          key: source.key,
          id: document.id,
          source: source.source,
          document: sha256(ingested.json),
        };
        documents.push({ id: document.id, report: formatDocumentReport(document) });
        if (errors.length === 0) staged.add(document.id, ingested.json);
        onEvent({
          type: 'document',
          index: source.index + 1,
          total: files.length,
          document,
          milliseconds: performance.now() - began,
        });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        errors.push(error);
        onEvent({ type: 'failed', index: source.index + 1, total: files.length, error });
      }
    }
    if (errors.length === 0) written = staged.commit();
  } finally {
    staged.discard();
    await pool?.close();
  }
  if (errors.length > 0) return { documents, unchanged, removed: [], errors, written: [] };
  // After a run over the whole sources folder, output of sources that are gone goes too.
  const keep = new Set(Object.values(next.entries).map((cached) => cached.id));
  const removed = options.files.length
    ? []
    : Object.values(previous.entries)
        .map((cached) => cached.id)
        .filter((id) => !keep.has(id));
  for (const id of removed) await rm(join(options.outDir, `${id}.json`), { force: true });
  const indexPath = join(options.outDir, INDEX_FILE);
  await writeFileAtomicAsync(indexPath, serialiseIndex(next));
  return { documents, unchanged, removed, errors, written };
}

async function ingestInThread(input: SourceInput, context: PipelineContext): Promise<IngestedDocument> {
  const document = await ingestSource(input, context);
  return { document, json: serialiseDocument(document) };
}

/** Two sources cannot be the same policy. */
function claimId(origin: Map<string, string>, id: string, file: string): void {
  const earlier = origin.get(id);
  if (earlier) {
    throw new InputError(
      file,
      `resolves to id "${id}", the same as "${earlier}"`,
      `two sources cannot be the same policy: give one of them its own sources.yaml entry (another year or care ` +
        `type), or remove the duplicate`,
    );
  }
  origin.set(id, file);
}

/** The taxonomy files the pipeline reads, hashed: editing one re-reads every source. */
async function fingerprintTaxonomy(dir: string): Promise<string> {
  const files = [TAXONOMY_FILES.insurers, TAXONOMY_FILES.careTypes, TAXONOMY_FILES.themes, TAXONOMY_FILES.ocrFixes];
  return sha256((await Promise.all(files.map((name) => readFile(join(dir, name), 'utf8')))).join('\u0000'));
}
