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
