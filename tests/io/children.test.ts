/** How a build step's failure is told (src/io/children.ts): one line for each way a child can end badly. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BuildStepError, startNode, waitFor } from '../../src/io/children.ts';

const failure = async (script: string, timeoutMs = 60_000) => {
  try {
    await waitFor('astro build', startNode(['-e', script], { stdio: ['ignore', 'ignore', 'pipe'] }), timeoutMs);
  } catch (error) {
    assert.ok(error instanceof BuildStepError);
    return error.message;
  }
  assert.fail('expected the step to fail');
};

describe('a failed build step', () => {
  it('names the signal that killed it', async () => {
    assert.equal(
      await failure("process.kill(process.pid, 'SIGKILL')"),
      'astro build was killed (SIGKILL: by the system when memory ran out, or by hand).',
    );
    assert.equal(await failure("process.kill(process.pid, 'SIGSEGV')"), 'astro build was ended by SIGSEGV.');
  });

  it('is stopped at its time limit, and says how to raise it', async () => {
    assert.equal(
      await failure('setTimeout(() => {}, 60_000)', 1000),
      'astro build took longer than 1 s and was stopped; raise the limit with --step-timeout-min if the corpus is ' +
        'that large.',
    );
  });

  it('turns a disk error it printed into one line, its stack left out', async () => {
    const script =
      "console.error(\"ENOSPC: no space left on device, write 'file:///site/.dist-versions/1/index.html'\\n    at " +
      'generate (file:///x/generate.js:425:21)"); process.exit(1)';
    assert.equal(
      await failure(script),
      'astro build failed. Could not use /site/.dist-versions/1/index.html: the disk is full (ENOSPC); free space on ' +
        'that disk (or build elsewhere with --out), then run again.',
    );
  });

  it('puts a cause the build can see first', async () => {
    const started = startNode(
      ['-e', "console.error('Error: no corpus\\n    at read (file:///x.js:1:1)'); process.exit(1)"],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    await assert.rejects(
      waitFor('astro build', started, 60_000, () => 'Could not read corpus/: it was removed.'),
      (error: unknown) =>
        error instanceof BuildStepError &&
        error.message === 'astro build failed. Could not read corpus/: it was removed.',
    );
  });

  it('points at its own messages otherwise', async () => {
    assert.equal(
      await failure("console.error('Error: a bug'); process.exit(3)"),
      'astro build failed with exit code 3 (its messages are above).',
    );
  });
});
