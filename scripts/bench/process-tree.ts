/**
 * A command's wall time and the peak memory of its whole process tree. /usr/bin/time reports
 * the largest single process; a build whose halves run side by side in separate processes
 * (Astro, the search script, Pagefind's indexer) uses their sum, so that is what is sampled.
 * Linux only (/proc).
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const SAMPLE_MS = 100;

/** Resident memory (kB) of `root` and all its descendants, now. */
export function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      // Field 4 of stat is the parent; the command name (field 2) may hold spaces, so read after its ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const pid = Number(name);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent)!.push(pid);
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      rss.set(pid, Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? 0));
    } catch {
      // Gone between the listing and the read.
    }
  }
  let total = 0;
  const pending = [root];
  while (pending.length) {
    const pid = pending.pop()!;
    total += rss.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface TreeRun {
  seconds: number;
  /** Peak of the summed resident memory of the tree, MB. */
  peakMb: number;
  stdout: string;
}

export function runTree(command: string, args: string[], env: Record<string, string> = {}): Promise<TreeRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peakKb = 0;
    const sampler = setInterval(() => {
      if (child.pid) peakKb = Math.max(peakKb, treeRssKb(child.pid));
    }, SAMPLE_MS);
    child.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on('exit', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr.slice(-3000)}`));
      else resolve({ seconds, peakMb: peakKb / 1024, stdout });
    });
  });
}
