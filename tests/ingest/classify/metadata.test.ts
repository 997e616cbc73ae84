/** Which policy a source is (classify/metadata.ts): from sources.yaml, else from the text; disagreements warned. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../../src/core/errors.ts';
import { resolveMetadata } from '../../../src/ingest/classify/metadata.ts';
import { loadSource } from '../../../src/ingest/load/load.ts';
import { normalise } from '../../../src/ingest/normalise/normalise.ts';
import { createOcrRepairer } from '../../../src/ingest/normalise/prepare-lines.ts';
import { segment } from '../../../src/ingest/segment/segment.ts';
import { fixtureEntry, loadTaxonomy } from '../../support/helpers.ts';
import type { SourceEntry } from '../../../src/core/schemas/sources.ts';

async function metadataOf(text: string, entry: SourceEntry | undefined) {
  const taxonomy = loadTaxonomy();
  const loaded = await loadSource(new TextEncoder().encode(text), 'bron.txt');
  const normalised = normalise(loaded, createOcrRepairer(taxonomy.ocrFixes));
  return resolveMetadata('bron.txt', entry, loaded, normalised, segment(normalised).sections, taxonomy);
}

const CZ_2026 =
  'Zorginkoopbeleid 2026 medisch-specialistische zorg\n\nCZ groep\n\n1 Inleiding\nCZ groep koopt zorg in voor 2026.\n';

describe('policy metadata', () => {
  it('takes what sources.yaml says, and records that it did', async () => {
    const metadata = await metadataOf(CZ_2026, fixtureEntry('bron.txt', { year: 2026, title: 'Gegeven titel' }));
    assert.equal(metadata.insurer, 'cz');
    assert.equal(metadata.year, 2026);
    assert.equal(metadata.title, 'Gegeven titel');
    assert.equal(metadata.metadataSource.insurer, 'manifest');
    assert.deepEqual(metadata.warnings, []);
  });

  it('warns when the text says another year than sources.yaml', async () => {
    const metadata = await metadataOf(CZ_2026, fixtureEntry('bron.txt', { year: 2025 }));
    assert.equal(metadata.year, 2025);
    assert.ok(metadata.warnings.some((warning) => warning.includes('sources.yaml says year 2025')));
  });

  it('reads insurer, year and care type from the text when there is no entry, and says so', async () => {
    const metadata = await metadataOf(CZ_2026, undefined);
    assert.deepEqual([metadata.insurer, metadata.year, metadata.careType], ['cz', 2026, 'msz']);
    assert.equal(metadata.metadataSource.year, 'text');
    assert.match(metadata.title, /^Zorginkoopbeleid Medisch-specialistische zorg 2026 \(CZ groep\)$/u);
    assert.ok(metadata.warnings.some((warning) => warning.startsWith('metadata detected from the text')));
  });

  it('refuses a source without an entry whose text names no insurer', async () => {
    await assert.rejects(metadataOf('1 Inleiding\nEen tekst zonder naam of jaar.\n', undefined), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.match(error.format(), /is not in sources\.yaml and its insurer/u);
      return true;
    });
  });
});
