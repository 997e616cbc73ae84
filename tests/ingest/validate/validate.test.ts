/** The validate stage on documents broken on purpose: each invariant it guards fails with its own message. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvariantError } from '../../../src/core/errors.ts';
import type { PolicyDocument } from '../../../src/core/schemas/document.ts';
import { validateDocument } from '../../../src/ingest/validate/validate.ts';
import { fixtureEntry, ingestText } from '../../support/helpers.ts';

const TEXT = '1 Inleiding\nTekst.\n\n2 Inkoop\nMeer tekst.\n\n2.1 Termijnen\nVóór 1 april.\n';
const blanks = TEXT.split('\n').map((line) => line.trim() === '');

describe('validate', async () => {
  const document = await ingestText(TEXT, 'klein.txt', fixtureEntry('klein.txt'));
  const broken = (change: (copy: PolicyDocument) => void) => {
    const copy = structuredClone(document);
    change(copy);
    return () => validateDocument(copy, blanks);
  };

  it('passes the document the pipeline made', () => {
    assert.doesNotThrow(() => validateDocument(document, blanks));
  });

  const cases: Array<[string, (copy: PolicyDocument) => void, RegExp]> = [
    ['a line in no section', (copy) => (copy.sections[1]!.lines = [5, 5]), /non-blank line 4 is in no section/u],
    ['overlapping sections', (copy) => (copy.sections[1]!.lines = [2, 5]), /overlaps/u],
    ['a parent that does not precede', (copy) => (copy.sections[1]!.parent = 'nergens'), /parent "nergens"/u],
    ['a span past the end', (copy) => (copy.sections.at(-1)!.lines = [7, 99]), /spans lines 7–99/u],
    ['a field against the schema', (copy) => (copy.year = 1900), /does not match the schema at year/u],
  ];
  for (const [what, change, says] of cases) {
    it(`fails on ${what}`, () => {
      assert.throws(broken(change), (error: unknown) => error instanceof InvariantError && says.test(error.message));
    });
  }
});
