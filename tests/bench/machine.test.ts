import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { measureMachine } from './machine.ts';

test('the machine figures are measured, not made up: each positive, and the scratch folder left removed', () => {
  const parent = mkdtempSync(join(tmpdir(), 'atlas-machine-'));
  try {
    const scratch = join(parent, 'probe');
    const figures = measureMachine(scratch, 1);
    for (const [name, value] of Object.entries(figures)) {
      assert.ok(Number.isFinite(value) && value > 0, `${name} is ${value}`);
    }
    // A page costs far less than the 256 MB the probe touches: the figure is per page, not per probe.
    assert.ok(figures.pageFaultMicros < 10_000, `a page fault of ${figures.pageFaultMicros} µs`);
    assert.ok(!existsSync(scratch), 'the probe removes its files');
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
