/** Search records, one per section text of an insurer with every place it is in (src/search/records.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { PolicyDocument, Section } from '../../src/core/schemas/document.ts';
import { sectionLabel } from '../../src/core/labels.ts';
import { hasSearchRecord } from '../../src/core/search-contract.ts';
import { stripLinks } from '../../src/core/text.ts';
import { collectSearchRecords, grids, type PolicyForSearch } from '../../src/search/records.ts';
import { CORPUS_FILES, ingestCorpusFile } from '../support/helpers.ts';

const real = await Promise.all(CORPUS_FILES.map((file) => ingestCorpusFile(file)));

/** A copy of a real policy as another year or care type of its insurer, optionally with one section's text changed. */
function variant(
  document: PolicyDocument,
  change: { year?: number; careType?: string; edit?: number },
): PolicyDocument {
  const year = change.year ?? document.year;
  const careType = change.careType ?? document.careType;
  return {
    ...document,
    id: `${document.insurer}-${year}-${careType}`,
    year,
    careType,
    sections: document.sections.map((section, index) =>
      index === change.edit ? { ...section, text: `${section.text} Gewijzigd.` } : section,
    ),
  };
}

const named = (documents: PolicyDocument[]): PolicyForSearch[] =>
  documents.map((document) => ({
    document,
    careTypeName: document.careType.toUpperCase(),
  }));

const searchable = (document: PolicyDocument) => document.sections.filter(hasSearchRecord);

describe('collectSearchRecords', () => {
  it('gives the five published policies one record per section: no two of their sections are the same text', () => {
    const records = collectSearchRecords(named(real));
    const sections = real.reduce((sum, document) => sum + searchable(document).length, 0);
    const places = records.reduce((sum, record) => sum + record.places.length, 0);
    assert.equal(places, sections);
    assert.ok(records.length >= sections * 0.95, `${records.length} records for ${sections} sections`);
  });

  it('makes unchanged sections of later years and other care types one record, and keeps a changed one apart', () => {
    const base = real.find((document) => searchable(document).length > 20)!;
    const edited = base.sections.indexOf(searchable(base)[5]!);
    const policies = [
      base,
      variant(base, { year: base.year + 1 }),
      variant(base, { year: base.year + 2, edit: edited }),
      variant(base, { careType: 'ggz' }),
    ];
    const records = collectSearchRecords(named(policies));
    const unchanged = searchable(base).find((section) => section !== base.sections[edited])!;
    const holding = (section: Section) =>
      records.filter((record) => record.places.some((place) => place.section === section.id));
    // An unchanged section: every policy holds it, in grids (three years of the base care type, one of ggz).
    const own = holding(unchanged);
    assert.deepEqual(own.map((record) => record.places.length).sort(), [1, 3]);
    assert.ok(own.every((record) => record.text === stripLinks(unchanged.text)));
    // The edited section: the year that changed it has a record of its own.
    const changed = holding(base.sections[edited]!);
    const alone = changed.filter((record) => record.places.some((place) => place.year === base.year + 2));
    assert.equal(alone.length, 1);
    assert.equal(alone[0]!.places.length, 1);
    assert.match(alone[0]!.text, /Gewijzigd\.$/u);
    // The first place is the newest year: where a hit opens.
    assert.ok(own.every((record) => record.places[0]!.year === Math.max(...record.places.map((p) => p.year))));
  });

  it('never joins the sections of two insurers', () => {
    const base = real[0]!;
    const other = { ...variant(base, { year: base.year }), insurer: 'ander', id: 'ander-kopie' };
    const records = collectSearchRecords(named([base, other]));
    for (const record of records) {
      const policies = new Set(record.places.map((place) => place.policy));
      assert.equal(policies.size, 1, `${record.heading} is in ${[...policies].join(', ')}`);
    }
  });

  it('holds every section once, in a grid of care types × years, whatever the corpus (property)', () => {
    const texts = ['Alpha tekst.', 'Beta tekst.', 'Gamma tekst.'];
    const policy = fc.record({
      insurer: fc.constantFrom('a', 'b'),
      careType: fc.constantFrom('x', 'y', 'z'),
      year: fc.integer({ min: 2024, max: 2027 }),
      sections: fc.array(fc.record({ text: fc.constantFrom(...texts), theme: fc.constantFrom('t1', 't2') }), {
        minLength: 1,
        maxLength: 4,
      }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(policy, { selector: (p) => `${p.insurer}${p.careType}${p.year}` }), (drawn) => {
        const documents = drawn.map(
          (p) =>
            ({
              id: `${p.insurer}-${p.year}-${p.careType}`,
              insurer: p.insurer,
              careType: p.careType,
              year: p.year,
              sections: p.sections.map((section, index) => ({
                id: `s${index}`,
                number: null,
                title: 'Kop',
                level: 1,
                parent: null,
                themes: [section.theme],
                text: section.text,
                lines: [1, 1],
              })),
            }) as unknown as PolicyDocument,
        );
        const records = collectSearchRecords(named(documents));
        const seen = records.flatMap((record) => record.places.map((place) => `${place.policy}#${place.section}`));
        const all = documents.flatMap((document) => document.sections.map((section) => `${document.id}#${section.id}`));
        assert.deepEqual([...seen].sort(), [...all].sort(), 'every section in exactly one record');
        const byId = new Map(documents.map((document) => [document.id, document]));
        for (const record of records) {
          const pairs = new Set(record.places.map((place) => `${place.careType}/${place.year}`));
          const careTypes = new Set(record.places.map((place) => place.careType));
          const years = new Set(record.places.map((place) => place.year));
          assert.equal(pairs.size, careTypes.size * years.size, 'the places form a grid');
          for (const place of record.places) {
            const document = byId.get(place.policy)!;
            const section = document.sections.find((candidate) => candidate.id === place.section)!;
            assert.equal(document.insurer, record.insurer);
            assert.equal(section.text, record.text);
            assert.deepEqual(section.themes, record.themes);
            assert.equal(sectionLabel(section), record.heading);
          }
        }
        // Deterministic: the same corpus read in another order gives the same records.
        assert.deepEqual(collectSearchRecords(named([...documents].reverse())), records);
      }),
      { numRuns: 200 },
    );
  });
});

describe('grids', () => {
  const place = (careType: string, year: number) => ({
    policy: `${careType}${year}`,
    section: 's',
    careType,
    year,
    careTypeName: careType,
  });

  it('keeps care types with the same years together and splits the others', () => {
    const split = grids([place('x', 2025), place('x', 2026), place('y', 2025), place('y', 2026), place('z', 2026)]);
    assert.deepEqual(
      split.map((grid) => grid.map((p) => p.policy)),
      [['x2025', 'x2026', 'y2025', 'y2026'], ['z2026']],
    );
  });
});
