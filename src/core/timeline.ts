/**
 * The calendar's timeline: every month from the first date to the last (empty months too, so the
 * spacing is time), with how many dates fall in it. Pure layout figures; the page draws them as
 * SVG and the browser adds the line for today (the site is static: "today" is the reader's).
 */
export interface TimelineMonth {
  /** "2026-11" */
  month: string;
  count: number;
}

/** Months as "YYYY-MM", from the first date's month to the last's, each with its count. */
export function timelineMonths(milestones: ReadonlyArray<{ date: string }>): TimelineMonth[] {
  if (milestones.length === 0) return [];
  const counts = new Map<string, number>();
  for (const { date } of milestones) counts.set(date.slice(0, 7), (counts.get(date.slice(0, 7)) ?? 0) + 1);
  const sorted = [...counts.keys()].sort();
  const months: TimelineMonth[] = [];
  let [year, month] = sorted[0]!.split('-').map(Number) as [number, number];
  const last = sorted.at(-1)!;
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push({ month: key, count: counts.get(key) ?? 0 });
    if (key === last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/**
 * Where a day falls on a timeline of months, as a fraction of its width (0 at the first month's
 * first day, 1 after the last month's last day); null when it falls outside.
 */
export function timelinePosition(months: readonly TimelineMonth[], isoDate: string): number | null {
  const index = months.findIndex((entry) => entry.month === isoDate.slice(0, 7));
  if (index === -1) return null;
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (index + (day - 1) / days) / months.length;
}
