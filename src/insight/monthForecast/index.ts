// The month-end forecast of a billing period's total from its daily costs, built for what real
// bills do (the run-rate in ../forecast.ts averages the days so far and carries that average on):
//   - weekdays and weekends cost differently: day-of-week factors from the history (weekdays.ts);
//   - costs grow or shrink: a trend, when the recent days show one clearly (level.ts);
//   - a resource is added or removed mid-month: a step change, forecast from the new level;
//   - reservations, marketplace and support land on a period's first day: a one-off, taken out of
//     the daily level and counted once, never carried forward;
//   - today's (and sometimes yesterday's) costs are still arriving: only the days the caller says
//     are complete shape the model; a later, partial day is projected like a future one.
// Everything is in minor units of one currency; the reported parts are integers that add up.

import { DayNumber } from '../calendar';
import { fitLevel, FIT_WINDOW, levelAhead, longRunMean } from './level';
import { forecastRange, ForecastRange } from './range';
import { buildTimeline, DailyAmount, dayOf, PastPeriod, Timeline, weekday } from './timeline';
import { weekdayFactors } from './weekdays';

export type { DailyAmount, PastPeriod } from './timeline';
export type { ForecastRange } from './range';

export interface MonthForecastInput {
  /** First and last day of the billing period being forecast. */
  periodStart: DayNumber | string;
  periodEnd: DayNumber | string;
  /** The caller's today: nothing on or after it is complete unless `completeThrough` says so. */
  today: DayNumber | string;
  /** The period's daily costs so far, integers in minor units of one currency. */
  days: readonly DailyAmount[];
  /** Last day whose costs are final (default: the day before `today`). Later days are projected. */
  completeThrough?: DayNumber | string;
  /** Earlier billing periods, same currency: they teach the weekday pattern and the spread. */
  history?: readonly PastPeriod[];
}

export interface MonthForecast {
  /** Point forecast of the period's total: oneOff + actualToDate + projected. */
  total: number;
  /** 10th and 90th percentile of the total (see `range`). */
  low: number;
  high: number;
  /** The part of the first day taken as a one-off charge (0 when none): counted once. */
  oneOff: number;
  /** Costs of the complete days, without the one-off. */
  actualToDate: number;
  /** Forecast of the days after the last complete one, through the period's end. */
  projected: number;
  lastCompleteDay: DayNumber;
  daysProjected: number;
  /** Deseasonalised daily level on the last complete day, and its change per day. */
  dailyLevel: number;
  trendPerDay: number;
  /** A level shift found in the recent days: the forecast uses `after`. */
  step?: { fromDay: DayNumber; before: number; after: number };
  /** Index 0 = Sunday; all 1 when there was too little history to see a pattern. */
  weekdayFactors: number[];
  range: ForecastRange;
}

/** A one-off is a first day costing more than this many times what its neighbours suggest. */
const ONE_OFF_RATIO = 1.5;
const ONE_OFF_NEIGHBOURS = 7;
const ONE_OFF_MIN_NEIGHBOURS = 3;

