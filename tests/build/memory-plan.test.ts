/** Side by side or one after the other: the build's two halves within its memory budget. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  astroHeapLimitFor,
  estimatedCorpusMb,
  estimatePartPeaks,
  heapLimitMisfits,
  type PartPeaks,
  planMemory,
  searchHeapLimitFor,
} from '../../src/build/memory-plan.ts';

const input = (corpusMb: number, budgetMb = 1536, shardSections = 3500) => ({
  corpusMb,
  shardSections,
  budgetMb,
});

describe('memory plan', () => {
  it('reproduces, within a tenth, what the benchmark measured of each part at its peak', () => {
    // Builds of the benchmark's corpora side by side (ATLAS_BUILD_MEMORY_MB=8192), each part at the
    // build's peak: N = 1,000 (72 MB of corpus JSON) and N = 2,000 (144 MB), shards of 7,000
    // records; Astro's own peak. Astro reading what was made ahead: its peak in a full build at
    // N = 1,000 with the search index begun beside it.
    const rows: Array<[number, Partial<PartPeaks>]> = [
      [72, { astro: 994, astroReading: 704, searchScript: 259, indexer: 797, orchestrator: 145 }],
      [144, { astro: 1551, searchScript: 528, indexer: 745, orchestrator: 160 }],
    ];
    for (const [corpusMb, measured] of rows) {
      const estimate = estimatePartPeaks(input(corpusMb, 1536, 7000));
      for (const [part, mb] of Object.entries(measured) as Array<[keyof PartPeaks, number]>)
        assert.ok(
          Math.abs(estimate[part] - mb) <= mb / 10,
          `${corpusMb} MB, ${part}: ${estimate[part].toFixed(0)} against ${mb}`,
        );
    }
  });

  it('runs a small corpus side by side, and a thousand policies one after the other within 1.5 GB', () => {
    assert.equal(planMemory(input(0.4)).sideBySide, true);
    const large = planMemory(input(72));
    assert.equal(large.sideBySide, false);
    assert.ok(large.peakMb <= 1536, `${large.peakMb}`);
  });

  it('after a text change at a thousand policies, side by side within 1.5 GB (Astro renders little)', () => {
    // A typo rebuild side by side at N = 1,000 peaked at 1,314 MB: Astro 517, the indexer 374, the search script 317.
    const typo = planMemory({ ...input(72), incremental: true });
    assert.equal(typo.sideBySide, true);
    assert.ok(typo.peakMb >= 1314 && typo.peakMb <= 1536, `${typo.peakMb}`);
    assert.equal(planMemory({ ...input(144), incremental: true }).sideBySide, false);
  });

  it('runs side by side whatever the size when the budget allows it', () => {
    assert.equal(planMemory(input(144, 4096)).sideBySide, true);
  });

  it('never estimates one after the other above side by side, and grows with the corpus', () => {
    let previous = 0;
    for (let corpusMb = 0.1; corpusMb < 400; corpusMb *= 1.7) {
      const together = planMemory(input(corpusMb, Number.POSITIVE_INFINITY));
      const apart = planMemory(input(corpusMb, 0));
      assert.ok(apart.peakMb <= together.peakMb, `${corpusMb} MB`);
      assert.ok(together.peakMb >= previous, `${corpusMb} MB`);
      previous = together.peakMb;
    }
  });

  it('begins the search index beside the pages once make-ahead is done, with one indexer, when that fits', () => {
    const large = planMemory(input(72));
    const { parts } = large;
    const search = parts.searchScript + parts.indexer;
    assert.equal(large.madeAhead, true);
    assert.equal(large.searchAfterAhead, true);
    assert.equal(large.searchIndexers, 2, 'a second indexer once the pages are done');
    assert.equal(
      large.peakMb,
      Math.max(parts.astroReading + parts.madeAhead, parts.astroReading + search, search + parts.indexer) +
        parts.orchestrator,
    );
    assert.ok(large.peakMb <= 1536, `${large.peakMb}`);
    // A budget that holds the pages with make-ahead beside them, and the index with two indexers
    // after them, but not the index beside the pages.
    const apart = planMemory(input(72, Math.ceil(parts.astroReading + search + parts.orchestrator) - 1));
    assert.deepEqual([apart.madeAhead, apart.searchAfterAhead, apart.searchIndexers], [true, false, 2]);
    // One that holds one indexer beside the search script, not two.
    const tight = planMemory(input(72, Math.ceil(parts.searchScript + 1.5 * parts.indexer + parts.orchestrator)));
    assert.equal(tight.sideBySide, false);
    assert.equal(tight.searchAfterAhead, false);
    assert.equal(tight.searchIndexers, 1);
    // Side by side, after a text change and at 2,000 policies (make-ahead does not fit): never.
    for (const plan of [
      planMemory(input(0.4)),
      planMemory({ ...input(72), incremental: true }),
      planMemory(input(144)),
    ])
      assert.equal(plan.searchAfterAhead, false);
    assert.equal(planMemory(input(0.4)).searchIndexers, 1);
    assert.equal(planMemory(input(144, 4096)).searchIndexers, 1);
  });

  it('estimates Astro reading what was made ahead at no more than Astro making it', () => {
    for (let corpusMb = 0.1; corpusMb < 400; corpusMb *= 1.7) {
      const parts = estimatePartPeaks({ corpusMb, shardSections: 3500 });
      assert.ok(parts.astroReading <= parts.astro, `${corpusMb} MB`);
    }
    assert.ok(searchHeapLimitFor(72) >= 256 && searchHeapLimitFor(144) > searchHeapLimitFor(72));
  });

  it('estimates the corpus from the sources, and starts Astro again only when its heap limit misfits', () => {
    // The benchmark's 1,000 text sources: 44.7 MiB made 72.1 MiB of corpus JSON.
    const estimate = estimatedCorpusMb({ textMb: 44.68, pdfMb: 0 });
    assert.ok(estimate >= 72.05 && estimate <= 72.05 * 1.05, `${estimate}`);
    assert.equal(heapLimitMisfits(estimate, 72.05), false);
    // Too small a limit for the corpus made, or one far above it.
    assert.equal(heapLimitMisfits(50, 72), true);
    assert.equal(heapLimitMisfits(200, 72), true);
    assert.equal(heapLimitMisfits(90, 72), true, 'its limit a fifth too large');
    // Small corpora all have the floor of 1 GB: no start again for them.
    assert.equal(astroHeapLimitFor(estimatedCorpusMb({ textMb: 5, pdfMb: 20 })), 1024);
    assert.equal(heapLimitMisfits(estimatedCorpusMb({ textMb: 5, pdfMb: 20 }), 1), false);
  });

  it('makes comparisons ahead beside the pages only when they render alone, all of them, within the budget', () => {
    assert.equal(planMemory(input(0.4)).madeAhead, false, 'side by side: no core is idle');
    assert.equal(planMemory({ ...input(72), incremental: true }).madeAhead, false);
    assert.equal(planMemory({ ...input(144), incremental: true }).madeAhead, false);
    const { parts } = planMemory(input(72));
    const without = planMemory(input(72, Math.floor(parts.astroReading + parts.madeAhead + parts.orchestrator) - 1));
    assert.equal(without.sideBySide, false);
    assert.equal(without.madeAhead, false);
    // Astro then makes the comparisons itself: the pages alone are the floor.
    assert.equal(without.peakMb, Math.max(parts.astro, parts.searchScript + parts.indexer) + parts.orchestrator);
  });
});
