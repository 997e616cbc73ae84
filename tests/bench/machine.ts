/**
 * What the machine itself costs, measured beside the build so that figures from two machines (or
 * two days of one shared machine) can be told apart from changes to the code: plain computing, a
 * page of memory touched for the first time, and a file written into a folder of its own (what
 * the build does thousands of times). On virtual machines the last two vary far more than the
 * first, and a build spends a good part of its system time on them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MachineFigures {
  /** A fixed integer loop (3 × 10⁸ steps), ms. */
  loopMs: number;
  /** One 4 KiB page of memory touched for the first time, µs (wall). */
  pageFaultMicros: number;
  /** 1,000 files of 40 KB, each in a new folder, ms (wall) … */
  thousandFilesMs: number;
  /** … of which the kernel's (system) CPU time, ms. */
  thousandFilesSystemMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The loop in a Node of its own: run again in one process, V8 may compile it anew at its fastest
 * (seen: 1,500 ms the first three times, 340 ms later), which would be a change of compiler, not
 * of machine.
 */
const LOOP = `const started = performance.now();
let x = 0;
for (let i = 0; i < 3e8; i++) x = (x * 31 + i) | 0;
console.log(JSON.stringify({ ms: performance.now() - started, x }));`;

function loopMs(): number {
  const output = execFileSync(process.execPath, ['-e', LOOP], { encoding: 'utf8' });
  return (JSON.parse(output) as { ms: number }).ms;
}

function pageFaultMicros(): number {
  const bytes = 256 * 2 ** 20;
  const faultsBefore = process.resourceUsage().minorPageFault;
  const started = performance.now();
  // Allocated zeroed without touching its pages; filling touches every one.
  Buffer.alloc(bytes).fill(1);
  const micros = (performance.now() - started) * 1000;
  const faults = process.resourceUsage().minorPageFault - faultsBefore;
  return micros / Math.max(faults, 1);
}

function thousandFiles(dir: string): { ms: number; systemMs: number } {
  const count = 1000;
  const body = Buffer.alloc(40_000, 'x');
  rmSync(dir, { recursive: true, force: true });
  const systemBefore = process.resourceUsage().systemCPUTime;
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const folder = join(dir, String(index % 50), String(index));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.html'), body);
  }
  const ms = performance.now() - started;
  const systemMs = (process.resourceUsage().systemCPUTime - systemBefore) / 1000;
  rmSync(dir, { recursive: true, force: true });
  return { ms, systemMs };
}

/** Each figure the median of `runs`; `scratchDir` is made and removed again. */
export function measureMachine(scratchDir: string, runs = 3): MachineFigures {
  const files = Array.from({ length: runs }, () => thousandFiles(scratchDir));
  return {
    loopMs: median(Array.from({ length: runs }, loopMs)),
    pageFaultMicros: median(Array.from({ length: runs }, pageFaultMicros)),
    thousandFilesMs: median(files.map((run) => run.ms)),
    thousandFilesSystemMs: median(files.map((run) => run.systemMs)),
  };
}
