// Where a budget stands (docs/budgets.md#in-the-tree): its current period, spend and forecast as a
// percentage of the amount, which notifications have been crossed, and the level the tree shows
// (a warning past the lowest crossed threshold, an error past 100 %). Pure: today is passed in.
import type { Budget, BudgetNotification } from '../../billing/models/budget';
import { addMonthsClamped, DayNumber, formatIsoDate, parseIsoDate } from '../calendar';

const MONTHS_PER_GRAIN: Readonly<Record<string, number>> = { Monthly: 1, BillingMonth: 1, Quarterly: 3, BillingQuarter: 3, Annually: 12, BillingAnnual: 12 };

export interface BudgetPeriod {
  from: string;
  to: string;
}

export type BudgetLevel = 'ok' | 'warning' | 'over' | 'notStarted';

export interface CrossedNotification {
  key: string;
  notification: BudgetNotification;
  /** The percentage compared: spend for Actual, forecast for Forecasted. */
  percent: number;
}

export interface BudgetStatus {
  period?: BudgetPeriod;
  spentPercent?: number;
  forecastPercent?: number;
  crossed: CrossedNotification[];
  level: BudgetLevel;
}

/**
 * The period that holds `today`: periods restart every time grain from the start date's month
 * (the billing-period grains are treated as calendar months, quarters and years: the budget does
 * not say when the billing period starts). Undefined before the start or after the end.
 */
export function currentBudgetPeriod(timeGrain: string | undefined, startDate: string | undefined, endDate: string | undefined, today: DayNumber): BudgetPeriod | undefined {
  const start = startDate ? parseIsoDate(startDate) : undefined;
  if (start === undefined || today < start) { return undefined; }
  const end = endDate ? parseIsoDate(endDate) : undefined;
  if (end !== undefined && today > end) { return undefined; }
  const months = MONTHS_PER_GRAIN[timeGrain ?? ''] ?? 1;
  const a = new Date(start * 86_400_000);
  const b = new Date(today * 86_400_000);
  const elapsed = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  const from = addMonthsClamped(start, Math.floor(elapsed / months) * months);
  const to = addMonthsClamped(from, months) - 1;
  return { from: formatIsoDate(from), to: formatIsoDate(end !== undefined && end < to ? end : to) };
}

function percentOf(part: number | undefined, whole: number): number | undefined {
  if (part === undefined || !(whole > 0)) { return undefined; }
  return (part / whole) * 100;
}

/** Whether `percent` is past the notification's threshold, by its operator. */
export function isCrossed(notification: BudgetNotification, percent: number): boolean {
  return notification.operator === 'GreaterThan' ? percent > notification.threshold : percent >= notification.threshold;
}

export function budgetStatus(budget: Budget, today: DayNumber): BudgetStatus {
  const period = currentBudgetPeriod(budget.timeGrain, budget.startDate, budget.endDate, today);
  const spentPercent = percentOf(budget.currentSpend?.amount, budget.amount);
  const forecastPercent = percentOf(budget.forecastSpend?.amount, budget.amount);
  const crossed: CrossedNotification[] = [];
  for (const [key, notification] of Object.entries(budget.notifications)) {
    if (!notification.enabled) { continue; }
    const percent = notification.thresholdType === 'Forecasted' ? forecastPercent : spentPercent;
    if (percent !== undefined && isCrossed(notification, percent)) { crossed.push({ key, notification, percent }); }
  }
  crossed.sort((x, y) => x.notification.threshold - y.notification.threshold);
  let level: BudgetLevel = 'ok';
  if (!period) { level = 'notStarted'; }
  else if (spentPercent !== undefined && spentPercent > 100) { level = 'over'; }
  else if (crossed.length > 0) { level = 'warning'; }
  return { period, spentPercent, forecastPercent, crossed, level };
}

export interface FilterPart {
  kind: 'dimension' | 'tag';
  name: string;
  values: string[];
}

/** The budget's filter as plain parts (the `and` of them), for a tooltip; unknown shapes are skipped. */
export function budgetFilterParts(filter: Record<string, unknown> | undefined): FilterPart[] {
  if (!filter) { return []; }
  const parts: FilterPart[] = [];
  const read = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) { return; }
    const f = node as { and?: unknown; dimensions?: { name?: unknown; values?: unknown }; tags?: { name?: unknown; values?: unknown } };
    if (Array.isArray(f.and)) { f.and.forEach(read); }
    for (const [kind, expr] of [['dimension', f.dimensions], ['tag', f.tags]] as const) {
      if (expr && typeof expr.name === 'string' && Array.isArray(expr.values)) {
        parts.push({ kind, name: expr.name, values: expr.values.filter((v): v is string => typeof v === 'string') });
      }
    }
  };
  read(filter);
  return parts;
}

/** What the wizard offers to filter on. */
export type BudgetFilterChoice =
  | { kind: 'resourceGroup'; values: string[] }
  | { kind: 'meterCategory'; values: string[] }
  | { kind: 'tag'; name: string; values: string[] };

/** The wire filter for a choice (one expression, operator In). */
export function budgetFilterOf(choice: BudgetFilterChoice): Record<string, unknown> {
  if (choice.kind === 'tag') { return { tags: { name: choice.name, operator: 'In', values: choice.values } }; }
  return { dimensions: { name: choice.kind === 'resourceGroup' ? 'ResourceGroupName' : 'MeterCategory', operator: 'In', values: choice.values } };
}

/** The wizard's choice for a filter it can edit; undefined for shapes it cannot (several parts). */
export function filterChoiceOf(filter: Record<string, unknown> | undefined): BudgetFilterChoice | undefined {
  const parts = budgetFilterParts(filter);
  if (parts.length !== 1) { return undefined; }
  const [p] = parts;
  if (p.kind === 'tag') { return { kind: 'tag', name: p.name, values: p.values }; }
  if (p.name.toLowerCase() === 'resourcegroupname' || p.name.toLowerCase() === 'resourcegroup') { return { kind: 'resourceGroup', values: p.values }; }
  if (p.name.toLowerCase() === 'metercategory') { return { kind: 'meterCategory', values: p.values }; }
  return undefined;
}
