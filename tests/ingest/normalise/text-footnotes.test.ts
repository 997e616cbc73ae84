/** Footnotes left in the flow of a text source: set aside, attached to their section, markers as superscripts. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findTextFootnotes } from '../../../src/ingest/normalise/text-footnotes.ts';
import type { PreparedLine } from '../../../src/ingest/normalise/types.ts';
import { fixtureEntry, ingestText } from '../../support/helpers.ts';

const prepared = (text: string): PreparedLine[] =>
  text.split('\n').map((raw, index) => ({
    no: index + 1,
    raw,
    full: raw,
    text: raw.trim(),
    blank: raw.trim() === '',
    pageStart: false,
  }));

describe('footnotes in text sources', () => {
  it('takes numbered notes whose markers stand glued or bracketed above them', () => {
    const lines = prepared(
      'Dit raakt onze gezondheid1. En de keten[2] ook.\n\n1 Zie het rapport van het RIVM.\n\n| 2022\n2 [2] Green Deal ' +
        'Duurzame Zorg',
    );
    const result = findTextFootnotes(
      lines,
      lines.map(() => false),
    );
    assert.deepEqual(result.footnotes, [
      { marker: '1', text: 'Zie het rapport van het RIVM. | 2022', lines: [3, 5], reference: 1 },
      { marker: '2', text: 'Green Deal Duurzame Zorg', lines: [6, 6], reference: 1 },
    ]);
    assert.equal(result.lines[0]!.text, 'Dit raakt onze gezondheid¹. En de keten[2] ook.');
    assert.deepEqual(result.fixes, [{ line: 1, from: 'gezondheid1', to: 'gezondheid¹' }]);
  });

  it('leaves numbered headings, numbers without a marker and years alone', () => {
    const lines = prepared(
      '1 Inleiding\nIn 2025 zetten wij in op GDDZ3.0 en 12 regio’s.\n\n2 Inkoopprocedure\nDe planning staat hieronder.',
    );
    const result = findTextFootnotes(
      lines,
      lines.map(() => false),
    );
    assert.deepEqual(result.footnotes, []);
    assert.deepEqual(result.fixes, []);
    assert.deepEqual(result.lines, lines);
  });

  it('shows a note with the section that carries its marker, outside the section text', async () => {
    const text = [
      '1 Duurzaamheid',
      'Wij vragen zorgaanbieders de Green Deal te ondertekenen en hun CO2-uitstoot te verlagen, zoals het RIVM ' +
        'adviseert1.',
      '',
      '1 Het effect van de Nederlandse zorg op het milieu.',
      '',
      '2 Kwaliteit',
      'Wij kopen zorg in die voldoet aan de kwaliteitsnormen van de beroepsgroep en de wetenschappelijke verenigingen.',
    ].join('\n');
    const document = await ingestText(text, 'noten.txt', fixtureEntry('noten.txt'));
    const section = document.sections.find((candidate) => candidate.number === '1')!;
    assert.deepEqual(section.footnotes, [
      { marker: '1', text: 'Het effect van de Nederlandse zorg op het milieu.', lines: [4, 4] },
    ]);
    assert.match(section.text, /adviseert¹\.$/u);
    assert.doesNotMatch(section.text, /Het effect/u);
    assert.deepEqual(
      document.sections.map((candidate) => candidate.number),
      ['1', '2'],
    );
  });
});
