/**
 * No cliffs in segmentation: generated texts with numbered headings of any depth (random
 * numbering walks, random titles, boilerplate repeated under every heading) are segmented whole,
 * every heading found with its number, levels deeper than the schema's kept as headings and
 * said so, and in time linear to their size.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_LOAD_OPTIONS } from '../../../src/ingest/load/load.ts';
import { createPipelineContext, ingestSource } from '../../../src/ingest/pipeline.ts';
import { fixtureEntry, loadTaxonomy } from '../../support/helpers.ts';
import { policyText } from '../../bench/numbered-policy.ts';

const context = createPipelineContext(loadTaxonomy(), { ...DEFAULT_LOAD_OPTIONS, maxTextBytes: 64 * 2 ** 20 });
const ingest = (text: string) =>
  ingestSource({ file: 'gen.txt', bytes: new TextEncoder().encode(text), entry: fixtureEntry('gen.txt') }, context);

describe('segmentation at scale', () => {
  it('finds every heading of any numbering depth, and says where levels were clamped', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 12 }),
        async (seed, count, maxDepth) => {
          const { text, numbers } = policyText(seed, count, maxDepth);
          const document = await ingest(text);
          const sections = document.sections.filter((section) => section.level > 0);
          assert.deepEqual(
            sections.map((section) => section.number),
            numbers,
          );
          for (const section of sections)
            assert.equal(section.level, Math.min(8, section.number!.split('.').length), section.number!);
          const deep = numbers.filter((number) => number.split('.').length > 8);
          const warning = document.ingest.warnings.find((text) => /deeper than level 8/u.test(text));
          if (deep.length)
            assert.match(
              warning ?? '',
              new RegExp(
                `^${deep.length} headings? nests? deeper than level 8 \\(the first: ` +
                  `${deep[0]!.replace(/\./gu, '\\.')} `,
                'u',
              ),
            );
          else assert.equal(warning, undefined);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('takes time linear in the number of headings (10,000: about 4× 2,500, not 16×)', async () => {
    const median = async (text: string) => {
      const times: number[] = [];
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        const document = await ingest(text);
        times.push(performance.now() - started);
        assert.ok(document.sections.length > 0);
      }
      return times.sort((a, b) => a - b)[1]!;
    };
    const small = policyText(7, 2500, 6);
    const large = policyText(7, 10_000, 6);
    await ingest(small.text); // warm up the JIT
    const ratio = (await median(large.text)) / (await median(small.text));
    // Linear is ~4 (the text is 4× as long); quadratic would be ~16. Loose for a noisy machine.
    assert.ok(ratio < 9, `10,000 headings took ${ratio.toFixed(1)}× as long as 2,500`);
    const document = await ingest(large.text);
    assert.equal(document.sections.filter((section) => section.level > 0).length, 10_000);
  });
});
