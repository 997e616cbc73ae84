/** The benchmark's synthetic corpus: seeded, as large as asked, and its recorded moves are real. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateCorpus, seededRandom } from './synthetic-corpus.ts';
import { CORPUS_FILES, ingestCorpusFile, loadTaxonomy, sourceLines } from '../support/helpers.ts';

const bases = await Promise.all(
  CORPUS_FILES.map(async (file) => ({
    document: await ingestCorpusFile(file),
    text: `${sourceLines(file).join('\n')}\n`,
  })),
);
const taxonomy = loadTaxonomy();

describe('synthetic corpus', () => {
  it('is the same for the same seed, and another for another seed', () => {
    const first = generateCorpus(bases, taxonomy, { count: 30, seed: 7 });
    assert.deepEqual(generateCorpus(bases, taxonomy, { count: 30, seed: 7 }), first);
    assert.notDeepEqual(
      generateCorpus(bases, taxonomy, { count: 30, seed: 8 }).map((policy) => policy.text),
      first.map((policy) => policy.text),
    );
    assert.equal(seededRandom(1)(), seededRandom(1)());
  });

  it('has as many policies as asked, each a file of its own, five years per insurer and care type', () => {
    const policies = generateCorpus(bases, taxonomy, { count: 30, seed: 7 });
    assert.equal(policies.length, 30);
    assert.equal(new Set(policies.map((policy) => policy.file)).size, 30);
    assert.deepEqual(
      policies.slice(0, 5).map((policy) => policy.year),
      [2023, 2024, 2025, 2026, 2027],
    );
    for (let index = 1; index < 5; index++)
      assert.notEqual(policies[index]!.text, policies[index - 1]!.text, 'every year changes something');
  });

  it('records each move as two sibling sections that traded places', () => {
    const policies = generateCorpus(bases, taxonomy, { count: 60, seed: 7 });
    let checked = 0;
    for (const [index, policy] of policies.entries()) {
      const before = policies[index - 1];
      if (!before || before.careType !== policy.careType || before.insurer !== policy.insurer) continue;
      for (const [first, second] of policy.moved) {
        // Moved sections are numbered: their heading is a line "<number> <title>", found once (a
        // title printed otherwise, or twice, is skipped rather than guessed).
        const lines = (text: string, title: string) =>
          text
            .split('\n')
            .flatMap((line, at) =>
              /^\d+(?:\.\d+)*\.?\s/u.test(line) && line.trimEnd().endsWith(` ${title}`) ? [at] : [],
            );
        if (
          [before.text, policy.text].some((text) => lines(text, first).length !== 1 || lines(text, second).length !== 1)
        )
          continue;
        const position = (text: string, title: string) => lines(text, title)[0]!;
        assert.ok(
          position(before.text, second) < position(before.text, first),
          `${policy.file}: "${first}" came after "${second}" the year before`,
        );
        assert.ok(
          position(policy.text, first) < position(policy.text, second),
          `${policy.file}: "${first}" now comes first`,
        );
        checked++;
      }
    }
    assert.ok(checked >= 5, `only ${checked} moves`);
  });
});
