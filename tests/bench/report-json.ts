/**
 * The benchmark's figures as JSON beside its Markdown report: one entry per corpus size it was
 * run with, `{"runs": {"1000": {...}, "2000": {...}}}`. A figure not measured is absent, never 0;
 * a run adds its figures to those of its size and leaves the other sizes as they were.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface BenchFigures {
  htmlBytes?: number;
  fullBuildSeconds?: number;
  typoRebuildSeconds?: number;
  peakMemoryMB?: number;
  /** The search page and its first query over the wire, library included. */
  searchFirstQueryKB?: number;
  searchTypingMedianMs?: number;
  searchTypingMaxMs?: number;
}

export interface BenchReport {
  runs: Record<string, BenchFigures>;
}

export function mergeFigures(report: BenchReport, n: number, figures: BenchFigures): BenchReport {
  const measured = Object.fromEntries(
    Object.entries(figures).filter(([, value]) => typeof value === 'number' && Number.isFinite(value)),
  );
  return { runs: { ...report.runs, [String(n)]: { ...report.runs[String(n)], ...measured } } };
}

/** Search figures from the runs of the search measurement: medians over runs, the worst query of all. */
export function searchFigures(
  runs: Array<{ setupBytes: number; first: { firstMs: number; bytes: number }; queries: Array<{ firstMs: number }> }>,
): BenchFigures {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length / 2;
    return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const typing = runs.flatMap((run) => [run.first.firstMs, ...run.queries.map((query) => query.firstMs)]);
  return {
    searchFirstQueryKB: median(runs.map((run) => (run.setupBytes + run.first.bytes) / 1024)),
    searchTypingMedianMs: median(typing),
    searchTypingMaxMs: Math.max(...typing),
  };
}

export function writeReportJson(path: string, n: number, figures: BenchFigures): BenchReport {
  const before: BenchReport = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : { runs: {} };
  const report = mergeFigures(before, n, figures);
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  // Read back: the figures on disk are the ones just measured.
  const written = JSON.parse(readFileSync(path, 'utf8')) as BenchReport;
  for (const [key, value] of Object.entries(figures))
    if (typeof value === 'number' && written.runs[String(n)]?.[key as keyof BenchFigures] !== value)
      throw new Error(`${path}: ${key} was not written; run the benchmark again`);
  return report;
}
