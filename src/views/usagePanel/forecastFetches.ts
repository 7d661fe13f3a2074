// What the panel's month-end forecast needs from Cost Management besides the period's own days:
// the daily totals of the billing periods before it (the model learns the weekday pattern, the
// first-day charges and its own error from them) and Cost Management's own forecast
// (docs/azure-apis.md#cost-management-forecast), shown beside ours. Both are single ungrouped
// queries, cached per scope like the panel's other queries (a shorter range inside a fetched one
// reuses it; identical queries in flight are shared; failures are forgotten so Refresh asks again).

import type { ArmTransport } from '../../azure/transport';
import { CostListing, forecastCost, queryDailyCost } from '../../billing/costQuery';
import type { DailyCostRow } from '../../billing/models/cost';
import { DayNumber, formatIsoDate, parseIsoDate } from '../../insight/calendar';
import type { DayRange } from '../../insight/costCube';
import { currencyFractionDigits } from '../../insight/currency';
import { RangeCache } from './panelSource';

/** Per currency, the cost of each day in minor units (a day without a row cost nothing). */
export type DailyTotals = Map<string, Map<DayNumber, number>>;

/** The daily totals of a scope and, for a scope made of subscriptions, of each (by lower-case id). */
export interface HistoryTotals {
  totals: DailyTotals;
  bySubscription?: Map<string, DailyTotals>;
}

export class ForecastFetches {
  private readonly cache = new RangeCache<DailyTotals>();
  private readonly history = new RangeCache<HistoryTotals>();
  /** Cost Management requests started (tests read it). */
  queryCount = 0;

  /**
   * `scope` is the Cost Management scope path of the panel (`costScopeOf`). `bySubscription`: the
   * scope adds up subscriptions (a billing profile or account), whose forecasts are summed
   * (src/insight/monthForecast/sumOfParts.ts): its history query is grouped by subscription.
   */
  constructor(
    private readonly transport: ArmTransport,
    private readonly scope: string,
    private readonly bySubscription = false,
  ) {}

  /** Actual cost per day and currency over `range`: one query, grouped by subscription at scopes made of them. */
  dailyTotals(range: DayRange): Promise<DailyTotals> {
    return this.historyTotals(range).then((h) => h.totals);
  }

  /** As `dailyTotals`, with each subscription's own where the scope has them (the same one query). */
  historyTotals(range: DayRange): Promise<HistoryTotals> {
    // No caller's signal: the answer is shared by every panel of the scope and worth keeping.
    return this.history.get(range, 'daily', () => {
      this.queryCount++;
      const groupBy = this.bySubscription ? [{ type: 'Dimension' as const, name: 'SubscriptionId' }] : undefined;
      return historyOf(queryDailyCost(this.transport, this.scope, { period: periodOf(range), groupBy }), this.bySubscription);
    });
  }

  /**
   * Cost Management's forecast over `range`: its actual days before today and its forecast from
   * today on, per day and currency. Rejects where the scope has no forecast (the caller shows none).
   */
  costManagementForecast(range: DayRange): Promise<DailyTotals> {
    return this.cache.get(range, 'forecast', () => {
      this.queryCount++;
      return totalsOf(forecastCost(this.transport, this.scope, { period: periodOf(range), includeActualCost: true }));
    });
  }

  clear(): void {
    this.cache.clear();
    this.history.clear();
  }
}

function periodOf(range: DayRange): { from: string; to: string } {
  return { from: formatIsoDate(range.first), to: formatIsoDate(range.last) };
}

async function totalsOf(rows: CostListing<DailyCostRow>): Promise<DailyTotals> {
  return (await historyOf(rows, false)).totals;
}

async function historyOf(rows: CostListing<DailyCostRow>, bySubscription: boolean): Promise<HistoryTotals> {
  const totals: DailyTotals = new Map();
  const parts = bySubscription ? new Map<string, DailyTotals>() : undefined;
  const add = (into: DailyTotals, currency: string, day: DayNumber, minor: number) => {
    let days = into.get(currency);
    if (!days) {into.set(currency, (days = new Map<DayNumber, number>()));}
    days.set(day, (days.get(day) ?? 0) + minor);
  };
  for await (const row of rows) {
    const day = parseIsoDate(row.date);
    const currency = row.cost.currency;
    if (day === undefined || !currency || !Number.isFinite(row.cost.amount)) {continue;}
    // Rows are summed in minor units, each rounded once.
    const minor = Math.round(row.cost.amount * 10 ** currencyFractionDigits(currency));
    add(totals, currency, day, minor);
    if (parts) {
      const id = (Object.entries(row.dimensions).find(([k]) => k.toLowerCase() === 'subscriptionid')?.[1] ?? '').toLowerCase();
      let part = parts.get(id);
      if (!part) {parts.set(id, (part = new Map<string, Map<DayNumber, number>>()));}
      add(part, currency, day, minor);
    }
  }
  return { totals, bySubscription: parts };
}

/** The sum of a currency's days in `range`, undefined when that currency has no day there. */
export function totalWithin(totals: DailyTotals | undefined, currency: string, range: DayRange): number | undefined {
  const days = totals?.get(currency);
  if (!days) {return undefined;}
  let sum = 0;
  let any = false;
  for (const [day, amount] of days) {
    if (day < range.first || day > range.last) {continue;}
    sum += amount;
    any = true;
  }
  return any ? sum : undefined;
}
