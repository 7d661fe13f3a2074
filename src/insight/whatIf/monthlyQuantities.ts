// Usage reduced once, before any pricing: the quantity of each meter in each calendar month. Azure
// applies a meter's tiers to the month's cumulative quantity, so a month's cost under any price
// list is cumulativeCost(rate, the month's quantity); N alternatives then cost N lookups per meter
// and month, not N passes over the usage rows (docs/what-if.md).

import { Fixed, fixedFromNumber } from '../fixedDecimal';

export interface UsageLine {
  meterId: string;
  /** YYYY-MM-DD (the usage day, UTC). */
  day: string;
  quantity: number;
}

/** meterId (lower case) → month (YYYY-MM) → quantity. */
export type MonthlyQuantities = Map<string, Map<string, Fixed>>;

export function monthlyQuantities(lines: Iterable<UsageLine>): MonthlyQuantities {
  const out: MonthlyQuantities = new Map();
  for (const line of lines) {
    const meter = line.meterId.toLowerCase();
    let months = out.get(meter);
    if (!months) {
      months = new Map();
      out.set(meter, months);
    }
    const month = line.day.slice(0, 7);
    months.set(month, (months.get(month) ?? 0n) + fixedFromNumber(line.quantity));
  }
  return out;
}
