/** Compound splitting for search, on the words of the real corpus. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildLexicon,
  compoundAliases,
  compoundParts,
  lexiconKey,
  lexiconKeysFor,
  splitCompound,
} from '../../src/core/compounds.ts';
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

  it('splits a query word into the words it is made of, in order, also compounds the corpus lacks', () => {
    // Neither compound occurs in the corpus as written; their parts do.
    assert.deepEqual(splitCompound('wachtlijstbeleid', lexicon), ['wachtlijst', 'beleid']);
    assert.deepEqual(splitCompound('Zorginkoopafspraken', lexicon), ['zorginkoop', 'afspraken']);
    assert.deepEqual(splitCompound('overeenkomst', lexicon), []);
    assert.deepEqual(splitCompound('xyzzyqwerty', lexicon), []);
  });

  it('names every lexicon file a split can need: one per start of a part', () => {
    const word = 'wachtlijstbeleid';
    const keys = new Set(lexiconKeysFor(word));
    for (const part of splitCompound(word, lexicon)) assert.ok(keys.has(lexiconKey(part)), part);
    // A split found with only those files is the split found with the whole lexicon.
    const subset = new Set([...lexicon].filter((entry) => keys.has(lexiconKey(entry))));
    assert.deepEqual(splitCompound(word, subset), splitCompound(word, lexicon));
  });
});
