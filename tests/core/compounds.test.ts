/** Compound splitting for search, on the words of the real corpus. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldText } from '../../src/core/text.ts';
import {
  aliasesMayDiffer,
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

  it("a lexicon change it calls harmless never changes a text's aliases (generated lexicon changes)", () => {
    const words = [...lexicon].sort();
    const texts = documents.flatMap((document) =>
      document.sections.map((section) => `${section.title} ${section.text}`),
    );
    let harmless = 0;
    let harmful = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        // Words taken out of the lexicon, and made-up ones put in: parts and stems of the text's own words among them.
        fc.array(fc.integer({ min: 0, max: words.length - 1 }), { maxLength: 6 }),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 400 }),
            fc.integer({ min: 4, max: 12 }),
            fc.constantFrom('', 'en', 's', 'e'),
          ),
          { maxLength: 4 },
        ),
        (textIndex, removed, made) => {
          const text = texts[textIndex]!;
          const folded = foldText(text);
          const other = new Set(lexicon);
          const changed = new Set<string>();
          for (const index of removed) {
            other.delete(words[index]!);
            changed.add(words[index]!);
          }
          for (const [at, length, suffix] of made) {
            const piece = folded.slice(at % Math.max(1, folded.length), (at % Math.max(1, folded.length)) + length);
            if (!/^\p{L}{4,}$/u.test(piece)) continue;
            const word = piece + suffix;
            if (other.has(word)) other.delete(word);
            else other.add(word);
            changed.add(word);
          }
          if (aliasesMayDiffer(folded, changed)) harmful++;
          else {
            harmless++;
            assert.deepEqual(compoundAliases(text, other), compoundAliases(text, lexicon));
          }
        },
      ),
      { numRuns: 400, seed: 17 },
    );
    // Both answers were given often enough for the property to say something.
    assert.ok(harmless > 50 && harmful > 50, `harmless ${harmless}, harmful ${harmful}`);
  });

  it('names a lexicon change that does change the aliases', () => {
    const text = 'Het zorginkoopbeleid';
    const without = new Set(
      [...lexicon].filter((word) => !['beleid', 'beleiden', 'beleids', 'beleide'].includes(word)),
    );
    assert.notDeepEqual(compoundAliases(text, without), compoundAliases(text, lexicon));
    assert.equal(aliasesMayDiffer(foldText(text), ['beleid']), true);
    assert.equal(aliasesMayDiffer(foldText(text), ['beleiden']), true, 'a stem with a suffix isWord tries');
    assert.equal(aliasesMayDiffer(foldText(text), ['ziekenvervoer']), false);
  });
});
