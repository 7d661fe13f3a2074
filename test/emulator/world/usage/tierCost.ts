// Exact tier arithmetic. Quantities carry at most 4 decimals and prices at most 6, so a cost is
// an integer number of 1e-10 currency units; it is computed in BigInt and rounded half-up to the
// cent only at the end. This is the world's rounding rule (see README): for each subscription,
// meter and day,
//   cents(day) = round(cost(Q through day)) − round(cost(Q through day before)),
// both at the rates in effect on that day, Q being the month-to-date quantity of the meter in the
// subscription. A month's cents therefore add up to the rounded cost of the month's quantity.
import type { Tier } from './meterTemplates';

export const QUANTITY_SCALE = 10_000;
const PRICE_SCALE = 1_000_000;
const HALF_CENT = 50_000_000n; // 1e-10 units in half a cent
const CENT = 100_000_000n;

/** Cost, in 1e-10 currency units, of a month-to-date quantity given in 1e-4 units. */
export function exactTieredCost(quantityUnits: number, tiers: readonly Tier[], includedQuantity: number): bigint {
  const billable = quantityUnits - includedQuantity * QUANTITY_SCALE;
  if (billable <= 0) { return 0n; }
  let total = 0n;
  for (let i = 0; i < tiers.length; i++) {
    const lo = tiers[i].from * QUANTITY_SCALE;
    const hi = i + 1 < tiers.length ? tiers[i + 1].from * QUANTITY_SCALE : Number.POSITIVE_INFINITY;
    const portion = Math.min(Math.max(billable - lo, 0), hi - lo);
    if (portion > 0) { total += BigInt(portion) * BigInt(Math.round(tiers[i].price * PRICE_SCALE)); }
  }
  return total;
}

/** Half-up rounding of a non-negative exact cost to whole cents. */
export function roundToCents(exact: bigint): number {
  return Number((exact + HALF_CENT) / CENT);
}
