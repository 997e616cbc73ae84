/**
 * A pool of ingest workers (worker.ts), one per core: ingest() resolves with the document or
 * rejects with the InputError of that source, as ingestSource does in the main thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { bundledEntry } from '../../io/bundle.ts';
import { InputError } from '../../core/errors.ts';
import type { PolicyDocument } from '../../core/schemas/document.ts';
import type { LoadOptions } from '../load/load.ts';
import type { SourceInput } from '../pipeline.ts';

interface Reply {
  id: number;
  json?: string;
  inputError?: { file: string; message: string; hint: string; line?: number };
  crash?: string;
}

/** A document and its serialisation (serialiseDocument), the bytes to write. */
export interface IngestedDocument {
  document: PolicyDocument;
  json: string;
}

export interface IngestPool {
  ingest(input: SourceInput): Promise<IngestedDocument>;
  close(): Promise<void>;
}

export function createIngestPool(options: {
  taxonomyDir: string;
  loadOptions: LoadOptions;
  size?: number;
}): IngestPool {
  const size = options.size ?? availableParallelism();
  const script =
    bundledEntry(new URL('./worker.ts', import.meta.url), 'ingest-worker') ??
    new URL('./worker-entry.mjs', import.meta.url);
  const waiting = new Map<number, { resolve: (ingested: IngestedDocument) => void; reject: (error: Error) => void }>();
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(script, {
      workerData: { taxonomyDir: options.taxonomyDir, loadOptions: options.loadOptions },
      // A larger young generation than V8's default: a source's intermediate trees live just long
      // enough to be copied by every small collection (tests/bench/SETTINGS.md).
      resourceLimits: { maxYoungGenerationSizeMb: 192 },
    });
    worker.on('message', (reply: Reply) => {
      const pending = waiting.get(reply.id)!;
      waiting.delete(reply.id);
      if (reply.json !== undefined)
        pending.resolve({ document: JSON.parse(reply.json) as PolicyDocument, json: reply.json });
      else if (reply.inputError)
        pending.reject(
          new InputError(
            reply.inputError.file,
            reply.inputError.message,
            reply.inputError.hint,
            reply.inputError.line ? { line: reply.inputError.line } : {},
          ),
        );
      else pending.reject(new Error(`The ingest worker crashed:\n${reply.crash}`));
    });
    worker.on('error', (error) => {
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    });
    return worker;
  });
  let next = 0;
  return {
    ingest(input) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[id % size]!.postMessage({ id, input });
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
