/**
 * One build (or ingest) at a time per output: two at once wrote into each other's staging folders
 * and search shards. The lock is a file created exclusively (`link` of a file already written, so
 * no reader ever sees it half-written) that names its holder; a lock whose holder is dead is
 * taken over.
 *
 * A child of the holder (the ingest the build starts) is let through when its parent holds the
 * lock and has passed it on in ATLAS_HELD_LOCKS.
 */
import { hostname } from 'node:os';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { config } from './config.ts';

export const HELD_LOCKS_ENV = 'ATLAS_HELD_LOCKS';

export class LockError extends Error {}

interface Holder {
  pid: number;
  host: string;
  started: string;
  command: string;
}

export interface Lock {
  path: string;
  release(): void;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but is another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readHolder(path: string): { text: string; holder: Holder | null } | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    return { text, holder: JSON.parse(text) as Holder };
  } catch {
    // A lock file no process of ours wrote whole: nobody holds it.
    return { text, holder: null };
  }
}

/** The pids listed as holding `path` for this process's parent. */
function inheritedFrom(path: string): boolean {
  const held = config().heldLocks;
  if (!held.includes(path)) return false;
  return readHolder(path)?.holder?.pid === process.ppid;
}

/**
 * Takes the lock at `path` for `what` (said in the message when another process has it), or
 * throws a LockError naming the holder.
 */
export function acquireLock(path: string, what: string): Lock {
  const lockPath = resolve(path);
  if (inheritedFrom(lockPath)) return { path: lockPath, release: () => {} };
  mkdirSync(dirname(lockPath), { recursive: true });
  const holder: Holder = {
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
  };
  const mine = `${lockPath}.${process.pid}.nieuw`;
  writeFileSync(mine, `${JSON.stringify(holder)}\n`);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(mine, lockPath);
        return {
          path: lockPath,
          release: () => {
            if (readHolder(lockPath)?.holder?.pid === process.pid) rmSync(lockPath, { force: true });
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = readHolder(lockPath);
      if (!current) continue;
      const other = current.holder;
      if (other && other.host === holder.host && isAlive(other.pid)) {
        throw new LockError(
          `${what} is already running (pid ${other.pid}, since ${other.started}; lock ${lockPath}): wait for it to ` +
            `finish, or stop it (kill ${other.pid}) and run again.`,
        );
      }
      if (other && other.host !== holder.host) {
        throw new LockError(
          `${what} is running on ${other.host} (pid ${other.pid}; lock ${lockPath}): wait for it, or remove the lock ` +
            `file if that machine is gone.`,
        );
      }
      takeOverStale(lockPath, current.text);
    }
    throw new LockError(
      `could not take the lock ${lockPath}: other builds keep taking it; run again when they are done.`,
    );
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Moves a dead holder's lock aside, unless another process took it over in the meantime. */
function takeOverStale(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.${process.pid}.oud`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return;
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    return;
  }
  if (moved !== staleText) {
    // A live process took it over between our read and the move: give it back.
    try {
      linkSync(aside, lockPath);
    } catch {
      // It is held again already; the next attempt reads the new holder.
    }
  }
  rmSync(aside, { force: true });
}

/** The environment that lets a child through the locks this process holds. */
export function passLocks(locks: Lock[], env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...env, [HELD_LOCKS_ENV]: locks.map((lock) => lock.path).join('\n') };
}
