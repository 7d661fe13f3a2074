// Day-of-week factors: how much a Monday, a Saturday… costs relative to the week around it.
// Each day is compared with the mean of the seven days centred on it, so a level or a slow trend
// cancels out; only whole windows of known, ordinary days count (a window holding a period's first
// day, with its possible one-off, or straddling a step change would distort the ratio).

import { weekday } from './timeline';

/** Observations of a weekday that earn its factor full weight; fewer shrink it toward 1. */
export const FULL_WEIGHT_OBSERVATIONS = 4;

/**
 * Seven factors (index 0 = Sunday) averaging 1. With n observations of a weekday, its factor is
 * 1 + (raw − 1) × min(1, n / 4): two weeks of history cannot make a pattern out of noise.
 */
export function weekdayFactors(
  values: ReadonlyArray<number | undefined>,
  origin: number,
  excludedWindow: (center: number) => boolean,
): number[] {
  const sum = new Array(7).fill(0);
  const count = new Array(7).fill(0);
  for (let c = 3; c + 3 < values.length; c++) {
    if (excludedWindow(c)) { continue; }
    let total = 0;
    let whole = true;
    for (let i = c - 3; i <= c + 3; i++) {
      const v = values[i];
      if (v === undefined) { whole = false; }
      else { total += v; }
    }
    if (!whole || total <= 0) { continue; }
    const w = weekday(origin + c);
    sum[w] += (values[c] as number) / (total / 7);
    count[w]++;
  }
  const raw = sum.map((s, w) => (count[w] ? s / count[w] : 1));
  const shrunk = normalise(raw).map((f, w) => 1 + (f - 1) * Math.min(1, count[w] / FULL_WEIGHT_OBSERVATIONS));
  return normalise(shrunk);
}

function normalise(factors: number[]): number[] {
  const mean = factors.reduce((a, b) => a + b, 0) / factors.length;
  return mean > 0 ? factors.map((f) => f / mean) : factors.map(() => 1);
}
