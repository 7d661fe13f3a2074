// How good the month-end forecast is, measured the honest way: on past months, forecast each as
// it would have been on day 5, 10, 15, 20 and 25 (those days complete, nothing later known, the
// months before it as history), and compare with the month's real total — beside the run-rate
// (../forecast.ts) on the same days, and beside a third forecast the caller may bring (Cost
// Management's own, in the benchmark). Pure: the months come in, figures go out.

import { forecastBill } from '../forecast';
import { forecastMonth, PastPeriod } from './index';
import { forecastSum } from './sumOfParts';
import { dayOf } from './timeline';

export const BACKTEST_DAYS = [5, 10, 15, 20, 25] as const;

/** One forecast of one month at one day. */
export interface BacktestCase {
  /** Day of the period (1 = its first day) through which costs were known. */
  day: number;
  periodStart: number;
  actual: number;
  runRate: number;
  model: number;
  low: number;
  high: number;
  /** The caller's other forecast of the same total, when one was given. */
  other?: number;
}

export interface BacktestRow {
  day: number;
  /** Months forecast at this day (those with a non-zero total). */
  months: number;
  /** Mean absolute percentage error, in percent. */
  runRateMape: number;
  modelMape: number;
  /** NaN when no case carries the other forecast. */
  otherMape: number;
  /** Share (0–1) of months whose total fell within the model's low–high range. */
  inRange: number;
}

/**
 * Another forecast to score beside the two: the total it gives for `month` when the days before
 * `asOf` are known (undefined: none for that case).
 */
export type OtherForecast = (month: PastPeriod, asOf: number) => number | undefined;

/**
 * Forecasts every month of `months` (oldest first, each a whole billing period) at each of
 * `days`, with the months before it as history (at most `historyMonths` of them). With `parts`
 * (the same months of each part the series adds up, e.g. a profile's subscriptions), the model's
 * forecast is the sum of the parts' (sumOfParts.ts), as the product makes it for such scopes.
 */
export function backtestMonths(
  months: readonly PastPeriod[],
  days: readonly number[] = BACKTEST_DAYS,
  historyMonths = 12,
  other?: OtherForecast,
  parts?: ReadonlyArray<readonly PastPeriod[]>,
): BacktestCase[] {
  const cases: BacktestCase[] = [];
  months.forEach((month, m) => {
    const start = dayOf(month.start);
    const end = dayOf(month.end);
    const length = end - start + 1;
    const totals = new Array<number>(length).fill(0);
    for (const row of month.days) {
      const i = dayOf(row.day) - start;
      if (i >= 0 && i < length) { totals[i] += row.amount; }
    }
    const actual = totals.reduce((a, b) => a + b, 0);
    const history = months.slice(Math.max(0, m - historyMonths), m);
    for (const k of days) {
      if (k >= length) { continue; }
      const asOf = start + k - 1;
      const known = month.days.filter((r) => dayOf(r.day) <= asOf);
      const input = { periodStart: start, periodEnd: end, today: asOf + 1, days: known, history };
      const f = parts
        ? forecastSum(input, parts.map((p) => ({ days: p[m].days.filter((r) => dayOf(r.day) <= asOf), history: p.slice(Math.max(0, m - historyMonths), m) })))
        : forecastMonth(input);
      const runRate = forecastBill({ dailyTotals: totals, firstDay: start, periodEnd: end, asOf })!.forecast;
      cases.push({ day: k, periodStart: start, actual, runRate, model: f.total, low: f.low, high: f.high, other: other?.(month, asOf + 1) });
    }
  });
  return cases;
}

/** One row per day, pooling the cases given (of one series or of many). */
export function summariseBacktest(cases: readonly BacktestCase[], days: readonly number[] = BACKTEST_DAYS): BacktestRow[] {
  return days.map((day) => {
    const at = cases.filter((c) => c.day === day && c.actual !== 0);
    const mape = (pick: (c: BacktestCase) => number) =>
      at.length ? (100 * at.reduce((a, c) => a + Math.abs(pick(c) - c.actual) / Math.abs(c.actual), 0)) / at.length : NaN;
    return {
      day,
      months: at.length,
      runRateMape: mape((c) => c.runRate),
      modelMape: mape((c) => c.model),
      otherMape: at.some((c) => c.other === undefined) ? NaN : mape((c) => c.other ?? NaN),
      inRange: at.length ? at.filter((c) => c.low <= c.actual && c.actual <= c.high).length / at.length : NaN,
    };
  });
}
