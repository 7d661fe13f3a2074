// Month-to-date spend and a simple forecast of the period's bill: the average daily cost of the
// complete days so far, carried to the period's end. Works in minor units (integers), so the
// to-date figure is exactly the sum of the daily bars it is shown beside.

import { DayNumber } from './calendar';

export interface ForecastInput {
  /** Cost per day in minor units, index 0 = `firstDay`. */
  dailyTotals: readonly number[];
  firstDay: DayNumber;
  /** Last day of the billing period. */
  periodEnd: DayNumber;
  /** Last complete day (usually yesterday: today's data is partial). */
  asOf: DayNumber;
}

export interface BillForecast {
  /** Spend from the period's first day through `asOf`. */
  toDate: number;
  daysElapsed: number;
  daysRemaining: number;
  /** Average per complete day, rounded to the minor unit (for display). */
  dailyRunRate: number;
  /** toDate + run rate × remaining days, rounded once. */
  forecast: number;
}

/** Undefined when not one complete day of the period has passed yet. */
export function forecastBill(input: ForecastInput): BillForecast | undefined {
  const asOf = Math.min(input.asOf, input.periodEnd);
  const daysElapsed = asOf - input.firstDay + 1;
  if (daysElapsed <= 0) { return undefined; }
  let toDate = 0;
  for (let i = 0; i < daysElapsed && i < input.dailyTotals.length; i++) { toDate += input.dailyTotals[i]; }
  const daysRemaining = input.periodEnd - asOf;
  return {
    toDate,
    daysElapsed,
    daysRemaining,
    dailyRunRate: roundHalfAway(toDate / daysElapsed),
    forecast: toDate + roundHalfAway((toDate * daysRemaining) / daysElapsed),
  };
}

function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}
