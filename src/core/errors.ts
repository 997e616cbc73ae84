/**
 * Error policy (see README "Errors"): an InputError is an operational failure caused by one
 * input (a source file, sources.yaml, a taxonomy file). It names the file, the line where there
 * is one, what is wrong and what to do; the run reports every InputError, then exits non-zero
 * without writing. Anything else thrown is a bug or a broken invariant and crashes the run.
 */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly hint: string;

  constructor(file: string, message: string, hint: string, options: { line?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'InputError';
    this.file = file;
    this.line = options.line;
    this.hint = hint;
  }

  /** "content/sources/sources.yaml:12: insurer 'x' is unknown\n  fix: ..." */
  format(): string {
    const where = this.line ? `${this.file}:${this.line}` : this.file;
    return `${where}: ${this.message}\n  fix: ${this.hint}`;
  }
}

/** A broken pipeline invariant (lossless, traceable, schema): a bug, never the user's input. */
export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantError';
  }
}

/** What a file-system error code means, and what to do about it. */
const SYSTEM_ERRORS: Record<string, [string, string]> = {
  ENOSPC: ['the disk is full', 'free space on that disk (or build elsewhere with --out), then run again'],
  EDQUOT: ['the disk quota is used up', 'free space within your quota, then run again'],
  EROFS: ['the file system is read-only', 'build into a writable folder (--out DIR) or remount it writable'],
  EACCES: [
    'permission denied',
    'make it writable for this user (or build into another folder with --out), then run again',
  ],
  EPERM: [
    'the operation is not permitted',
    'check that no other program holds it open or locked and that this user owns it, then run again',
  ],
  EBUSY: [
    'it is in use by another program',
    'close what uses it (a server, an editor, a virus scanner), then run again',
  ],
  ENOENT: [
    'it disappeared while it was being used',
    'do not remove the output or cache folders during a build; run again',
  ],
  EMFILE: ['too many files are open', 'raise the limit (ulimit -n) or close other programs, then run again'],
  ENFILE: ['the system has too many files open', 'close other programs, then run again'],
  EIO: ['the disk reported an input/output error', 'check the disk, then run again'],
};

/**
 * An operational failure of the machine (disk full, read-only, no permission) as one line: what
 * failed, where, what to do. Null for anything else (a bug, which keeps its stack).
 */
export function operationalMessage(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!code || !(code in SYSTEM_ERRORS)) return null;
  const { syscall, path, dest } = error as NodeJS.ErrnoException & { dest?: string };
  const [meaning, todo] = SYSTEM_ERRORS[code]!;
  const doing = syscall ? `${syscall}${path ? ` ${path}` : ''}${dest ? ` → ${dest}` : ''}` : `use ${path ?? 'a file'}`;
  return `Could not ${doing}: ${meaning} (${code}); ${todo}.`;
}
