import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { oncePer, oncePerPair } from '../../src/core/memo.ts';

describe('oncePer', () => {
  it('computes once per key and gives the first result again', () => {
    const calls: object[] = [];
    const lengthOf = oncePer((list: number[]) => {
      calls.push(list);
      return { length: list.length };
    });
    const [a, b] = [
      [1, 2],
      [1, 2],
    ];
    const first = lengthOf(a);
    assert.equal(lengthOf(a), first);
    assert.notEqual(lengthOf(b), first, 'an equal but other key is another key');
    assert.deepEqual(lengthOf(b), first);
    assert.deepEqual(calls, [a, b]);
  });

  it('keeps a result that is undefined too', () => {
    let calls = 0;
    const nothing = oncePer((_key: object) => {
      calls++;
      return undefined;
    });
    const key = {};
    nothing(key);
    nothing(key);
    assert.equal(calls, 1);
  });
});

describe('oncePerPair', () => {
  it('computes once per pair, and pairs that share one key are apart', () => {
    let calls = 0;
    const join = oncePerPair((first: { name: string }, second: { name: string }) => {
      calls++;
      return `${first.name}+${second.name}`;
    });
    const [x, y] = [{ name: 'x' }, { name: 'y' }];
    assert.equal(join(x, y), 'x+y');
    assert.equal(join(y, x), 'y+x');
    assert.equal(join(x, x), 'x+x');
    assert.equal(join(x, y), 'x+y');
    assert.equal(calls, 3);
  });
});
