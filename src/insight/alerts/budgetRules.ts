// Budget thresholds crossed: each notification of a budget (actual or forecasted, a percentage of
// the amount) whose spend as Azure reports it (`currentSpend`, `forecastSpend`) has passed it.
// The key holds the budget, the notification's type and threshold, and the current period, so a
// crossing is raised once per period and again in the next one when it is crossed again.
import { addMonthsClamped, DayNumber, formatIsoDate, parseIsoDate } from '../calendar';
import type { Budget } from '../../billing/models/budget';
import type { BudgetFinding } from './findings';

const MONTHS_PER_GRAIN: Record<string, number> = { Monthly: 1, BillingMonth: 1, Quarterly: 3, BillingQuarter: 3, Annually: 12, BillingAnnual: 12 };

/** First day of the budget's period that holds `today` (periods restart every grain from the start date). */
export function budgetPeriodStart(budget: Pick<Budget, 'timeGrain' | 'startDate'>, today: DayNumber): DayNumber | undefined {
  const start = budget.startDate ? parseIsoDate(budget.startDate) : undefined;
  if (start === undefined || today < start) {return undefined;}
  const months = MONTHS_PER_GRAIN[budget.timeGrain ?? 'Monthly'] ?? 1;
  let from = start;
  // At most a few hundred steps: budgets end within ten years by default.
  for (let k = 1; ; k++) {
    const next = addMonthsClamped(start, k * months);
    if (next > today) {return from;}
    from = next;
  }
}

function crossed(spend: number, limit: number, operator: string): boolean {
  if (operator === 'GreaterThan') {return spend > limit;}
  // GreaterThanOrEqualTo, and EqualTo (a spend rarely equals a threshold to the cent: reached counts).
  return spend >= limit;
}

export function budgetCrossings(scope: string, budget: Budget, today: DayNumber): BudgetFinding[] {
  if (budget.category.toLowerCase() !== 'cost' || !(budget.amount > 0)) {return [];}
  if (budget.endDate && (parseIsoDate(budget.endDate) ?? Infinity) < today) {return [];}
  const periodStart = budgetPeriodStart(budget, today);
  if (periodStart === undefined) {return [];}
  const period = formatIsoDate(periodStart);
  const found: BudgetFinding[] = [];
  for (const n of Object.values(budget.notifications)) {
    if (!n.enabled) {continue;}
    const thresholdType = n.thresholdType === 'Forecasted' ? 'Forecasted' : n.thresholdType === 'Actual' ? 'Actual' : undefined;
    const spend = thresholdType === 'Forecasted' ? budget.forecastSpend : budget.currentSpend;
    if (!thresholdType || !spend) {continue;}
    const limit = (budget.amount * n.threshold) / 100;
    if (!crossed(spend.amount, limit, n.operator)) {continue;}
    found.push({
      kind: 'budget',
      key: `budget|${budget.id.toLowerCase()}|${thresholdType}|${n.threshold}|${period}`,
      scope,
      budgetName: budget.name,
      budgetId: budget.id,
      thresholdType,
      threshold: n.threshold,
      amount: { amount: budget.amount, currency: spend.currency },
      spend,
      periodStart: period,
    });
  }
  // Highest threshold first: the notification says the most important crossing first.
  return found.sort((a, b) => b.threshold - a.threshold);
}
