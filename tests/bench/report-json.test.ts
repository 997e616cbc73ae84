/** The benchmark's report.json (tests/bench/report-json.ts): figures keyed by N, none invented. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { mergeFigures, searchFigures, writeReportJson } from './report-json.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-bench-json-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('report.json', () => {
  it('keeps each N apart and leaves figures not measured absent, not zero', () => {
    const one = mergeFigures({ runs: {} }, 1000, { fullBuildSeconds: 48, searchTypingMaxMs: Number.NaN });
    assert.deepEqual(one, { runs: { 1000: { fullBuildSeconds: 48 } } });
    const two = mergeFigures(one, 2000, { peakMemoryMB: 1800 });
    const three = mergeFigures(two, 1000, { searchFirstQueryKB: 210 });
    assert.deepEqual(three.runs, {
      1000: { fullBuildSeconds: 48, searchFirstQueryKB: 210 },
      2000: { peakMemoryMB: 1800 },
    });
  });

  it('takes the search figures as medians over runs and the worst query of all', () => {
    const run = (setup: number, first: number, typing: number[]) => ({
      setupBytes: setup * 1024,
      first: { firstMs: typing[0]!, bytes: first * 1024 },
      queries: typing.slice(1).map((firstMs) => ({ firstMs })),
    });
    const figures = searchFigures([
      run(100, 50, [90, 40, 60]),
      run(120, 60, [95, 45, 300]),
      run(110, 40, [80, 50, 70]),
    ]);
    assert.equal(figures.searchFirstQueryKB, 150);
    assert.equal(figures.searchTypingMedianMs, 70);
    assert.equal(figures.searchTypingMaxMs, 300);
  });

  it('writes the file and merges with what is there', () => {
    const path = join(work, 'report.json');
    writeReportJson(path, 1000, { htmlBytes: 5 });
    writeReportJson(path, 1000, { searchTypingMedianMs: 60 });
    assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), {
      runs: { 1000: { htmlBytes: 5, searchTypingMedianMs: 60 } },
    });
  });
});
