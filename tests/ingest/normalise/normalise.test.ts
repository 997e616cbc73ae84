/**
 * The normalise stage on small texts: lines into blocks (headings are the segment stage's, so a
 * heading line is a block like any other here), hyphenation undone, bullets as items, blank lines
 * kept.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSource } from '../../../src/ingest/load/load.ts';
import { normalise } from '../../../src/ingest/normalise/normalise.ts';
import { createOcrRepairer } from '../../../src/ingest/normalise/prepare-lines.ts';
import { loadTaxonomy } from '../../support/helpers.ts';

async function normalised(text: string, file = 'klein.txt') {
  const loaded = await loadSource(new TextEncoder().encode(text), file);
  return normalise(loaded, createOcrRepairer(loadTaxonomy().ocrFixes));
}

describe('normalise', () => {
  it('joins the wrapped lines of a paragraph, and keeps where each line starts', async () => {
    const source = await normalised('1 Inleiding\n\nWij kopen zorg in bij aanbieders\ndie voldoen aan de eisen.\n');
    const paragraph = source.blocks.find((block) => block.start === 3)!;
    assert.equal(paragraph.text, 'Wij kopen zorg in bij aanbieders die voldoen aan de eisen.');
    assert.deepEqual([paragraph.start, paragraph.end], [3, 4]);
    assert.deepEqual(
      paragraph.lineOffsets.map(([, line]) => line),
      [3, 4],
    );
  });

  it('undoes a hyphenation at a line end when the text knows the joined word, and keeps it otherwise', async () => {
    const text = [
      '1 Inleiding',
      '',
      'De zorg-',
      'aanbieder levert. Elke zorgaanbieder telt.',
      'De keten werkt samen. Die keten-',
      'zorg en kort- en',
      'langdurende zorg.',
    ].join('\n');
    const paragraph = (await normalised(text)).blocks.find((block) => block.start === 3)!;
    assert.match(paragraph.text, /^De zorgaanbieder levert\./u);
    // "keten" is a word of the text and "ketenzorg" is not: the hyphen may be the writer's, so it stays.
    assert.match(paragraph.text, /Die keten-zorg/u);
    assert.match(paragraph.text, /kort- en langdurende zorg\./u);
  });

  it('turns bullet glyphs into list items', async () => {
    const source = await normalised('1 Eisen\n\n• een offerte\n• een jaarverslag\n');
    const items = source.blocks.filter((block) => block.kind === 'list-item').map((block) => block.text);
    assert.deepEqual(items, ['een offerte', 'een jaarverslag']);
  });

  it('marks every blank line, so that later stages can check losslessness', async () => {
    const source = await normalised('1 Inleiding\n\nTekst.\n');
    assert.deepEqual(source.blankLines.slice(0, 3), [false, true, false]);
    assert.equal(source.lineCount, source.blankLines.length);
  });

  it('reads a Markdown source through its own parser', async () => {
    const source = await normalised('# Beleid\n\n## 1 Inleiding\n\nTekst met **nadruk**.\n', 'pagina.md');
    assert.equal(source.markdown, true);
    const headings = source.blocks.filter((block) => block.kind === 'heading');
    assert.deepEqual(
      headings.map((block) => [block.depth, block.text]),
      [
        [1, 'Beleid'],
        [2, '1 Inleiding'],
      ],
    );
  });
});
