/**
 * npm run bench:headings -- [--headings 100000] [--depth 6] [--runs 3]
 *
 * Ingest time against the number of headings: a generated text (tests/bench/numbered-policy.ts)
 * of N headings and of N/4, each ingested by `npm run ingest -- --full` as a user runs it, median
 * wall time over the runs, the headings found, and the ratio of the two times (linear: about 4).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { policyText } from '../tests/bench/numbered-policy.ts';

const { values } = parseArgs({
  options: {
    headings: { type: 'string', default: '100000' },
    depth: { type: 'string', default: '6' },
    runs: { type: 'string', default: '3' },
  },
});
const work = join('.cache', 'bench', 'koppen');

function measure(count: number): { median: number; found: number; bytes: number } {
  const dir = join(work, String(count));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { text } = policyText(7, count, Number(values.depth));
  const file = join(dir, 'zilveren-kruis-2027-msz.txt');
  writeFileSync(file, text);
  writeFileSync(
    join(dir, 'sources.yaml'),
    'sources:\n  - file: zilveren-kruis-2027-msz.txt\n    insurer: zilveren-kruis\n    year: 2027\n    careType: ' +
      'msz\n    title: Gegenereerd beleid\n',
  );
  const megabytes = Math.ceil(Buffer.byteLength(text) / 2 ** 20) + 1;
  const times: number[] = [];
  let found = 0;
  for (let run = 0; run < Number(values.runs); run++) {
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/ingest.ts',
        '--full',
        '--quiet',
        '--max-size-mb',
        String(megabytes),
        '--sources',
        dir,
        '--out',
        join(dir, 'out'),
        file,
      ],
      { encoding: 'utf8' },
    );
    times.push((performance.now() - started) / 1000);
    if (result.status !== 0) throw new Error(`ingest failed:\n${result.stderr}`);
    const json = readdirSync(join(dir, 'out')).find((name) => name.endsWith('.json') && !name.startsWith('.'))!;
    found = (
      JSON.parse(readFileSync(join(dir, 'out', json), 'utf8')) as { sections: Array<{ level: number }> }
    ).sections.filter((section) => section.level > 0).length;
  }
  return { median: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!, found, bytes: Buffer.byteLength(text) };
}

const large = Number(values.headings);
const small = measure(Math.round(large / 4));
const big = measure(large);
for (const [count, result] of [
  [Math.round(large / 4), small],
  [large, big],
] as const) {
  console.log(
    `${count} headings (${(result.bytes / 2 ** 20).toFixed(1)} MB): ${result.median.toFixed(1)} s median of ` +
      `${values.runs}, ${result.found} found`,
  );
}
console.log(`ratio ${(big.median / small.median).toFixed(2)} for 4× the headings (linear ≈ 4, quadratic ≈ 16)`);
