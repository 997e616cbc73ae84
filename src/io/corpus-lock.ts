import { basename, dirname, join, resolve } from 'node:path';

/** The lock of a corpus folder (src/io/lock.ts), beside it: an ingest writes it, a build reads it. */
export const corpusLockPath = (corpusDir: string) =>
  join(dirname(resolve(corpusDir)), `.${basename(resolve(corpusDir))}.lock`);
