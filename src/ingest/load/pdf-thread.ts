/**
 * Reading a PDF off the main thread: one worker (pdf-reader-worker.ts, bundled), started on the
 * first PDF and kept while PDFs come, holding the process open only while it has work. The result
 * is the same data readPdfContent gives in this thread; in a worker thread already, or where
 * the bundle cannot be made, the PDF is read in this thread.
 */
import { isMainThread, Worker } from 'node:worker_threads';
import { InputError } from '../../core/errors.ts';
import { bundledEntry } from '../../io/bundle.ts';
import { readPdfContent } from './pdf-text.ts';
import type { PdfContent } from './pdf-types.ts';

interface Reply {
  id: number;
  content?: PdfContent;
  inputError?: { file: string; message: string; hint: string };
  crash?: string;
}

let reader:
  | { worker: Worker; waiting: Map<number, { resolve: (content: PdfContent) => void; reject: (error: Error) => void }> }
  | null
  | undefined;
let nextId = 0;

export function readPdf(bytes: Uint8Array, file: string): Promise<PdfContent> {
  if (!isMainThread) return readPdfContent(bytes, file);
  reader ??= startReader();
  if (!reader) return readPdfContent(bytes, file);
  const { worker, waiting } = reader;
  const id = nextId++;
  const copy = new Uint8Array(bytes);
  return new Promise((resolve, reject) => {
    if (waiting.size === 0) worker.ref();
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, bytes: copy, file }, [copy.buffer]);
  });
}

function startReader(): NonNullable<typeof reader> | null {
  const script = bundledEntry(new URL('./pdf-reader-worker.ts', import.meta.url), 'pdf-reader');
  if (!script) return null;
  // No TypeScript loader in the worker: pdf.js loads as it is.
  const worker = new Worker(script, { execArgv: [] });
  const waiting = new Map<number, { resolve: (content: PdfContent) => void; reject: (error: Error) => void }>();
  const settle = (id: number) => {
    const pending = waiting.get(id)!;
    waiting.delete(id);
    if (waiting.size === 0) worker.unref();
    return pending;
  };
  worker.on('message', (reply: Reply) => {
    const pending = settle(reply.id);
    if (reply.content) pending.resolve(reply.content);
    else if (reply.inputError)
      pending.reject(new InputError(reply.inputError.file, reply.inputError.message, reply.inputError.hint));
    else pending.reject(new Error(`The PDF reader crashed:\n${reply.crash}`));
  });
  worker.on('error', (error) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
    reader = undefined;
  });
  worker.unref();
  return { worker, waiting };
}
