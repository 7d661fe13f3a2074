// Cost anomalies a person can check by hand, on a daily cost series of one scope and currency
// (docs/alerts.md). Three rules, each with thresholds from settings:
//   spike     — a day's cost above its trailing baseline (the median of the days before it) by at
//               least `relative` (1 = 100 % more) AND by at least `absolute` currency units;
//   new meter — a meter (or service) that costs at least `absolute` on a day after having cost
//               nothing for the whole lookback, on a scope with at least `minHistoryDays` of history;
//   rise      — `riseDays` days in a row, each costlier than the day before by at least
//               `riseStep` (0.05 = 5 %), adding up to at least `absolute` from the first to the last.
// The median, not the mean, so one earlier spike does not hide the next. Only the latest days
// (`recentDays`) are examined: an alert is about now, not a spike of three weeks ago.

export interface DailyCost {
  /** YYYY-MM-DD, ascending, one entry per day (a day without cost is 0, not missing). */
  day: string;
  amount: number;
}

export interface MeterDay {
  day: string;
  meter: string;
  amount: number;
}

export interface AnomalyThresholds {
  relative: number;
  absolute: number;
  baselineDays: number;
  minHistoryDays: number;
  riseDays: number;
  riseStep: number;
  recentDays: number;
}

export const DEFAULT_THRESHOLDS: AnomalyThresholds = {
  relative: 1,
  absolute: 10,
  baselineDays: 14,
  minHistoryDays: 7,
  riseDays: 5,
  riseStep: 0.05,
  recentDays: 3,
};

export type Anomaly =
  | { kind: 'spike'; day: string; amount: number; baseline: number }
  | { kind: 'newMeter'; day: string; meter: string; amount: number }
  | { kind: 'rise'; from: string; to: string; firstAmount: number; lastAmount: number };

export function findSpikes(series: readonly DailyCost[], t: AnomalyThresholds = DEFAULT_THRESHOLDS): Anomaly[] {
  const found: Anomaly[] = [];
  for (let i = Math.max(t.minHistoryDays, series.length - t.recentDays); i < series.length; i++) {
    const window = series.slice(Math.max(0, i - t.baselineDays), i).map((d) => d.amount);
    if (window.length < t.minHistoryDays) continue;
    const baseline = median(window);
    const { day, amount } = series[i];
    if (amount >= baseline * (1 + t.relative) && amount - baseline >= t.absolute) found.push({ kind: 'spike', day, amount, baseline });
  }
  return found;
}

/** `rows`: the meters' daily cost over `days` (the lookback, oldest first); a meter is new when it first costs on a recent day. */
export function findNewMeters(rows: readonly MeterDay[], days: readonly string[], t: AnomalyThresholds = DEFAULT_THRESHOLDS): Anomaly[] {
  if (days.length < t.minHistoryDays) return [];
  const recent = new Set(days.slice(-t.recentDays));
  const firstCostDay = new Map<string, string>();
  const byMeterDay = new Map<string, number>();
  for (const r of rows) {
    if (r.amount <= 0) continue;
    const seen = firstCostDay.get(r.meter);
    if (seen === undefined || r.day < seen) firstCostDay.set(r.meter, r.day);
    const key = `${r.meter}\u0000${r.day}`;
    byMeterDay.set(key, (byMeterDay.get(key) ?? 0) + r.amount);
  }
  const found: Anomaly[] = [];
  for (const [meter, first] of firstCostDay) {
    if (!recent.has(first)) continue;
    // Absent for at least the minimum history before: on a scope a week old everything is new.
    if (days.indexOf(first) < t.minHistoryDays) continue;
    const amount = byMeterDay.get(`${meter}\u0000${first}`) ?? 0;
    if (amount >= t.absolute) found.push({ kind: 'newMeter', day: first, meter, amount });
  }
  // Costliest first.
  return found.sort((a, b) => amountOf(b) - amountOf(a));
}

function amountOf(a: Anomaly): number {
  return a.kind === 'rise' ? a.lastAmount : a.amount;
}

export function findSteadyRise(series: readonly DailyCost[], t: AnomalyThresholds = DEFAULT_THRESHOLDS): Anomaly[] {
  // The run must end on the latest day: a rise that stopped is no longer news.
  let start = series.length - 1;
  while (start > 0 && series[start].amount >= series[start - 1].amount * (1 + t.riseStep) && series[start - 1].amount > 0) start--;
  const length = series.length - start;
  if (length < t.riseDays) return [];
  const first = series[start];
  const last = series[series.length - 1];
  if (last.amount - first.amount < t.absolute) return [];
  return [{ kind: 'rise', from: first.day, to: last.day, firstAmount: first.amount, lastAmount: last.amount }];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
