// Splitting an amount in integer minor units (cents) by weights so that the parts add up to the
// amount exactly: each part is the floor of its exact share, and the cents left over go one by one
// to the largest remainders (ties to the earlier part, so the split is stable). A negative amount
// (a credit, a refund) is split as its opposite and negated, so a refund is shared like a charge.

/** Parts of `amount` in proportion to `weights` (all ≥ 0, not all 0); Σ parts = amount. */
export function splitAmount(amount: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.some((w) => w < 0n)) throw new RangeError('splitAmount: a weight is negative');
  const total = weights.reduce((a, w) => a + w, 0n);
  if (total === 0n) throw new RangeError('splitAmount: the weights add up to zero');
  if (amount < 0n) return splitAmount(-amount, weights).map((p) => -p);
  const parts = weights.map((w) => (amount * w) / total);
  let left = amount - parts.reduce((a, p) => a + p, 0n);
  const order = weights
    .map((w, index) => ({ index, remainder: (amount * w) % total }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (let k = 0; left > 0n; k++, left--) parts[order[k].index] += 1n;
  return parts;
}

/** Parts of `amount` split evenly over `count` parts; the first parts take the leftover cents. */
export function splitEvenly(amount: bigint, count: number): bigint[] {
  return splitAmount(amount, new Array<bigint>(count).fill(1n));
}
