/**
 * Property tests on generated policy-like texts: whatever the mix of headings, bullets, prose,
 * blank lines and noise, the pipeline is lossless (validateDocument inside it would throw),
 * deterministic, and never throws anything but an InputError.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InputError } from '../../src/core/errors.ts';
import { serialiseDocument } from '../../src/ingest/run/write.ts';
import { fixtureEntry, ingestText } from '../support/helpers.ts';
import { compileFoldedPhrase, compilePhraseScanner, foldText } from '../../src/core/text.ts';

const line = fc.oneof(
  fc.constantFrom(
    '',
    '',
    ' ',
    '1 Inleiding',
    '2.1 Thema’s 2025',
    '3.',
    'Voorwaarden zorgovereenkomst',
    'Passende zorg',
    'Bijlage 1 Lijst',
    '• Een opsommingsteken met tekst;',
    'e Gezonde keuzes te maken;',
    'Uiterlijk 1 september 2025',
    'https://www.zn.nl/x',
    '21 Thema’s 2023-2026',
    'De zorgaanbieder levert zorg volgens de richtlijnen van de beroepsgroep en de wet.',
    'wordt vervolgd op de volgende regel met kleine letter',
    '## Kop',
    '- lijst',
    '<b>html</b>',
  ),
  fc.string({ maxLength: 60 }),
);

describe('pipeline properties', () => {
  it('is lossless, deterministic and fails only with InputError on any mix of lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 60 }), async (lines) => {
        const text = lines.join('\n');
        const entry = fixtureEntry('gen.txt', { allowFlat: true });
        let first;
        try {
          first = await ingestText(text, 'gen.txt', entry);
        } catch (error) {
          assert.ok(error instanceof InputError, `unexpected ${String(error)}`);
          return;
        }
        const second = await ingestText(text, 'gen.txt', entry);
        assert.equal(serialiseDocument(second), serialiseDocument(first));
        const covered = new Set<number>();
        for (const section of first.sections)
          for (let no = section.lines[0]; no <= section.lines[1]; no++) covered.add(no);
        text.split(/\r\n|\n|\r/).forEach((source, index) => {
          if (source.trim() !== '') assert.ok(covered.has(index + 1), `line ${index + 1} lost`);
        });
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });
});

describe('phrase scanner', () => {
  // One scan must rule out exactly the phrases whose first word is not in the text, as one
  // `includes` per phrase would: overlapping and nested first words ("zorg", "zorgverzekeraar",
  // "verzekeraar") included.
  const word = fc.constantFrom(
    'zorg',
    'zorgverzekeraar',
    'verzekeraar',
    'zorgv',
    'rg',
    'a.s.r.',
    'co2',
    'é',
    'inkoop',
    'inkoopbeleid 2025',
  );
  it('finds the same key words as includes() on any text', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { maxLength: 8 }),
        fc.array(fc.oneof(word, fc.constantFrom(' ', '-', 'x', '\n')), { maxLength: 30 }),
        (phrases, parts) => {
          const compiled = phrases.map((phrase) => compileFoldedPhrase(phrase));
          const text = foldText(parts.join(''));
          const scanned = compilePhraseScanner(compiled)(text);
          for (const phrase of compiled) {
            assert.equal(
              scanned.has(phrase.keyWord),
              text.includes(phrase.keyWord),
              `${phrase.keyWord} in ${JSON.stringify(text)}`,
            );
            assert.equal(scanned.count(phrase), phrase.count(text));
          }
        },
      ),
    );
  });
});
