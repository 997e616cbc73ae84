/** Child scripts run from a bundle (src/io/bundle.ts): a module still finds what lies beside its source. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { bundledScript, nodeArgsFor } from '../../src/io/bundle.ts';

describe('bundledScript', () => {
  it("gives each bundled module its own source's import.meta.url, and runs without tsx", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-bundle-'));
    try {
      mkdirSync(join(dir, 'lib'));
      writeFileSync(
        join(dir, 'lib', 'beside.ts'),
        "export const worker: string = new URL('./worker.ts', import.meta.url).href;\n",
      );
      writeFileSync(join(dir, 'main.ts'), "import { worker } from './lib/beside.ts';\nconsole.log(worker);\n");
      const bundle = await bundledScript(pathToFileURL(join(dir, 'main.ts')), 'bundle-test');
      assert.ok(bundle, 'esbuild bundled the script');
      assert.notEqual(fileURLToPath(bundle), join(dir, 'main.ts'));
      const printed = execFileSync(process.execPath, [fileURLToPath(bundle)], { encoding: 'utf8' }).trim();
      assert.equal(printed, pathToFileURL(join(dir, 'lib', 'worker.ts')).href);
      assert.deepEqual(await nodeArgsFor(join(dir, 'main.ts'), 'bundle-test'), [fileURLToPath(bundle)]);
      rmSync(fileURLToPath(bundle));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('falls back to tsx when the script cannot be bundled', async () => {
    const missing = join(tmpdir(), 'atlas-no-such-script.ts');
    assert.equal(await bundledScript(pathToFileURL(missing), 'bundle-test'), null);
    assert.deepEqual(await nodeArgsFor(missing, 'bundle-test'), ['--import', 'tsx', missing]);
  });
});
