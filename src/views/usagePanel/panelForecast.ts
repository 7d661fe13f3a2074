// The month-end forecast the panel shows for this billing period (docs/forecast.md): our model
// (src/insight/monthForecast) on the period's days so far, taught by the daily totals of the
// periods before it, with its 10th–90th percentile range; and Cost Management's own forecast
// beside it where the scope has one. Neither extra fetch may fail the panel: without history the
// model works on the period alone; without Cost Management's forecast, none is shown.

import type { Logger } from '../../azure/log';
import { DayNumber, formatIsoDate } from '../../insight/calendar';
import type { DayRange } from '../../insight/costCube';
import { forecastBill } from '../../insight/forecast';
import type { GroupedCosts } from '../../insight/grouping';
import { DailyAmount, forecastMonth, PastPeriod } from '../../insight/monthForecast';
import { billingPeriodContaining } from '../../insight/periods';
import type { ForecastSummary } from '../../shared/usagePanelMessages';
import { DailyTotals, ForecastFetches, totalWithin } from './forecastFetches';

/** Whole billing periods of history asked for: enough for the weekday pattern and the range's backtest. */
export const HISTORY_PERIODS = 3;

export interface ForecastInputs {
  /** The earlier periods, oldest first. */
  periods: DayRange[];
  history?: DailyTotals;
  costManagement?: DailyTotals;
}

/** The billing period (first day to its end) whose total is forecast. */
export interface ForecastPeriod {
  first: DayNumber;
  periodEnd: DayNumber;
}

/** The `HISTORY_PERIODS` billing periods before `period`, oldest first. */
export function earlierPeriods(period: ForecastPeriod, billingPeriodStartDay = 1): DayRange[] {
  const out: DayRange[] = [];
  let end = period.first - 1;
  for (let i = 0; i < HISTORY_PERIODS; i++) {
    const p = billingPeriodContaining(end, billingPeriodStartDay);
    out.unshift({ first: p.first, last: end });
    end = p.first - 1;
  }
  return out;
}

/**
 * Asks for both at once (the caller does so after the chart's own queries) and settles with what
 * arrived; a failure is logged and left out.
 */
export async function fetchForecastInputs(fetches: ForecastFetches | undefined, period: ForecastPeriod, billingPeriodStartDay: number | undefined, logger?: Logger): Promise<ForecastInputs> {
  const periods = earlierPeriods(period, billingPeriodStartDay);
  if (!fetches) {return { periods };}
  const quietly = (what: string, p: Promise<DailyTotals>) =>
    p.catch((error: unknown) => {
      logger?.info(`Month-end forecast: ${what} unavailable, shown without it (${error instanceof Error ? error.message : String(error)}).`);
      return undefined;
    });
  const [history, costManagement] = await Promise.all([
    quietly('earlier periods', fetches.dailyTotals({ first: periods[0].first, last: period.first - 1 })),
    quietly("Cost Management's forecast", fetches.costManagementForecast({ first: period.first, last: period.periodEnd })),
  ]);
  return { periods, history, costManagement };
}

/**
 * One forecast per currency of `daily` (the period's days from `period.first`). Today is partial:
 * the days before it are complete, today's cost counts as at least what it reports.
 */
export function billForecasts(daily: GroupedCosts, period: ForecastPeriod, today: DayNumber, inputs: ForecastInputs): ForecastSummary[] {
  return daily.currencies.flatMap((c) => {
    const asOf = Math.min(period.first + c.bucketTotals.length - 1, today - 1);
    const simple = forecastBill({ dailyTotals: c.bucketTotals, firstDay: period.first, periodEnd: period.periodEnd, asOf });
    if (!simple) {return [];}
    const model = forecastModel(c, period, today, inputs);
    return [{
      currency: c.currency,
      fractionDigits: c.fractionDigits,
      toDate: simple.toDate,
      forecast: model.total,
      low: model.low,
      high: model.high,
      dailyRunRate: simple.dailyRunRate,
      periodEnd: formatIsoDate(period.periodEnd),
      costManagement: totalWithin(inputs.costManagement, c.currency, { first: period.first, last: period.periodEnd }),
    }];
  });
}

/**
 * The model's forecast of one currency's period so far (`bucketTotals` from `period.first`), taught
 * by the earlier periods' daily totals: the panel and the status bar both use it, so they agree.
 */
export function forecastModel(c: { currency: string; bucketTotals: readonly number[] }, period: ForecastPeriod, today: DayNumber, inputs: ForecastInputs, fallbackHistory: PastPeriod[] = []): ReturnType<typeof forecastMonth> {
  const days: DailyAmount[] = c.bucketTotals.map((amount, i) => ({ day: period.first + i, amount }));
  const known = inputs.history?.get(c.currency);
  // Without a day of history in this currency (a new subscription), the period teaches itself.
  const history: PastPeriod[] = known ? inputs.periods.map((p) => ({ start: p.first, end: p.last, days: daysOf(known, p) })) : fallbackHistory;
  return forecastMonth({ periodStart: period.first, periodEnd: period.periodEnd, today, days, history });
}

function daysOf(totals: Map<DayNumber, number>, range: DayRange): DailyAmount[] {
  const out: DailyAmount[] = [];
  for (const [day, amount] of totals) {if (day >= range.first && day <= range.last) {out.push({ day, amount });}}
  return out;
}
