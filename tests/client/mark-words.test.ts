/** Which words a landing page marks (src/client/lib/mark-words.ts markRanges). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markRanges } from '../../src/client/lib/mark-words.ts';

const marked = (text: string, words: string[]) => markRanges(text, words).map(([from, to]) => text.slice(from, to));

describe('markRanges', () => {
  it('marks whole words holding a searched word, its inflections and its accents', () => {
    assert.deepEqual(marked('De Zorgomzet wordt verdeeld in kavels; per kavel', ['zorgomzet', 'kavels']), [
      'Zorgomzet',
      'kavels',
      'kavel',
    ]);
    assert.deepEqual(marked('Zorgcoördinatie en coördinatie', ['zorgcoordinatie']), ['Zorgcoördinatie']);
    // A compound found through its part (the index holds the parts of compounds).
    assert.deepEqual(marked('het zorginkoopbeleid', ['beleid']), ['zorginkoopbeleid']);
  });

  it('marks a short word only at the start of a word', () => {
    assert.deepEqual(marked('CZ groep en ACZ', ['cz']), ['CZ']);
  });

  it('marks nothing for words the text lacks', () => {
    assert.deepEqual(marked('geen treffers hier', ['xyzzy']), []);
    assert.deepEqual(marked('', ['zorg']), []);
  });
});
