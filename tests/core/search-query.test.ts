/** The search page's reading of a query (src/core/search-query.ts), on made-up and generated words. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  contentWords,
  fewerWords,
  groupKey,
  matches,
  queryWords,
  unmatchedWords,
} from '../../src/core/search-query.ts';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
const letters = 'abcdefghijklmnopqrstuvwxyz';
const word = (next: () => number, length: number) =>
  Array.from({ length }, () => letters[Math.floor(next() * letters.length)]).join('');

describe('matches: a hit word answers a query word, a prefix Pagefind fell back to does not', () => {
  it('takes the word, its extensions and its inflections', () => {
    assert.ok(matches('kavels', 'kavels'));
    assert.ok(matches('machti', 'machtiging'));
    assert.ok(matches('kavels', 'kavel'));
    assert.ok(matches('eisen', 'eis'));
    assert.ok(matches('machtigingen', 'machtiging'));
    assert.ok(matches('cz', 'cz'));
  });

  it('refuses the short prefixes of a word the index lacks', () => {
    assert.equal(matches('xyzzy', 'x'), false);
    assert.equal(matches('qwerty', 'q'), false);
    assert.equal(matches('zorgomzetplafond', 'zorgomzet'), false);
    assert.equal(matches('wachtlijst', 'wacht'), false);
  });

  it('holds on generated words: every extension matches, every prefix under 60% does not', () => {
    const next = random(16);
    for (let run = 0; run < 500; run++) {
      const query = word(next, 3 + Math.floor(next() * 14));
      assert.ok(matches(query, query + word(next, Math.floor(next() * 6))), query);
      const cut = Math.floor(next() * Math.ceil(0.6 * query.length));
      if (cut < 3) assert.equal(matches(query, query.slice(0, cut)), false, `${query} / ${query.slice(0, cut)}`);
    }
  });
});

describe('the words of queries and hits', () => {
  it('folds a query into its words', () => {
    assert.deepEqual(queryWords('CZ  Zorgcoördinatie, 2025!'), ['cz', 'zorgcoordinatie', '2025']);
    assert.deepEqual(queryWords('  '), []);
  });

  it('reads a hit word as a whole and as its parts', () => {
    assert.deepEqual(contentWords('kavels.'), ['kavels']);
    assert.deepEqual(contentWords('maag/slokdarmkanker'), ['maagslokdarmkanker', 'maag', 'slokdarmkanker']);
    assert.deepEqual(contentWords('—'), []);
  });

  it('finds the query words no hit word answers to', () => {
    assert.deepEqual(unmatchedWords(['machtiging', 'xyzzy'], ['machtigingen', 'x']), ['xyzzy']);
    assert.deepEqual(unmatchedWords(['slokdarmkanker'], contentWords('maag/slokdarmkanker')), []);
  });
});

describe('fewerWords', () => {
  it('tries the most words first, leaving out the commonest word first', () => {
    const hits = new Map([
      ['cz', 103],
      ['machtiging', 8],
      ['taxi', 5],
      ['2025', 200],
    ]);
    const tries = fewerWords(['cz', 'machtiging', 'taxi', '2025'], hits);
    assert.deepEqual(tries[0], ['cz', 'machtiging', 'taxi']);
    assert.deepEqual(tries[1], ['machtiging', 'taxi', '2025']);
    assert.deepEqual(tries.at(-1)?.length, 1);
    // Every subset once, largest first.
    assert.equal(tries.length, 4 + 6 + 4);
    for (let index = 1; index < tries.length; index++) assert.ok(tries[index]!.length <= tries[index - 1]!.length);
  });

  it('bounds the searches of a long query', () => {
    const words = Array.from({ length: 12 }, (_, index) => `woord${index}`);
    assert.ok(fewerWords(words, new Map()).length < 2 ** 6);
  });
});

describe('groupKey', () => {
  it('is one for a section of one insurer and care type in two years, its number aside', () => {
    const a = groupKey({ insurer: 'cz', careType: 'msz', title: 'Zorgomzet en kavels' });
    assert.equal(groupKey({ insurer: 'cz', careType: 'msz', title: 'Zorgomzet  en Kavels.' }), a);
    assert.notEqual(groupKey({ insurer: 'cz', careType: 'ggz', title: 'Zorgomzet en kavels' }), a);
    assert.notEqual(groupKey({ insurer: 'vgz', careType: 'msz', title: 'Zorgomzet en kavels' }), a);
  });
});
