/**
 * Finding and reading the source files: the only file access of an ingest besides its inputs'
 * YAML and its output. A source must be a regular file inside the sources folder, also once its
 * symbolic links are followed: a link to /etc/passwd or to a file elsewhere on the machine would
 * otherwise be published, whole, on its policy page and in the API.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { InputError } from '../core/errors.ts';

const SOURCE_EXTENSIONS = /\.(txt|md|pdf)$/iu;

export function listSources(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => SOURCE_EXTENSIONS.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Refuses a source that, with its links followed, lies outside `folder` (the sources folder), or
 * for a file named on the command line (`folder` null) a link that leaves the folder it is in.
 */
export function confineSource(file: string, folder: string | null, display: (path: string) => string): void {
  const within = folder ?? dirname(file);
  if (folder === null && !isLink(file)) return;
  let real: string;
  let root: string;
  try {
    real = realpathSync(file);
    root = realpathSync(within);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && isLink(file)) {
      throw new InputError(
        display(file),
        'is a symbolic link to a file that does not exist',
        'replace the link with the source file itself',
      );
    }
    return; // Not there at all: the stat that follows says so.
  }
  if (!isInside(real, root)) {
    throw new InputError(
      display(file),
      `is a symbolic link that leads outside ${display(within)}/ (to ${real})`,
      `copy the policy text into ${display(within)}/ instead of linking to it; only files inside that folder are ` +
        `published`,
    );
  }
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Synchronous on purpose: a thousand small reads awaited one by one cost seconds in round trips. */
export function statSource(file: string, display: (path: string) => string): { size: number; mtimeMs: number } {
  let info;
  try {
    info = statSync(file);
  } catch (error) {
    throw cannotRead(file, display, error);
  }
  if (!info.isFile()) throw new InputError(display(file), 'is not a file', 'name a .txt, .md or .pdf file');
  return { size: info.size, mtimeMs: info.mtimeMs };
}

export function readSourceFile(file: string, display: (path: string) => string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    throw cannotRead(file, display, error);
  }
}

/** Whether `path` is `folder` or inside it (no links followed). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The error for a source the disk would not give: its path, the system's code, and where sources live. */
function cannotRead(file: string, display: (path: string) => string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new InputError(
    display(file),
    `cannot be read (${code})`,
    `check the path; sources live in content/sources/ (${basename(file)})`,
    {
      cause: error,
    },
  );
}
