/**
 * Whether the two halves of a build (Astro's pages, and the search index with Pagefind's indexer)
 * run side by side or one after the other. Side by side they end sooner on two cores, but their
 * memory adds up: past a few hundred policies more than the build may take. The peak each part
 * reaches is estimated from the corpus's size, by a line through what the benchmark measured of
 * each part at its peak (tests/bench/SETTINGS.md), and the halves run side by side only when the
 * sum fits the memory budget (ATLAS_BUILD_MEMORY_MB). Between the two: the pages with what they
 * read made ahead beside them, then, once that is done, the search index beside the rest of the
 * pages, when Astro keeping no comparisons leaves room for it.
 */

export interface MemoryPlanInput {
  /** The structured corpus's JSON, MB. */
  corpusMb: number;
  /** Search records per shard, at most (ATLAS_SEARCH_SHARD_SECTIONS). */
  shardSections: number;
  /** What the build may take, MB. */
  budgetMb: number;
  /** Only some pages are rendered (a text change): Astro holds the corpus but renders a few pages. */
  incremental?: boolean;
}

/** Each part's estimated peak, resident, MB. */
export interface PartPeaks {
  /** Astro making the comparisons its pages show, and keeping them. */
  astro: number;
  /** Astro reading the comparisons made ahead (made-ahead.ts), keeping none. */
  astroReading: number;
  searchScript: number;
  indexer: number;
  /** scripts/build.ts itself: the ingest it ran and the checks after. */
  orchestrator: number;
  /** scripts/make-ahead.ts: one insurer's policies at a time. */
  madeAhead: number;
}

export interface MemoryPlan {
  sideBySide: boolean;
  /**
   * Whether the calendar's events and the comparisons the pages show are made ahead, beside
   * Astro, by a process of its own (src/site/made-ahead.ts): when the pages render alone, all of
   * them, within the budget.
   */
  madeAhead: boolean;
  /**
   * Whether the search index starts once what the pages read is made ahead, beside the pages still
   * rendering, with one indexer: make-ahead leaves the second core idle long before Astro is done.
   */
  searchAfterAhead: boolean;
  /**
   * Search shards indexed at once, each by a Pagefind indexer of its own, once the pages are done:
   * 2 when a second indexer fits the budget beside the first (the pages then take no core).
   */
  searchIndexers: number;
  parts: PartPeaks;
  /** The build's estimated peak in the plan chosen, MB. */
  peakMb: number;
}

/**
 * Astro's old-generation limit (MB): 256 + 12 × the corpus JSON in MB (about twice what is live),
 * at least 1024. Left alone, V8 lets garbage grow to several times what is live before collecting it.
 */
export function astroHeapLimitFor(corpusMb: number): number {
  return Math.max(1024, Math.ceil(256 + 12 * corpusMb));
}

/**
 * The corpus JSON (MB) that sources of these sizes make, estimated before the ingest has made it:
 * a text source's JSON is about 1.6 times its size (its sections, their text and where they came
 * from), a PDF's under half its bytes (the rest is fonts, images and layout). A little high: a
 * heap limit set too low starts Astro again (heapLimitMisfits), one too high lets it keep that
 * much more garbage.
 */
export function estimatedCorpusMb(sources: { textMb: number; pdfMb: number }): number {
  return 1.65 * sources.textMb + 0.5 * sources.pdfMb;
}

/**
 * Whether Astro started with the heap limit for `startedMb` of corpus should be started again for
 * the corpus there is (`actualMb`): when its limit is too small, or more than a tenth too large
 * (garbage grows to the limit, and the build's memory plan went by the corpus there is).
 */
export function heapLimitMisfits(startedMb: number, actualMb: number): boolean {
  const started = astroHeapLimitFor(startedMb);
  const needed = astroHeapLimitFor(actualMb);
  return needed > started || started > 1.1 * needed;
}

/**
 * The search script's old-generation limit (MB) beside the pages: a little above its estimated
 * peak, so that its garbage does not grow into what Astro and the indexer need, yet is collected
 * seldom enough (a limit at its peak cost it a CPU-second more at N = 1,000). At least 256.
 */
export function searchHeapLimitFor(corpusMb: number): number {
  return Math.max(256, Math.ceil(4.5 * corpusMb));
}

/**
 * Search records per MB of corpus JSON at most: one per section, as a corpus without repeated
 * text has them (the synthetic one repeats its text, 186 records per MB).
 */
const RECORDS_PER_MB = 745;

export function estimatePartPeaks(input: Omit<MemoryPlanInput, 'budgetMb'>): PartPeaks {
  const { corpusMb } = input;
  // The indexer holds one shard at a time: its size, not the corpus's, sets its memory.
  const shard = Math.min(input.shardSections, RECORDS_PER_MB * corpusMb);
  return {
    astro: input.incremental ? 300 + 4.2 * corpusMb : Math.min(astroHeapLimitFor(corpusMb), 440 + 7.7 * corpusMb),
    astroReading: Math.min(astroHeapLimitFor(corpusMb), 440 + 3.4 * corpusMb),
    // It holds each distinct section text once, and the corpus's words.
    searchScript: Math.max(100, 3.7 * corpusMb - 8),
    indexer: 30 + 0.11 * shard,
    orchestrator: 120 + 0.28 * corpusMb,
    // Node and the taxonomy, then one insurer's policies and their comparisons at a time.
    madeAhead: 120 + 2.5 * corpusMb,
  };
}

export function planMemory(input: MemoryPlanInput): MemoryPlan {
  const parts = estimatePartPeaks(input);
  const search = parts.searchScript + parts.indexer;
  const together = parts.astro + search + parts.orchestrator;
  if (together <= input.budgetMb)
    return { sideBySide: true, madeAhead: false, searchAfterAhead: false, searchIndexers: 1, parts, peakMb: together };
  // One after the other: each half may take the core the other would have had, within the budget.
  const fits = (mb: number) => mb + parts.orchestrator <= input.budgetMb;
  const withAhead = parts.astroReading + parts.madeAhead;
  const madeAhead = !input.incremental && fits(withAhead);
  const pages = madeAhead ? withAhead : parts.astro;
  // Once make-ahead is done, Astro and the search index with one indexer.
  const searchAfterAhead = madeAhead && fits(parts.astroReading + search);
  const beside = searchAfterAhead ? parts.astroReading + search : 0;
  const searchIndexers = fits(Math.max(pages, beside, search + parts.indexer)) ? 2 : 1;
  const searchPeak = search + (searchIndexers - 1) * parts.indexer;
  return {
    sideBySide: false,
    madeAhead,
    searchAfterAhead,
    searchIndexers,
    parts,
    peakMb: Math.max(pages, beside, searchPeak) + parts.orchestrator,
  };
}