export function forecastMonth(input: MonthForecastInput): MonthForecast {
  const start = dayOf(input.periodStart);
  const end = dayOf(input.periodEnd);
  const today = dayOf(input.today);
  if (end < start) { throw new RangeError('The billing period ends before it starts.'); }
  const lastComplete = Math.min(end, input.completeThrough !== undefined ? dayOf(input.completeThrough) : today - 1);
  const t = buildTimeline(input.history ?? [], { start, days: input.days }, lastComplete);
  const firstDays = new Set(t.periodFirstDays);

  // Weekday factors, first from windows clear of period first days (where one-offs hide) …
  const holdsFirstDay = (c: number) => t.periodFirstDays.some((p) => p >= c - 3 && p <= c + 3);
  let factors = weekdayFactors(t.values, t.origin, holdsFirstDay);
  const { clean, oneOffs } = removeOneOffs(t, factors, firstDays);
  let fit = fitRecent(t, clean, factors);
  // … then, when a step or a finished transient was found, also clear of windows straddling the
  // step or holding a transient's day (a spike would pass for its weekday's pattern), and fitted again.
  if (fit.stepSlot !== undefined || fit.transientSlots.length > 0) {
    const s = fit.stepSlot;
    const transients = fit.transientSlots;
    const straddles = (c: number) => s !== undefined && c - 3 < s && c + 3 >= s;
    factors = weekdayFactors(clean, t.origin, (c) => holdsFirstDay(c) || straddles(c) || transients.some((x) => x >= c - 3 && x <= c + 3));
    fit = fitRecent(t, clean, factors);
  }

  const oneOff = lastComplete >= start ? oneOffs.get(t.currentStart) ?? 0 : 0;
  let actual = 0;
  for (let i = Math.max(0, t.currentStart); i < t.values.length; i++) { actual += t.values[i] ?? 0; }
  const reported = new Map<DayNumber, number>();
  for (const row of input.days) {
    const d = dayOf(row.day);
    if (d > lastComplete && d <= end) { reported.set(d, (reported.get(d) ?? 0) + row.amount); }
  }
  const daysProjected = end - Math.max(lastComplete, start - 1);
  const range = forecastRange(fit.series, factors, daysProjected, fit.residuals, fit.level);
  const longMean = longRunMean(fit.series.map((s) => s.value));
  let projectedExact = 0;
  for (let d = Math.max(lastComplete, start - 1) + 1; d <= end; d++) {
    // The fitted level (and trend), fading toward the long-run mean where the scope's history says so.
    const model = levelAhead(fit, longMean, d - lastComplete, range.reversion) * factors[weekday(d)];
    // A partial day has at least what is already reported.
    projectedExact += Math.max(model, reported.get(d) ?? 0);
  }
  const projected = Math.round(projectedExact);
  // The complete days, one-off included, are known: only the projection is uncertain.
  const fixed = actual;
  const total = fixed + projected;
  const low = Math.min(total, fixed + Math.round(projectedExact * range.lowFactor));
  const high = Math.max(total, fixed + Math.round(projectedExact * range.highFactor));
  return {
    total,
    low,
    high,
    oneOff,
    actualToDate: actual - oneOff,
    projected,
    lastCompleteDay: lastComplete,
    daysProjected,
    dailyLevel: fit.level,
    trendPerDay: fit.slope,
    step: fit.stepSlot !== undefined ? { fromDay: t.origin + fit.stepSlot, before: fit.stepBefore!, after: fit.level } : undefined,
    weekdayFactors: factors,
    range,
  };
}

/**
 * Takes the one-off out of each period's first day: what exceeds 1.5 × the level its neighbours
 * (the next week, or the week before when the period is too young) give for that weekday.
 */
function removeOneOffs(t: Timeline, factors: number[], firstDays: Set<number>) {
  const clean = [...t.values];
  const oneOffs = new Map<number, number>();
  for (const p of t.periodFirstDays) {
    const v = t.values[p];
    if (v === undefined || v <= 0) { continue; }
    const around = (from: number, to: number) => {
      const out: number[] = [];
      for (let i = from; i <= to; i++) {
        const x = t.values[i];
        if (i >= 0 && x !== undefined && !firstDays.has(i)) { out.push(x / factors[weekday(t.origin + i)]); }
      }
      return out;
    };
    let neighbours = around(p + 1, p + ONE_OFF_NEIGHBOURS);
    if (neighbours.length < ONE_OFF_MIN_NEIGHBOURS) { neighbours = around(p - ONE_OFF_NEIGHBOURS, p - 1); }
    if (neighbours.length < ONE_OFF_MIN_NEIGHBOURS) { continue; }
    const expected = Math.max(0, median(neighbours) * factors[weekday(t.origin + p)]);
    if (v <= ONE_OFF_RATIO * expected) { continue; }
    const excess = Math.round(v - expected);
    oneOffs.set(p, excess);
    clean[p] = v - excess;
  }
  return { clean, oneOffs };
}

/** The level fitted on the known days (deseasonalised), with the slot where a step began. */
function fitRecent(t: Timeline, clean: ReadonlyArray<number | undefined>, factors: number[]) {
  const series: Array<{ slot: number; value: number }> = [];
  clean.forEach((v, slot) => {
    if (v !== undefined) { series.push({ slot, value: v / factors[weekday(t.origin + slot)] }); }
  });
  const fit = fitLevel(series.map((s) => s.value));
  const stepSlot = fit.step ? series[series.length - fit.step.daysAfter].slot : undefined;
  // The fit's window is the series' last FIT_WINDOW entries.
  const windowStart = Math.max(0, series.length - FIT_WINDOW);
  const transientSlots = fit.transients.map((i) => series[windowStart + i].slot);
  return { ...fit, stepSlot, transientSlots, stepBefore: fit.step?.before, series: series.map((s) => ({ day: t.origin + s.slot, value: s.value })) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
