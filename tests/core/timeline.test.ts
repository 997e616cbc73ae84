/** The calendar timeline's layout: every month between the first date and the last, and where a day falls. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timelineMonths, timelinePosition } from '../../src/core/timeline.ts';

describe('timeline months', () => {
  it('has every month from the first date to the last, empty ones included, across a year', () => {
    const months = timelineMonths([{ date: '2025-01-15' }, { date: '2024-11-01' }, { date: '2024-11-30' }]);
    assert.deepEqual(months, [
      { month: '2024-11', count: 2 },
      { month: '2024-12', count: 0 },
      { month: '2025-01', count: 1 },
    ]);
    assert.deepEqual(timelineMonths([]), []);
    assert.deepEqual(timelineMonths([{ date: '2026-04-30' }]), [{ month: '2026-04', count: 1 }]);
  });

  it('counts every date once, whatever the order', () => {
    const dates = Array.from({ length: 500 }, (_, index) => {
      const day = new Date(Date.UTC(2023, 0, 1 + ((index * 7919) % 1400)));
      return { date: day.toISOString().slice(0, 10) };
    });
    const months = timelineMonths(dates);
    assert.equal(
      months.reduce((sum, entry) => sum + entry.count, 0),
      dates.length,
    );
    assert.deepEqual(
      months.map((entry) => entry.month),
      [...months.map((entry) => entry.month)].sort(),
    );
    assert.deepEqual(timelineMonths([...dates].reverse()), months);
  });
});

describe('timeline position', () => {
  const months = timelineMonths([{ date: '2026-01-10' }, { date: '2026-04-02' }]);

  it('places a day by its month and its day in that month; outside the months is null', () => {
    assert.equal(timelinePosition(months, '2026-01-01'), 0);
    assert.equal(timelinePosition(months, '2026-03-01'), 2 / 4);
    assert.equal(timelinePosition(months, '2026-02-15'), (1 + 14 / 28) / 4);
    assert.equal(timelinePosition(months, '2025-12-31'), null);
    assert.equal(timelinePosition(months, '2026-05-01'), null);
  });

  it('moves forward with every day, and stays below 1', () => {
    let previous = -1;
    for (
      let day = new Date(Date.UTC(2026, 0, 1));
      day < new Date(Date.UTC(2026, 4, 1));
      day.setUTCDate(day.getUTCDate() + 1)
    ) {
      const position = timelinePosition(months, day.toISOString().slice(0, 10))!;
      assert.ok(position > previous && position < 1, day.toISOString());
      previous = position;
    }
  });
});
