// How far off the forecast may be: the model's own backtest on the history it was given. At each
// earlier day with enough days before and `horizon` known days after it, the level is fitted on
// the days up to it and the next `horizon` days forecast; the 10th and 90th percentiles of
// actual ÷ forecast scale the projection. Weekday factors are the ones fitted on all the days (a
// slight peek ahead, accepted: they move little). Without enough such days — a young
// subscription, or early in the month without earlier months — the spread of the daily residuals
// is used instead (see there); with fewer than a week of days, no range.

import { fitLevel } from './level';
import { weekday } from './timeline';

export interface ForecastRange {
  /** 'backtest': percentiles of past errors; 'dailyResiduals': ±1.28 σ of a day's residual, every day; 'none'; 'complete': nothing left to forecast. */
  method: 'backtest' | 'dailyResiduals' | 'none' | 'complete';
  /** Past forecasts (backtest) or days (residuals) the range rests on. */
  samples: number;
  /** Multipliers of the projected part for the low and high ends. */
  lowFactor: number;
  highFactor: number;
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
  if (horizon <= 0) { return { method: 'complete', samples: 0, lowFactor: 1, highFactor: 1 }; }
  const ratios: number[] = [];
  for (let o = series.length - 1 - horizon; o >= MIN_FIT_DAYS - 1 && ratios.length < MAX_BACKTESTS; o--) {
    // The next `horizon` days must all be known (no gap between history periods).
    if (series[o + horizon].day - series[o].day !== horizon) { continue; }
    const fit = fitLevel(series.slice(0, o + 1).map((s) => s.value));
    let forecast = 0;
    let actual = 0;
    for (let k = 1; k <= horizon; k++) {
      const f = factors[weekday(series[o + k].day)];
      forecast += Math.max(0, fit.level + fit.slope * k) * f;
      actual += series[o + k].value * f;
    }
    if (forecast > 0) { ratios.push(actual / forecast); }
  }
  if (ratios.length >= MIN_BACKTESTS) {
    return { method: 'backtest', samples: ratios.length, lowFactor: Math.min(1, percentile(ratios, 0.1)), highFactor: Math.max(1, percentile(ratios, 0.9)) };
  }
  if (residuals.length < MIN_FIT_DAYS || level <= 0) { return { method: 'none', samples: residuals.length, lowFactor: 1, highFactor: 1 }; }
  const sd = Math.sqrt(residuals.reduce((a, r) => a + r * r, 0) / (residuals.length - 1));
  // Relative to a day's level, as if every projected day erred the same way (σ·h over h days of
  // about `level`): a level judged on a few days stays misjudged for the rest of the month, so
  // days do not err independently (σ√h was far too narrow on the emulator's first months).
  const rel = (Z_10_90 * sd) / level;
  return { method: 'dailyResiduals', samples: residuals.length, lowFactor: Math.max(0, 1 - rel), highFactor: 1 + rel };
}

/** Linear interpolation between closest ranks (the usual "type 7"). */
export function percentile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (h - lo);
}
