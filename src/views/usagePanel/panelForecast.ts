// The month-end forecast the panel shows for this billing period (docs/forecast.md): our model
// (src/insight/monthForecast) on the period's days so far, taught by the daily totals of the
// periods before it, with its 10th–90th percentile range; and Cost Management's own forecast
// beside it where the scope has one. Neither extra fetch may fail the panel: without history the
// model works on the period alone; without Cost Management's forecast, none is shown.

import type { Logger } from '../../azure/log';
import { DayNumber, formatIsoDate } from '../../insight/calendar';
import type { CostCube, DayRange } from '../../insight/costCube';
import { forecastBill } from '../../insight/forecast';
import { GroupedCosts, groupCosts } from '../../insight/grouping';
import { DailyAmount, PastPeriod } from '../../insight/monthForecast';
import { forecastSum } from '../../insight/monthForecast/sumOfParts';
import { billingPeriodContaining } from '../../insight/periods';
import type { ForecastSummary } from '../../shared/usagePanelMessages';
import { DailyTotals, ForecastFetches, totalWithin } from './forecastFetches';

/** Whole billing periods of history asked for: enough for the weekday pattern and the range's backtest. */
export const HISTORY_PERIODS = 3;

export interface ForecastInputs {
  /** The earlier periods, oldest first. */
  periods: DayRange[];
  history?: DailyTotals;
  /** The same days per subscription (lower-case id), at scopes made of subscriptions. */
  historyBySubscription?: Map<string, DailyTotals>;
  costManagement?: DailyTotals;
}

/** Per currency, each subscription's (lower-case id) cost per day of the period so far, from the chart's own cube. */
export type SubscriptionParts = Map<string, Map<string, readonly number[]>>;

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
  const quietly = <T>(what: string, p: Promise<T>) =>
    p.catch((error: unknown) => {
      logger?.info(`Month-end forecast: ${what} unavailable, shown without it (${error instanceof Error ? error.message : String(error)}).`);
      return undefined;
    });
  const [history, costManagement] = await Promise.all([
    quietly('earlier periods', fetches.historyTotals({ first: periods[0].first, last: period.first - 1 })),
    quietly("Cost Management's forecast", fetches.costManagementForecast({ first: period.first, last: period.periodEnd })),
  ]);
  return { periods, history: history?.totals, historyBySubscription: history?.bySubscription, costManagement };
}

/**
 * The period's days per subscription and currency, from the cube the chart was drawn from (at a
 * billing scope its base query is grouped by subscription, so this costs no query). Undefined when
 * the cube does not tell subscriptions apart (a grouping with a query of its own, by service say).
 */
export function subscriptionParts(cube: CostCube, period: DayRange): SubscriptionParts | undefined {
  if (cube.lines.some((l) => l.cost && !l.subscriptionId)) {return undefined;}
  const out: SubscriptionParts = new Map();
  for (const c of groupCosts(cube, { groupBy: 'subscription', range: period, topN: Number.MAX_SAFE_INTEGER }).currencies) {
    out.set(c.currency, new Map(c.groups.filter((g) => g.kind === 'value').map((g) => [g.key, g.values])));
  }
  return out;
}

/**
 * One forecast per currency of `daily` (the period's days from `period.first`). Today is partial:
 * the days before it are complete, today's cost counts as at least what it reports.
 */
export function billForecasts(daily: GroupedCosts, period: ForecastPeriod, today: DayNumber, inputs: ForecastInputs, parts?: SubscriptionParts): ForecastSummary[] {
  return daily.currencies.flatMap((c) => {
    const asOf = Math.min(period.first + c.bucketTotals.length - 1, today - 1);
    const simple = forecastBill({ dailyTotals: c.bucketTotals, firstDay: period.first, periodEnd: period.periodEnd, asOf });
    if (!simple) {return [];}
    const model = forecastModel(c, period, today, inputs, parts?.get(c.currency));
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
 * At a scope made of subscriptions, with each one's days (`parts`) and history, it is the sum of
 * their forecasts (docs/forecast.md, "Billing profiles and accounts").
 */
export function forecastModel(c: { currency: string; bucketTotals: readonly number[] }, period: ForecastPeriod, today: DayNumber, inputs: ForecastInputs, parts?: ReadonlyMap<string, readonly number[]>): ReturnType<typeof forecastSum> {
  const daysFrom = (values: readonly number[]): DailyAmount[] => values.map((amount, i) => ({ day: period.first + i, amount }));
  const historyOf = (totals: DailyTotals | undefined): PastPeriod[] => {
    const known = totals?.get(c.currency);
    // Without a day of history in this currency (a new subscription), the period teaches itself.
    return known ? inputs.periods.map((p) => ({ start: p.first, end: p.last, days: daysOf(known, p) })) : [];
  };
  const input = { periodStart: period.first, periodEnd: period.periodEnd, today, days: daysFrom(c.bucketTotals), history: historyOf(inputs.history) };
  const bySubscription = inputs.historyBySubscription;
  if (!parts || !bySubscription) {return forecastSum(input, []);}
  // Every subscription with days this period or in the history: one that stopped still counts (at its level now).
  const ids = new Set([...parts.keys(), ...[...bySubscription].filter(([, t]) => t.has(c.currency)).map(([id]) => id)]);
  return forecastSum(input, [...ids].map((id) => ({ days: daysFrom(parts.get(id) ?? []), history: historyOf(bySubscription.get(id)) })));
}

function daysOf(totals: Map<DayNumber, number>, range: DayRange): DailyAmount[] {
  const out: DailyAmount[] = [];
  for (const [day, amount] of totals) {if (day >= range.first && day <= range.last) {out.push({ day, amount });}}
  return out;
}
