/**
 * A worker thread that reads PDFs with pdf.js (pdf-text.ts) for the main thread, so pdf.js loads
 * as plain JavaScript even when the main thread runs under the TypeScript loader (pdf-thread.ts).
 */
import { parentPort } from 'node:worker_threads';
import { InputError } from '../../core/errors.ts';
import { readPdfContent } from './pdf-text.ts';

parentPort!.on('message', async ({ id, bytes, file }: { id: number; bytes: Uint8Array; file: string }) => {
  try {
    parentPort!.postMessage({ id, content: await readPdfContent(bytes, file) });
  } catch (error) {
    if (error instanceof InputError)
      parentPort!.postMessage({ id, inputError: { file: error.file, message: error.message, hint: error.hint } });
    else
      parentPort!.postMessage({ id, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
