/**
 * A pool of ingest workers (worker.ts), one per core: ingest() resolves with the document or
 * rejects with the InputError of that source, as ingestSource does in the main thread.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { InputError } from '../../src/lib/errors.ts';
import type { PolicyDocument } from '../../src/lib/schema.ts';
import type { LoadOptions } from './load.ts';
import type { SourceInput } from './pipeline.ts';

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

export function createIngestPool(options: { taxonomyDir: string; loadOptions: LoadOptions; size?: number }): IngestPool {
  const size = options.size ?? availableParallelism();
  const script = bundledWorker() ?? new URL('./worker-entry.mjs', import.meta.url);
  const waiting = new Map<number, { resolve: (ingested: IngestedDocument) => void; reject: (error: Error) => void }>();
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(script, {
      workerData: { taxonomyDir: options.taxonomyDir, loadOptions: options.loadOptions },
      // A larger young generation than V8's default (~16 MB semi-spaces): a source's intermediate
      // trees live just long enough to be copied by every small collection. Ingest at N=1000
      // 15.5 → 13.8 s, peak 770 → 900 MB; 192 MB gained nothing more.
      resourceLimits: { maxYoungGenerationSizeMb: 96 },
    });
    worker.on('message', (reply: Reply) => {
      const pending = waiting.get(reply.id)!;
      waiting.delete(reply.id);
      if (reply.json !== undefined) pending.resolve({ document: JSON.parse(reply.json) as PolicyDocument, json: reply.json });
      else if (reply.inputError) pending.reject(new InputError(reply.inputError.file, reply.inputError.message, reply.inputError.hint, reply.inputError.line ? { line: reply.inputError.line } : {}));
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

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * worker.ts and the project modules it imports in one JavaScript file (esbuild, about 40 ms),
 * so a worker starts without the TypeScript loader: through tsx each worker took 2.5 s to read
 * its first source, bundled 1 s. Packages stay outside the bundle and load from node_modules,
 * which is why the file lives under node_modules/.cache/. Named by its content: an edit to the
 * pipeline is a new file, and runs side by side never write one another's. Null (and the tsx
 * entry instead) when esbuild cannot run here.
 */
function bundledWorker(): URL | null {
  let code: Uint8Array;
  try {
    // Synchronous on purpose: the pool is made inside a synchronous step of the run.
    code = buildSync({
      entryPoints: [join(ROOT, 'scripts', 'ingest', 'worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    }).outputFiles[0]!.contents;
  } catch {
    return null;
  }
  const dir = join(ROOT, 'node_modules', '.cache', 'zorginkoop-atlas');
  const file = join(dir, `ingest-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const staging = `${file}.${process.pid}.tmp`;
    writeFileSync(staging, code);
    renameSync(staging, file);
  }
  return pathToFileURL(file);
}
