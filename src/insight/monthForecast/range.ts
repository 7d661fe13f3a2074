// How far off the forecast may be: the model's own backtest on the history it was given. At each
// earlier day with enough days before and `horizon` known days after it, the level is fitted on
// the days up to it and the next `horizon` days forecast; the 10th and 90th percentiles of
// actual ÷ forecast scale the projection. Weekday factors are the ones fitted on all the days (a
// slight peek ahead, accepted: they move little). Without enough such days — a young
// subscription, or early in the month without earlier months — the spread of the daily residuals
// is used instead (see there); with fewer than a week of days, no range.

import { fitLevel, levelAhead, longRunMean, REVERSION_CHOICES } from './level';
import { weekday } from './timeline';

export interface ForecastRange {
  /** 'backtest': percentiles of past errors; 'dailyResiduals': ±1.28 σ of a day's residual, every day; 'none'; 'complete': nothing left to forecast. */
  method: 'backtest' | 'dailyResiduals' | 'none' | 'complete';
  /** Past forecasts (backtest) or days (residuals) the range rests on. */
  samples: number;
  /** Multipliers of the projected part for the low and high ends. */
  lowFactor: number;
  highFactor: number;
  /** The reversion φ the projection uses (level.ts): the one whose backtest erred least; 1 without a backtest. */
  reversion: number;
}

const MIN_BACKTESTS = 5;
const MAX_BACKTESTS = 120;
const MIN_FIT_DAYS = 7;
const Z_10_90 = 1.2816;

export function forecastRange(
  series: ReadonlyArray<{ day: number; value: number }>,
  factors: readonly number[],
  horizon: number,
  residuals: readonly number[],
  level: number,
): ForecastRange {
  if (horizon <= 0) { return { method: 'complete', samples: 0, lowFactor: 1, highFactor: 1, reversion: 1 }; }
  // One list of actual ÷ forecast per reversion choice, from the same fits.
  const all: number[][] = REVERSION_CHOICES.map(() => []);
  for (let o = series.length - 1 - horizon; o >= MIN_FIT_DAYS - 1 && all[0].length < MAX_BACKTESTS; o--) {
    // The next `horizon` days must all be known (no gap between history periods).
    if (series[o + horizon].day - series[o].day !== horizon) { continue; }
    const known = series.slice(0, o + 1).map((s) => s.value);
    const fit = fitLevel(known);
    const longMean = longRunMean(known);
    const forecast = REVERSION_CHOICES.map(() => 0);
    let actual = 0;
    for (let k = 1; k <= horizon; k++) {
      const f = factors[weekday(series[o + k].day)];
      REVERSION_CHOICES.forEach((phi, i) => (forecast[i] += levelAhead(fit, longMean, k, phi) * f));
      actual += series[o + k].value * f;
    }
    if (forecast.every((x) => x > 0)) { forecast.forEach((x, i) => all[i].push(actual / x)); }
  }
  if (all[0].length >= MIN_BACKTESTS) {
    // The choice that erred least (mean |log ratio|); on a tie, the first: the level as fitted.
    const error = all.map((rs) => rs.reduce((a, r) => a + Math.abs(Math.log(r)), 0) / rs.length);
    const best = error.indexOf(Math.min(...error));
    const ratios = all[best];
    const { low, high } = calibrated(ratios, horizon);
    return { method: 'backtest', samples: ratios.length, lowFactor: Math.min(1, low), highFactor: Math.max(1, high), reversion: REVERSION_CHOICES[best] };
  }
  if (residuals.length < MIN_FIT_DAYS || level <= 0) { return { method: 'none', samples: residuals.length, lowFactor: 1, highFactor: 1, reversion: 1 }; }
  const sd = Math.sqrt(residuals.reduce((a, r) => a + r * r, 0) / (residuals.length - 1));
  // Relative to a day's level, as if every projected day erred the same way (σ·h over h days of
  // about `level`): a level judged on a few days stays misjudged for the rest of the month, so
  // days do not err independently (σ√h was far too narrow on the emulator's first months).
  const rel = (Z_10_90 * sd) / level;
  return { method: 'dailyResiduals', samples: residuals.length, lowFactor: Math.max(0, 1 - rel), highFactor: 1 + rel, reversion: 1 };
}

/** One-sided 90 % quantiles of Student's t for 1…30 degrees of freedom; beyond, the normal's. */
const T_90 = [3.078, 1.886, 1.638, 1.533, 1.476, 1.44, 1.415, 1.397, 1.383, 1.372, 1.363, 1.356, 1.35, 1.345, 1.341, 1.337, 1.333, 1.33, 1.328, 1.325, 1.323, 1.321, 1.319, 1.318, 1.316, 1.315, 1.314, 1.313, 1.311, 1.31];

/**
 * The 10th and 90th percentiles of the backtest's actual ÷ forecast, widened for how few
 * independent tests they rest on. Tests a day apart share all but one of their `horizon` days, so
 * `n` tests are worth about n ÷ horizon separate ones; a range for the next total estimated from m
 * such samples is wider than their own spread by t(m − 1) · √(1 + 1/m) ÷ z (the prediction
 * interval of a new observation). Widened in log space, around the median ratio.
 */
function calibrated(ratios: readonly number[], horizon: number): { low: number; high: number } {
  const m = Math.max(2, Math.floor(ratios.length / horizon));
  const widen = ((m - 1 <= T_90.length ? T_90[m - 2] : Z_10_90) * Math.sqrt(1 + 1 / m)) / Z_10_90;
  const mid = percentile(ratios, 0.5);
  const stretch = (q: number) => (mid > 0 && q > 0 ? mid * (q / mid) ** widen : q);
  return { low: stretch(percentile(ratios, 0.1)), high: stretch(percentile(ratios, 0.9)) };
}

/** Linear interpolation between closest ranks (the usual "type 7"). */
export function percentile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (h - lo);
}
