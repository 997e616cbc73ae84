/** Compound splitting for search, on the words of the real corpus. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildLexicon, compoundAliases, compoundParts } from '../../src/core/compounds.ts';
import { CORPUS_FILES, ingestCorpusFile } from '../support/helpers.ts';

describe('compound words', async () => {
  const documents = await Promise.all(CORPUS_FILES.map((file) => ingestCorpusFile(file)));
  const lexicon = buildLexicon(documents.flatMap((document) => document.sections.map((section) => section.text)));

  it('splits compounds into corpus words', () => {
    assert.deepEqual(compoundParts('zorginkoopbeleid', lexicon).slice(0, 2), ['zorginkoop', 'beleid']);
    assert.ok(compoundParts('zorginkoopbeleid', lexicon).includes('inkoop'));
    assert.ok(compoundParts('wachtlijstbemiddeling', lexicon).includes('bemiddeling'));
    assert.ok(compoundParts('Wachtlijstbemiddeling', lexicon).includes('wachtlijst'));
  });

  it('leaves ordinary words whole', () => {
    assert.deepEqual(compoundParts('overeenkomst', lexicon), []);
    assert.deepEqual(compoundParts('zorg', lexicon), []);
    assert.deepEqual(compoundParts('2025', lexicon), []);
  });

  it('gives the aliases of a text that are not already in it', () => {
    const aliases = compoundAliases('Het zorginkoopbeleid en de inkoop', lexicon);
    assert.ok(aliases.includes('beleid'));
    assert.ok(!aliases.includes('inkoop'));
  });
});
