// The days a month-end forecast looks at, laid out on one line: earlier periods of history, then
// the current period up to its last complete day. A slot is undefined where nothing is known (a
// gap between history periods); a known day without a row counts as 0, as Cost Management omits
// days that cost nothing.

import { DayNumber, parseIsoDate } from '../calendar';

/** One day's cost in minor units (integer) of the series' one currency. */
export interface DailyAmount {
  /** A day number (days since 1970-01-01) or an ISO date "YYYY-MM-DD". */
  day: DayNumber | string;
  amount: number;
}

/** A closed billing period of history: its first and last day and its daily costs. */
export interface PastPeriod {
  start: DayNumber;
  end: DayNumber;
  days: readonly DailyAmount[];
}

export interface Timeline {
  /** Day number of slot 0. */
  origin: DayNumber;
  values: Array<number | undefined>;
  /** Slots that are the first day of a billing period: where one-off charges land. */
  periodFirstDays: number[];
  /** Slot of the current period's first day. */
  currentStart: number;
}

export function dayOf(d: DayNumber | string): DayNumber {
  if (typeof d === 'number') { return d; }
  const n = parseIsoDate(d);
  if (n === undefined) { throw new RangeError(`Not a calendar date: "${d}"`); }
  return n;
}

/**
 * Lays out history and the current period's days through `lastComplete`. Amounts must be
 * integers (minor units): the parts the forecast reports have to add up exactly.
 */
export function buildTimeline(
  history: readonly PastPeriod[],
  current: { start: DayNumber; days: readonly DailyAmount[] },
  lastComplete: DayNumber,
): Timeline {
  const periods = [...history].filter((p) => p.end < current.start).sort((a, b) => a.start - b.start);
  const origin = periods.length ? Math.min(periods[0].start, current.start) : current.start;
  const length = Math.max(0, lastComplete - origin + 1);
  const values = new Array<number | undefined>(length).fill(undefined);
  const periodFirstDays: number[] = [];
  const place = (start: DayNumber, end: DayNumber, days: readonly DailyAmount[]) => {
    for (let d = Math.max(start, origin); d <= Math.min(end, lastComplete); d++) { values[d - origin] = 0; }
    for (const row of days) {
      if (!Number.isSafeInteger(row.amount)) { throw new RangeError(`Daily amounts are integers in minor units, not ${row.amount}.`); }
      const d = dayOf(row.day);
      if (d < start || d > end || d > lastComplete) { continue; }
      values[d - origin] = (values[d - origin] ?? 0) + row.amount;
    }
    if (start - origin < length) { periodFirstDays.push(start - origin); }
  };
  for (const p of periods) { place(p.start, p.end, p.days); }
  place(current.start, Number.MAX_SAFE_INTEGER, current.days);
  return { origin, values, periodFirstDays, currentStart: current.start - origin };
}

/** Day of the week, 0 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}
