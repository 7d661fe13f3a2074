// The price of a month-to-date quantity under a tiered rate
// (docs/azure-apis.md#estimating-cost-from-usage):
//   billable(Q) = max(0, Q - IncludedQuantity)
//   cost(Q)     = Σ_i rate_i × clamp(billable(Q) - t_i, 0, t_{i+1} - t_i)
// A day's (or hour's) cost is cost(Q after it) - cost(Q before it), so tiers follow the month's
// cumulative quantity rather than each row on its own.

import { Fixed, fixedMul } from './fixedDecimal';

export interface Tier {
  /** Cumulative monthly quantity where this price starts. */
  threshold: Fixed;
  /** Price per unit above the threshold. */
  price: Fixed;
}

export interface TieredRate {
  /** Ascending by threshold. */
  tiers: Tier[];
  includedQuantity: Fixed;
}

export function cumulativeCost(rate: TieredRate, monthToDateQuantity: Fixed): Fixed {
  const billable = monthToDateQuantity - rate.includedQuantity;
  if (billable <= 0n) { return 0n; }
  let cost = 0n;
  const tiers = rate.tiers;
  for (let i = 0; i < tiers.length; i++) {
    const start = tiers[i].threshold;
    if (billable <= start) { break; }
    const end = i + 1 < tiers.length ? tiers[i + 1].threshold : undefined;
    const inTier = (end !== undefined && billable > end ? end : billable) - start;
    cost += fixedMul(inTier, tiers[i].price);
  }
  return cost;
}

/** The cost of `quantity` more units after `before` units this month. */
export function incrementalCost(rate: TieredRate, before: Fixed, quantity: Fixed): Fixed {
  return cumulativeCost(rate, before + quantity) - cumulativeCost(rate, before);
}
