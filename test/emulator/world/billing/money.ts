// Money inside the billing world is whole cents (integers) so that totals add up exactly;
// it becomes `{ currency, value }` only on the wire.

export function toCents(value: number): number {
  return Math.round(value * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/**
 * Splits `totalCents` over raw (unrounded) amounts so the parts add up exactly to the total:
 * each part is its amount rounded down, and the cents left over go to the largest remainders
 * (ties to the earlier part). Used for invoice lines that must sum to the invoice total.
 */
export function allocateCents(totalCents: number, rawAmounts: readonly number[]): number[] {
  const scaled = rawAmounts.map((a) => a * 100);
  const floors = scaled.map((s) => Math.floor(s + 1e-9));
  let left = totalCents - floors.reduce((a, b) => a + b, 0);
  const order = scaled.map((s, i) => ({ i, frac: s - floors[i] })).sort((x, y) => y.frac - x.frac || x.i - y.i);
  const parts = [...floors];
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) { parts[order[k].i] += 1; }
  for (let k = order.length - 1; left < 0 && order.length > 0; k = (k - 1 + order.length) % order.length, left++) { parts[order[k].i] -= 1; }
  return parts;
}

/** Sum of raw amounts rounded once to cents (not the sum of rounded amounts). */
export function roundedSumCents(rawAmounts: readonly number[]): number {
  return toCents(rawAmounts.reduce((a, b) => a + b, 0));
}
