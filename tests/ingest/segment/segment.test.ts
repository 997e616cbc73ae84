/** The segment stage on small texts: the tree it builds, what it refuses to call a heading, and losslessness. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSource } from '../../../src/ingest/load/load.ts';
import { normalise } from '../../../src/ingest/normalise/normalise.ts';
import { createOcrRepairer } from '../../../src/ingest/normalise/prepare-lines.ts';
import { isSuccessor } from '../../../src/ingest/segment/detect-headings.ts';
import { segment } from '../../../src/ingest/segment/segment.ts';
import { loadTaxonomy } from '../../support/helpers.ts';

async function sectionsOf(text: string) {
  const loaded = await loadSource(new TextEncoder().encode(text), 'klein.txt');
  const repairer = createOcrRepairer(loadTaxonomy().ocrFixes);
  return { lines: loaded.lines, ...segment(normalise(loaded, repairer)) };
}

const TEXT = [
  'Zorginkoopbeleid 2026',
  '',
  '1 Inleiding',
  'Dit beleid beschrijft hoe wij zorg inkopen bij aanbieders in de regio.',
  '',
  '1.1 Doel van dit document',
  'Wij willen passende zorg voor iedere verzekerde, dichtbij en betaalbaar.',
  '',
  '1.2 Leeswijzer',
  'Per hoofdstuk staat een onderwerp; bijlagen staan achteraan.',
  '',
  '2 Inkoopprocedure',
  'Aanbieders schrijven zich in via het portaal. Er zijn 12 regio’s en',
  '3 rondes per jaar waarin wij offertes beoordelen.',
  '',
  '2.1 Termijnen',
  'Offertes ontvangen wij vóór 1 april.',
  '',
].join('\n');

describe('segment', () => {
  it('builds the tree from the numbering: levels and parents', async () => {
    const { sections } = await sectionsOf(TEXT);
    const tree = sections.filter((s) => s.number !== null).map((s) => [s.number, s.title, s.level]);
    assert.deepEqual(tree, [
      ['1', 'Inleiding', 1],
      ['1.1', 'Doel van dit document', 2],
      ['1.2', 'Leeswijzer', 2],
      ['2', 'Inkoopprocedure', 1],
      ['2.1', 'Termijnen', 2],
    ]);
    // The title line above the first chapter is a heading of its own, without a number.
    assert.equal(sections.find((s) => s.title === 'Zorginkoopbeleid 2026')?.number, null);
    const byNumber = new Map(sections.map((s) => [s.number, s]));
    assert.equal(byNumber.get('1.2')!.parent, byNumber.get('1')!.id);
    assert.equal(byNumber.get('2.1')!.parent, byNumber.get('2')!.id);
  });

  it('does not take a wrapped line that starts with a number out of sequence for a heading', async () => {
    const { sections } = await sectionsOf(TEXT);
    assert.ok(!sections.some((s) => s.title.startsWith('rondes')), 'a wrapped "3 rondes per jaar" is body text');
  });

  it('puts every line in exactly one section, in order (lossless)', async () => {
    const { sections, lines } = await sectionsOf(TEXT);
    let next = 1;
    for (const section of sections) {
      assert.ok(section.lines[0] >= next, `${section.title} starts before the previous section ended`);
      for (let line = next; line < section.lines[0]; line++) assert.equal(lines[line - 1]!.trim(), '');
      next = section.lines[1] + 1;
    }
    for (let line = next; line <= lines.length; line++) assert.equal(lines[line - 1]!.trim(), '');
  });

  it('accepts a number as the successor of the numbering only when it continues it', () => {
    assert.equal(isSuccessor([1], [2]), true);
    assert.equal(isSuccessor([1], [1, 1]), true);
    assert.equal(isSuccessor([1, 2], [2]), true);
    assert.equal(isSuccessor([1, 2], [1, 3]), true);
    assert.equal(isSuccessor([1], [3]), false);
    assert.equal(isSuccessor([1, 1], [1, 3]), false);
    assert.equal(isSuccessor([299], [300]), true);
  });
});
