/** The configuration object (src/io/config.ts): defaults, one-line errors, and the README's table in step. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CONFIG_VARIABLES, ConfigError, parseConfig } from '../../src/io/config.ts';
import { ROOT } from '../support/helpers.ts';

describe('configuration', () => {
  it('takes every default from an empty environment', () => {
    const config = parseConfig({});
    assert.equal(config.corpusDir, '.cache/corpus');
    assert.equal(config.siteUrl, 'http://localhost:4321');
    assert.equal(config.searchShardSections, 3500);
    assert.equal(config.renderInsurers, null);
    assert.equal(config.renderDocuments, null);
    assert.equal(config.renderPlanFile, null);
    assert.deepEqual(config.heldLocks, []);
    assert.equal(config.buildCacheDir, null);
  });

  it('parses what the build passes on', () => {
    const config = parseConfig({
      ATLAS_RENDER_INSURERS: '["cz","vgz"]',
      ATLAS_RENDER_DOCUMENTS: '["cz-2025-msz"]',
      ATLAS_HELD_LOCKS: '/a.lock\n/b.lock\n',
      ATLAS_SEARCH_SHARD_SECTIONS: '100',
      ATLAS_SITE_URL: 'https://atlas.example.org',
    });
    assert.deepEqual(config.renderInsurers, ['cz', 'vgz']);
    assert.deepEqual(config.renderDocuments, ['cz-2025-msz']);
    assert.deepEqual(config.heldLocks, ['/a.lock', '/b.lock']);
    assert.equal(config.searchShardSections, 100);
    assert.equal(config.siteUrl, 'https://atlas.example.org');
  });

  for (const [name, value] of [
    ['ATLAS_SEARCH_SHARD_SECTIONS', '0'],
    ['ATLAS_SEARCH_SHARD_SECTIONS', 'veel'],
    ['ATLAS_BUILD_MEMORY_MB', '100'],
    ['ATLAS_BUILD_MEMORY_MB', '1,5 GB'],
    ['ATLAS_RENDER_INSURERS', 'cz,vgz'],
    ['ATLAS_RENDER_INSURERS', '[1,2]'],
    ['ATLAS_RENDER_DOCUMENTS', 'cz-2025-msz'],
    ['ATLAS_SITE_URL', 'ftp://example.org'],
  ] as const) {
    it(`refuses ${name}=${value} in one line that names it`, () => {
      assert.throws(
        () => parseConfig({ [name]: value }),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.message.startsWith(`${name}=${JSON.stringify(value)} `) &&
          !error.message.includes('\n'),
      );
    });
  }

  it('is documented in the README: every variable, with its default', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const rows = new Map(
      [...readme.matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \|/gmu)].map(([, name, cell]) => [name!, cell!.trim()]),
    );
    for (const [name, { default: fallback }] of Object.entries(CONFIG_VARIABLES)) {
      assert.ok(rows.has(name), `README's configuration table has no row for ${name}`);
      if (fallback && name !== 'CHROMIUM_PATH') {
        assert.ok(rows.get(name)!.includes(`\`${fallback}\``), `README gives ${name} a default other than ${fallback}`);
      }
    }
    assert.deepEqual(
      [...rows.keys()].filter((name) => !(name in CONFIG_VARIABLES)),
      [],
      'README names variables config.ts does not read',
    );
  });
});
