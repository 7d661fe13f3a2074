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

export class ForecastFetches {
  private readonly cache = new RangeCache<DailyTotals>();
  /** Cost Management requests started (tests read it). */
  queryCount = 0;

  /** `scope` is the Cost Management scope path of the panel (`costScopeOf`). */
  constructor(
    private readonly transport: ArmTransport,
    private readonly scope: string,
  ) {}

  /** Actual cost per day and currency over `range` (one query, no grouping). */
  dailyTotals(range: DayRange): Promise<DailyTotals> {
    // No caller's signal: the answer is shared by every panel of the scope and worth keeping.
    return this.cache.get(range, 'daily', () => {
      this.queryCount++;
      return totalsOf(queryDailyCost(this.transport, this.scope, { period: periodOf(range) }));
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
  }
}

function periodOf(range: DayRange): { from: string; to: string } {
  return { from: formatIsoDate(range.first), to: formatIsoDate(range.last) };
}

async function totalsOf(rows: CostListing<DailyCostRow>): Promise<DailyTotals> {
  const out: DailyTotals = new Map();
  for await (const row of rows) {
    const day = parseIsoDate(row.date);
    const currency = row.cost.currency;
    if (day === undefined || !currency || !Number.isFinite(row.cost.amount)) {continue;}
    let days = out.get(currency);
    if (!days) {out.set(currency, (days = new Map<DayNumber, number>()));}
    // Rows are summed in minor units, each rounded once: a day has one row per currency here.
    days.set(day, (days.get(day) ?? 0) + Math.round(row.cost.amount * 10 ** currencyFractionDigits(currency)));
  }
  return out;
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
