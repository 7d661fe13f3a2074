// Rounding many exact amounts to minor units (cents) so that the rounded parts add up to the
// rounded whole (largest-remainder method). Without it, a chart's bars would not add up to the
// total shown beside them, or the total would be off from the exact sum by several cents.

import { FIXED_PLACES, Fixed, divRound } from './fixedDecimal';

/** Rounds each value to `places` decimals; the results (as integer units) sum to round(Σ values). */
export function apportion(values: readonly Fixed[], places: number): bigint[] {
  const unit = 10n ** BigInt(FIXED_PLACES - places);
  let exactTotal: Fixed = 0n;
  let floorTotal = 0n;
  const floors = new Array<bigint>(values.length);
  const remainders: Array<{ index: number; remainder: bigint }> = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    exactTotal += v;
    const floor = floorDiv(v, unit);
    floors[i] = floor;
    floorTotal += floor;
    const remainder = v - floor * unit;
    if (remainder > 0n) { remainders.push({ index: i, remainder }); }
  }
  let missing = divRound(exactTotal, unit) - floorTotal;
  // Largest remainder first; equal remainders go to the earlier value, so the result is stable.
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (let k = 0; k < remainders.length && missing > 0n; k++, missing--) { floors[remainders[k].index] += 1n; }
  return floors;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}
