/**
 * Astro started before its render plan is known (src/build/render-plan-gate.ts): it waits, once
 * its server bundle is made, for the plan file, and then renders with what that file names.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import type { AstroIntegration } from 'astro';
import { releaseRenderPlan, renderPlanGate } from '../../src/build/render-plan-gate.ts';
import { adoptSettings, config } from '../../src/io/config.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-plan-'));
after(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => adoptSettings({ ATLAS_RENDER_PLAN: null, ATLAS_RENDER_INSURERS: null, ATLAS_RENDER_DOCUMENTS: null }));

type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;
interface GatePlugin {
  name: string;
  closeBundle: () => Promise<void>;
}

/** The Vite plugins the integration adds for `command`, with ATLAS_RENDER_PLAN set to `file` (or not). */
function pluginsFor(command: 'build' | 'dev', file: string | null): GatePlugin[] {
  adoptSettings({ ATLAS_RENDER_PLAN: file });
  const added: GatePlugin[] = [];
  const setup = renderPlanGate().hooks['astro:config:setup'] as Setup;
  void setup({
    command,
    updateConfig: (update: { vite?: { plugins?: GatePlugin[] } }) => {
      added.push(...(update.vite?.plugins ?? []));
      return {};
    },
  } as unknown as Parameters<Setup>[0]);
  return added;
}

/** Whether `promise` is still pending after `ms`. */
async function pendingAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const timeout = new Promise((resolve) => setTimeout(() => resolve('pending'), ms));
  return (await Promise.race([promise.then(() => 'settled'), timeout])) === 'pending';
}

describe('render plan gate', () => {
  it('holds the build until the plan is released, then renders what it names', async () => {
    const file = join(work, 'plan-1.json');
    const [gate] = pluginsFor('build', file);
    assert.ok(gate, 'a plugin is added');
    const waiting = gate.closeBundle();
    assert.equal(await pendingAfter(waiting, 150), true, 'it waits while there is no plan');
    assert.equal(config().renderInsurers, null);
    releaseRenderPlan(file, { insurers: ['cz'], documents: ['cz-2025-msz'] });
    await waiting;
    assert.deepEqual(config().renderInsurers, ['cz']);
    assert.deepEqual(config().renderDocuments, ['cz-2025-msz']);
    // A second bundle of the same build does not wait again.
    await gate.closeBundle();
  });

  it('renders every page when the plan says all, whatever the environment held', async () => {
    adoptSettings({ ATLAS_RENDER_INSURERS: '["vgz"]', ATLAS_RENDER_DOCUMENTS: '["vgz-2026-ggz"]' });
    const file = join(work, 'plan-2.json');
    const [gate] = pluginsFor('build', file);
    releaseRenderPlan(file, { insurers: null, documents: null });
    await gate!.closeBundle();
    assert.equal(config().renderInsurers, null);
    assert.equal(config().renderDocuments, null);
  });

  it('names the file when it is not a plan', async () => {
    const file = join(work, 'plan-3.json');
    writeFileSync(file, JSON.stringify({ ATLAS_RENDER_INSURERS: 3 }));
    const [gate] = pluginsFor('build', file);
    await assert.rejects(
      gate!.closeBundle(),
      new RegExp(`${file.replace(/[.\\/]/gu, '\\$&')} is not a render plan`, 'u'),
    );
  });

  it('adds nothing without ATLAS_RENDER_PLAN, or outside a build', () => {
    assert.deepEqual(pluginsFor('build', null), []);
    assert.deepEqual(pluginsFor('dev', join(work, 'plan-4.json')), []);
  });
});
