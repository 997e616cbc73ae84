/**
 * A command's wall time, and the peak memory and CPU time of its whole process tree.
 * /usr/bin/time reports the largest single process, and the CPU time only of the descendants
 * that were waited for (Pagefind's indexer is not: its ~37 s at N=1000 went uncounted); a build
 * whose halves run side by side in separate processes (Astro, the search script, Pagefind's
 * indexer) uses their sum, so that is what is sampled. Linux only (/proc).
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const SAMPLE_MS = 100;

/** What one look at `root` and all its descendants finds. */
export interface TreeSample {
  /** Resident memory, summed, kB. */
  rssKb: number;
  /** Each process's resident memory, kB. */
  rssByPid: Map<number, number>;
  /** Each process's own CPU time so far (user + system), seconds. */
  cpuByPid: Map<number, number>;
  /** The system (kernel) part of it, seconds. */
  systemByPid: Map<number, number>;
  /** Each process's minor page faults so far: every page of memory it touched for the first time. */
  faultsByPid: Map<number, number>;
}

export function sampleTree(root: number): TreeSample {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const cpu = new Map<number, number>();
  const system = new Map<number, number>();
  const faults = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      // The command name (field 2) may hold spaces, so fields are counted after its ')':
      // there field 3 (state) comes first, so field k is at k - 3 (parent 4, minflt 10, utime 14, stime 15).
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      const pid = Number(name);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent)!.push(pid);
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond());
      system.set(pid, Number(fields[12]) / clockTicksPerSecond());
      faults.set(pid, Number(fields[7]));
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      rss.set(pid, Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? 0));
    } catch {
      // Gone between the listing and the read.
    }
  }
  const sample: TreeSample = {
    rssKb: 0,
    rssByPid: new Map(),
    cpuByPid: new Map(),
    systemByPid: new Map(),
    faultsByPid: new Map(),
  };
  const pending = [root];
  while (pending.length) {
    const pid = pending.pop()!;
    sample.rssKb += rss.get(pid) ?? 0;
    sample.rssByPid.set(pid, rss.get(pid) ?? 0);
    if (cpu.has(pid)) {
      sample.cpuByPid.set(pid, cpu.get(pid)!);
      sample.systemByPid.set(pid, system.get(pid)!);
      sample.faultsByPid.set(pid, faults.get(pid)!);
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return sample;
}

let ticks: number | undefined;
function clockTicksPerSecond(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

export interface TreeRun {
  seconds: number;
  /** CPU seconds per kind of process (as `kindOf` names them from their command lines). */
  cpuByKind: Record<string, number>;
  /** The system (kernel) part of those seconds, per kind. */
  systemByKind: Record<string, number>;
  /** Minor page faults per kind: memory touched for the first time, one 4 KiB page each. */
  faultsByKind: Record<string, number>;
  /** Resident memory per kind of process at the tree's peak, MB. */
  peakByKindMb: Record<string, number>;
  /**
   * CPU time (user + system) of every process the tree had, seconds: each as last sampled, so at
   * most one sampling interval short per process.
   */
  cpuSeconds: number;
  /** Peak of the summed resident memory of the tree, MB. */
  peakMb: number;
  stdout: string;
}

/** A process's command line, its arguments joined by spaces ('' once it is gone). */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

export function runTree(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  kindOf: (commandLine: string) => string = () => 'all',
): Promise<TreeRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peakKb = 0;
    let peakByKind: Record<string, number> = {};
    const cpuByPid = new Map<number, number>();
    const systemByPid = new Map<number, number>();
    const faultsByPid = new Map<number, number>();
    const kinds = new Map<number, string>();
    const kind = (pid: number) => {
      if (!kinds.has(pid)) kinds.set(pid, kindOf(commandLine(pid)));
      return kinds.get(pid)!;
    };
    const sampler = setInterval(() => {
      if (!child.pid) return;
      const sample = sampleTree(child.pid);
      for (const [pid, seconds] of sample.cpuByPid) {
        cpuByPid.set(pid, seconds);
        systemByPid.set(pid, sample.systemByPid.get(pid)!);
        faultsByPid.set(pid, sample.faultsByPid.get(pid)!);
        kind(pid);
      }
      if (sample.rssKb > peakKb) {
        peakKb = sample.rssKb;
        peakByKind = {};
        for (const [pid, kb] of sample.rssByPid) peakByKind[kind(pid)] = (peakByKind[kind(pid)] ?? 0) + kb / 1024;
      }
    }, SAMPLE_MS);
    child.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    const sumByKind = (byPid: Map<number, number>) =>
      [...byPid].reduce<Record<string, number>>((byKind, [pid, value]) => {
        const name = kinds.get(pid) ?? 'all';
        byKind[name] = (byKind[name] ?? 0) + value;
        return byKind;
      }, {});
    child.on('exit', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr.slice(-3000)}`));
      else
        resolve({
          seconds,
          cpuSeconds: [...cpuByPid.values()].reduce((sum, value) => sum + value, 0),
          cpuByKind: sumByKind(cpuByPid),
          systemByKind: sumByKind(systemByPid),
          faultsByKind: sumByKind(faultsByPid),
          peakByKindMb: peakByKind,
          peakMb: peakKb / 1024,
          stdout,
        });
    });
  });
}
