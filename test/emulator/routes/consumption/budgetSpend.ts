// A budget's current and forecast spend, computed by the same engine that answers Cost Management
// queries (../costManagement/queryEngine.ts), over the budget's subscriptions, filter and current
// period, so "budget spend = the Cost Management total for the same filter and period" holds to
// the cent. The period restarts every time grain from the start date's month; spend runs to
// yesterday (today's usage is incomplete) and the forecast is a straight line to the period's end
// [inf: Azure does not say how it forecasts budgets].
import type { World } from '../../world';
import { addDays, addMonths, daysBetween, minDay } from '../../world/billing/calendar';
import { usageWorldOf } from '../../world/usage/access';
import { dayNumber } from '../../world/usage/calendar';
import type { Filter } from '../costManagement/definition';
import { runQuery } from '../costManagement/queryEngine';
import type { BudgetScope } from './budgetScope';
import { BudgetInput, MONTHS_PER_GRAIN } from './budgetValidation';

/** The budget's current period: periods restart every grain from the start date's month. */
export function budgetPeriod(timeGrain: string, startDate: string, asOf: string): { from: string; to: string } | undefined {
  if (asOf < startDate) { return undefined; }
  const months = MONTHS_PER_GRAIN[timeGrain] ?? 1;
  const elapsed = (Number(asOf.slice(0, 4)) - Number(startDate.slice(0, 4))) * 12 + Number(asOf.slice(5, 7)) - Number(startDate.slice(5, 7));
  const from = addMonths(startDate, Math.floor(elapsed / months) * months);
  return { from, to: addDays(addMonths(from, months), -1) };
}

/** A Consumption budget filter (already validated) as a Cost Management query filter. */
export function costFilterOf(filter: unknown): Filter | undefined {
  if (filter === undefined || filter === null) { return undefined; }
  const f = filter as { and?: unknown[]; dimensions?: { name: string; values: string[] }; tags?: { name: string; values: string[] } };
  if (Array.isArray(f.and)) { return { and: f.and.map((x) => costFilterOf(x)).filter((x): x is Filter => x !== undefined) }; }
  if (f.dimensions) { return { dimensions: { name: f.dimensions.name, values: f.dimensions.values } }; }
  if (f.tags) { return { tags: { name: f.tags.name, values: f.tags.values } }; }
  return undefined;
}

/** The Cost Management total (in cents) of the scope's subscriptions over [from, to] under the filter. */
export function scopeCostCents(world: World, scope: BudgetScope, from: string, to: string, filter?: unknown): number {
  if (to < from) { return 0; }
  const usage = usageWorldOf(world);
  const table = runQuery(usage, { key: scope.key, subscriptions: scope.subscriptions, resourceGroup: scope.resourceGroup }, {
    range: { from: dayNumber(from), to: dayNumber(to) },
    granularity: 'None',
    aggregations: ['Cost'],
    groupings: [],
    filter: costFilterOf(filter),
  });
  return table.rows.reduce((sum, row) => sum + Math.round(Number(row[0]) * 100), 0);
}

export interface BudgetSpend {
  period?: { from: string; to: string };
  currentCents: number;
  forecastCents: number;
}

export function budgetSpend(world: World, scope: BudgetScope, input: Pick<BudgetInput, 'timeGrain' | 'timePeriod' | 'filter'>): BudgetSpend {
  const asOf = world.options.asOf;
  const period = budgetPeriod(input.timeGrain, input.timePeriod.startDate, asOf);
  if (!period) { return { currentCents: 0, forecastCents: 0 }; }
  const to = minDay(period.to, addDays(asOf, -1));
  const current = scopeCostCents(world, scope, period.from, to, input.filter);
  const days = daysBetween(period.from, to) + 1;
  const forecast = days > 0 ? Math.round((current * (daysBetween(period.from, period.to) + 1)) / days) : 0;
  return { period, currentCents: current, forecastCents: forecast };
}
