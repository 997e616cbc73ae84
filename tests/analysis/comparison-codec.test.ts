/** Comparisons as plain JSON and back (src/analysis/comparison-codec.ts), and kept whole by Comparisons. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { compareDocuments, type Comparison } from '../../src/analysis/compare.ts';
import { decodeComparison, type EncodedComparison, encodeComparison } from '../../src/analysis/comparison-codec.ts';
import { Comparisons, insurerStepPairs } from '../../src/analysis/history.ts';
import type { PolicyDocument } from '../../src/core/schemas/document.ts';
import { CORPUS_FILES, ingestCorpusFile } from '../support/helpers.ts';

/** Through JSON, as the build cache keeps it. */
const roundTrip = (comparison: Comparison) =>
  decodeComparison(JSON.parse(JSON.stringify(encodeComparison(comparison))), comparison.from, comparison.to);

describe('comparison codec', () => {
  let documents: PolicyDocument[] = [];
  const pairs: Array<[PolicyDocument, PolicyDocument]> = [];
  before(async () => {
    documents = await Promise.all(CORPUS_FILES.map((file) => ingestCorpusFile(file)));
    // Every pair of two policies of the real corpus, both ways: different documents and the same.
    for (const from of documents) for (const to of documents) pairs.push([from, to]);
  });

  it('gives back the comparison compareDocuments makes, pointing at the same sections', () => {
    for (const [from, to] of pairs) {
      const made = compareDocuments(from, to);
      const decoded = roundTrip(made);
      assert.deepEqual(decoded, made, `${from.id} → ${to.id}`);
      decoded.pairs.forEach((pair, index) => {
        assert.equal(pair.old, made.pairs[index]!.old, `${from.id} → ${to.id}: pair ${index}, old`);
        assert.equal(pair.new, made.pairs[index]!.new, `${from.id} → ${to.id}: pair ${index}, new`);
      });
      for (const [index, location] of decoded.stated.entries())
        assert.equal(location.section, made.stated[index]!.section);
    }
  });

  it('refuses to decode a comparison for other documents', () => {
    const [from, to] = pairs.find(([a, b]) => a !== b)!;
    const encoded = encodeComparison(compareDocuments(from, to));
    assert.throws(() => decodeComparison(encoded, to, from), /was taken for/u);
    const fewer = { ...from, sections: from.sections.slice(1) };
    assert.throws(() => decodeComparison(encoded, fewer, to), /was taken for/u);
  });

  it('lets Comparisons read a kept comparison instead of making it again', () => {
    const store = new Map<string, EncodedComparison>();
    let made = 0;
    const keep = ([from, to]: [PolicyDocument, PolicyDocument], compute: () => EncodedComparison) => {
      const key = `${from.id}>${to.id}`;
      if (!store.has(key)) {
        made++;
        store.set(key, JSON.parse(JSON.stringify(compute())));
      }
      return store.get(key)!;
    };
    const steps = [...new Set(documents.map((document) => document.insurer))].flatMap((insurer) =>
      insurerStepPairs(documents, insurer),
    );
    assert.ok(steps.length > 0);
    const ahead = new Comparisons(undefined, keep);
    for (const { from, to } of steps) ahead.keep(from, to);
    assert.equal(made, steps.length);
    const pages = new Comparisons(undefined, keep);
    // The same comparison, but for the last bits of a similarity: its sums ran in the order of the
    // words first seen, which differs with what the comparer compared before.
    const rounded = (comparison: Comparison) => ({
      ...comparison,
      pairs: comparison.pairs.map((pair) => ({ ...pair, similarity: pair.similarity.toFixed(12) })),
    });
    for (const { from, to } of steps) {
      const read = pages.of(from, to);
      assert.deepEqual(read, decodeComparison(store.get(`${from.id}>${to.id}`)!, from, to));
      assert.deepEqual(rounded(read), rounded(compareDocuments(from, to)), `${from.id} → ${to.id}`);
    }
    assert.equal(made, steps.length, 'every comparison was read, none made again');
  });
});
