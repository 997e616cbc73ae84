/**
 * An ingest worker thread: reads the taxonomy once, then runs the pipeline on each source it is
 * sent. The pipeline is CPU-bound and one source does not depend on another, so a large corpus
 * is read on every core (see pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../../core/errors.ts';
import { readTaxonomy } from '../../io/read-inputs.ts';
import { createPipelineContext, ingestSource, type SourceInput } from '../pipeline.ts';
import { serialiseDocument } from './write.ts';
import type { LoadOptions } from '../load/load.ts';

const { taxonomyDir, loadOptions } = workerData as { taxonomyDir: string; loadOptions: LoadOptions };
const context = createPipelineContext(await readTaxonomy(taxonomyDir), loadOptions);

parentPort!.on('message', async ({ id, input }: { id: number; input: SourceInput }) => {
  try {
    // The serialised document, not the object: a string crosses to the main thread as one copy,
    // and serialising here, on every core, keeps the main thread free to write as results come.
    parentPort!.postMessage({ id, json: serialiseDocument(await ingestSource(input, context)) });
  } catch (error) {
    // Bad input is reported like in the main thread; anything else is a bug and crashes the run there.
    if (error instanceof InputError)
      parentPort!.postMessage({
        id,
        inputError: { file: error.file, message: error.message, hint: error.hint, line: error.line },
      });
    else
      parentPort!.postMessage({ id, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
