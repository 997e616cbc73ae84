/**
 * A theme's sections by policy series: per insurer and care type, the years newest first, each
 * with its sections on the theme. The theme page shows the newest year's text and the earlier
 * years as counts; which pages a text change renders again follows from the same split.
 */
import type { SectionRef } from './site.ts';

export interface ThemeSeries {
  insurer: string;
  careType: string;
  /** Newest year first. */
  years: SectionRef[][];
}

export function themeSeries(refs: readonly SectionRef[]): ThemeSeries[] {
  const bySeries = new Map<string, { insurer: string; careType: string; byYear: Map<number, SectionRef[]> }>();
  for (const ref of refs) {
    const { insurer, careType, year } = ref.document;
    const key = `${insurer}/${careType}`;
    const series = bySeries.get(key) ?? { insurer, careType, byYear: new Map<number, SectionRef[]>() };
    bySeries.set(key, series);
    series.byYear.set(year, [...(series.byYear.get(year) ?? []), ref]);
  }
  return [...bySeries.values()].map(({ insurer, careType, byYear }) => ({
    insurer,
    careType,
    years: [...byYear].sort(([a], [b]) => b - a).map(([, yearRefs]) => yearRefs),
  }));
}
