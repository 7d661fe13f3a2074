// The estimate (usage × rate card) beside the actual cost Cost Management reports, per day and
// per currency, with the difference. Works on the rounded series, so each row's difference is
// exactly the difference of the two figures shown, and the totals are the sums of the rows.

import { currencyFractionDigits } from './currency';
import { GroupedCosts } from './grouping';

export interface ComparisonRow {
  bucket: string;
  /** Minor units; null when that side has no data in this currency. */
  estimate: number | null;
  actual: number | null;
  /** actual − estimate; null unless both sides exist. */
  difference: number | null;
}

export interface CurrencyComparison {
  currency: string;
  fractionDigits: number;
  rows: ComparisonRow[];
  totals: { estimate: number | null; actual: number | null; difference: number | null };
}

export function compareEstimateToActual(estimate: GroupedCosts, actual: GroupedCosts): CurrencyComparison[] {
  if (estimate.buckets.join() !== actual.buckets.join()) {
    throw new Error('Estimate and actual cover different days; group both over the same range.');
  }
  const currencies = new Set([...estimate.currencies, ...actual.currencies].map((c) => c.currency));
  return [...currencies].sort().map((currency) => {
    const est = estimate.currencies.find((c) => c.currency === currency);
    const act = actual.currencies.find((c) => c.currency === currency);
    const rows = estimate.buckets.map((bucket, i) => {
      const e = est ? est.bucketTotals[i] : null;
      const a = act ? act.bucketTotals[i] : null;
      return { bucket, estimate: e, actual: a, difference: e !== null && a !== null ? a - e : null };
    });
    const total = (side: 'estimate' | 'actual' | 'difference') =>
      rows.some((r) => r[side] === null) ? null : rows.reduce((s, r) => s + (r[side] as number), 0);
    return {
      currency,
      fractionDigits: est?.fractionDigits ?? act?.fractionDigits ?? currencyFractionDigits(currency),
      rows,
      totals: { estimate: total('estimate'), actual: total('actual'), difference: total('difference') },
    };
  });
}
