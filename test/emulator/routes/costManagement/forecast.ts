// Forecast (docs/azure-apis.md#cost-management-forecast): past days as CostStatus 'Actual' (when
// includeActualCost), days from asOf on as 'Forecast' = the mean daily cost of the 28 days before
// asOf, per currency, rounded to the cent (`baselineCents`). No grouping. A simple, documented
// model of the emulator's own [inf]: Azure does not publish its method; the point is the shape,
// and a second opinion the benchmark (scripts/bench/forecastBacktest.ts) can score.
import type { UsageWorld } from '../../world/usage';
import { compactDay } from '../../world/usage/calendar';
import type { ForecastSpec } from './definition';
import { aggregateValue, Column, QueryTable, runQuery } from './queryEngine';
import type { CostScope } from './scope';

export const BASELINE_DAYS = 28;

interface DayCents {
  cents: number;
  centsUsd: number;
}

/**
 * The emulator's forecast of every day from `asOf` on: the mean of the 28 days before it, in whole
 * cents. `cents(day)` is one currency's daily cost.
 */
export function baselineCents(cents: (day: number) => number, asOf: number): number {
  let total = 0;
  for (let d = asOf - BASELINE_DAYS; d < asOf; d++) {total += cents(d);}
  return Math.round(total / BASELINE_DAYS);
}

export function runForecast(usage: UsageWorld, scope: CostScope, spec: ForecastSpec): QueryTable {
  const asOf = usage.asOfDay;
  const history = runQuery(usage, scope, {
    range: { from: Math.min(spec.range.from, asOf - BASELINE_DAYS), to: asOf - 1 },
    granularity: 'Daily', aggregations: ['Cost', 'CostUSD'], groupings: [], filter: spec.filter,
  });
  const actual = new Map<string, Map<number, DayCents>>(); // currency → yyyymmdd → cents
  for (const [cost, costUsd, date, currency] of history.rows as Array<[number, number, number, string]>) {
    if (!actual.has(currency)) { actual.set(currency, new Map()); }
    actual.get(currency)!.set(date, { cents: Math.round(cost * 100), centsUsd: Math.round(costUsd * 100) });
  }
  const baseline = new Map<string, DayCents>();
  for (const [currency, days] of actual) {
    baseline.set(currency, {
      cents: baselineCents((d) => days.get(compactDay(d))?.cents ?? 0, asOf),
      centsUsd: baselineCents((d) => days.get(compactDay(d))?.centsUsd ?? 0, asOf),
    });
  }
  const currencies = [...actual.keys()].sort();
  const rows: Array<Array<string | number>> = [];
  const push = (v: DayCents, date: number, status: 'Actual' | 'Forecast', currency: string) =>
    rows.push([...spec.aggregations.map((c) => aggregateValue(c, { ...v, quantity: 0 })), date, status, currency]);
  for (let day = spec.range.from; day <= spec.range.to; day++) {
    const date = compactDay(day);
    for (const currency of currencies) {
      if (day < asOf) {
        const v = actual.get(currency)!.get(date);
        if (spec.includeActualCost && v) { push(v, date, 'Actual', currency); }
      } else {
        push(baseline.get(currency)!, date, 'Forecast', currency);
      }
    }
  }
  const columns: Column[] = [
    ...spec.aggregations.map((name) => ({ name, type: 'Number' as const })),
    { name: 'UsageDate', type: 'Number' },
    { name: 'CostStatus', type: 'String' },
    { name: 'Currency', type: 'String' },
  ];
  return { columns, rows };
}
