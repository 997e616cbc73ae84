/**
 * The processes a build starts, and what happens to them when the build stops: each is started
 * with src/io/exit-with-parent.mjs loaded (so a build killed outright takes them with it),
 * a step that runs longer than its time limit is stopped, and SIGINT, SIGTERM or SIGHUP to the
 * build stops every child, runs the clean-ups registered (staging folders, locks) and exits.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:os';
import { operationalMessage } from '../core/errors.ts';

const WATCHDOG = fileURLToPath(new URL('./exit-with-parent.mjs', import.meta.url));

/**
 * A step of the build that did not succeed; its message is one line for the user. `reported`:
 * the child exited with an error of its own and printed what it was (nothing to add).
 */
export class BuildStepError extends Error {
  constructor(
    message: string,
    readonly reported = false,
  ) {
    super(message);
  }
}

const running = new Set<ChildProcess>();
const cleanups = new Set<() => void>();
let handling = false;

/** Runs `cleanup` when the build is stopped by a signal (and not otherwise: call it yourself). */
export function onStop(cleanup: () => void): () => void {
  installSignalHandlers();
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

function installSignalHandlers(): void {
  if (handling) return;
  handling = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      for (const child of running) child.kill('SIGTERM');
      for (const cleanup of [...cleanups].reverse()) {
        try {
          cleanup();
        } catch {
          // Stopping: what could not be cleaned is cleaned by the next build's recovery.
        }
      }
      console.error(`\nStopped by ${signal}: nothing was published; the site that was there is as it was.`);
      process.exit(128 + constants.signals[signal]);
    });
  }
}

/** The end of each child's error output, passed on as it comes and kept for the failure message. */
const errorTails = new WeakMap<ChildProcess, string>();
const TAIL = 16 * 1024;

/** Starts `node <args>` as a child of this build, with the watchdog loaded. */
export function startNode(args: string[], options: SpawnOptions = {}): ChildProcess {
  installSignalHandlers();
  const child = spawn(process.execPath, ['--import', WATCHDOG, ...args], {
    stdio: ['inherit', 'inherit', 'pipe'],
    ...options,
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  errorTails.set(child, '');
  heldFrames.set(child, []);
  let partial = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    errorTails.set(child, `${errorTails.get(child) ?? ''}${text}`.slice(-TAIL));
    const lines = (partial + text).split('\n');
    partial = lines.pop()!;
    // Stack frames are held back: shown for a bug, left out for a disk or permission error.
    for (const line of lines) {
      if (STACK_LINE.test(line)) heldFrames.get(child)!.push(line);
      else process.stderr.write(`${line}\n`);
    }
  });
  child.on('exit', () => {
    if (partial) process.stderr.write(`${partial}\n`);
  });
  return child;
}

const STACK_LINE = /^\s+(?:at .+|Stack trace:|Location:|\/.+:\d+:\d+)$/u;
const heldFrames = new WeakMap<ChildProcess, string[]>();

/** The stack frames a failed child printed, for a failure that is not the machine's. */
function showHeldFrames(child: ChildProcess): void {
  const frames = heldFrames.get(child) ?? [];
  if (frames.length) process.stderr.write(`${frames.join('\n')}\n`);
}

/** A disk or permission error a child printed on its way out, as one line (null: none). */
function operationalCause(child: ChildProcess): string | null {
  const match = /\b(ENOSPC|EDQUOT|EROFS|EACCES|EPERM|EIO|EMFILE|ENOENT)\b[^'\n]*'([^'\n]+)'/u.exec(
    errorTails.get(child) ?? '',
  );
  if (!match) return null;
  return operationalMessage({ code: match[1], path: match[2]!.replace(/^file:\/\//u, '') });
}

/** What a signal that ended a child most likely means, for the message. */
function signalMeaning(signal: NodeJS.Signals): string {
  if (signal === 'SIGKILL') return 'killed (SIGKILL: by the system when memory ran out, or by hand)';
  if (signal === 'SIGTERM' || signal === 'SIGINT' || signal === 'SIGHUP') return `stopped (${signal})`;
  return `ended by ${signal}`;
}

/**
 * Waits for a child to end; rejects with one line saying which step failed and how. `timeoutMs`:
 * the child is stopped when it runs longer; `diagnose` may name a cause the build can see.
 */
export function waitFor(
  step: string,
  child: ChildProcess,
  timeoutMs: number,
  diagnose: () => string | null = () => null,
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, timeoutMs);
    timer.unref();
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new BuildStepError(`${step} could not start (${error.message}).`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise();
      else if (timedOut)
        reject(
          new BuildStepError(
            `${step} took longer than ${durationText(timeoutMs)} and was stopped; ` +
              'raise the limit with --step-timeout-min if the corpus is that large.',
          ),
        );
      else if (signal) reject(new BuildStepError(`${step} was ${signalMeaning(signal)}.`));
      else {
        // What the build knows went wrong around the step (its input removed) comes first.
        const cause = diagnose() ?? operationalCause(child);
        if (!cause) showHeldFrames(child);
        reject(
          cause
            ? new BuildStepError(`${step} failed. ${cause}`)
            : new BuildStepError(`${step} failed with exit code ${code} (its messages are above).`, true),
        );
      }
    });
  });
}

/** "60 min", "30 s": a limit as the user set it. */
function durationText(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;
}
