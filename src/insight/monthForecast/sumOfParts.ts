// The forecast of a scope that adds up several others (a billing profile or account: its
// subscriptions). A profile's daily series mixes subscriptions that behave differently — one
// steady, one with weekends off, one whose batch machine started on the 12th — and a model fitted
// on the sum sees a blur of them: a step in one part reads as noise or a trend of the whole.
// Fitted part by part, each keeps its own pattern, level and step, and their projections add up;
// but a part too small or too young shows no pattern of its own that the whole does show. The
// projection is the mean of the two forecasts of the same days — the sum of the parts' and the
// whole's — which on the emulator's profiles errs less than either (forecast combination; see
// docs/forecast.md). The known days and the range are the whole's: the days so far are what the
// whole reports (parts may round differently), and the whole's own backtest says how far a total
// of this scope strays (range.ts).

import { forecastMonth, MonthForecast, MonthForecastInput } from './index';
import type { DailyAmount, PastPeriod } from './timeline';

export interface ForecastPart {
  /** The part's days of the period so far (minor units, the whole's currency). */
  days: readonly DailyAmount[];
  history?: readonly PastPeriod[];
}

/** `input` is the whole (its days and history); `parts` its parts, whose projections are summed. */
export function forecastSum(input: MonthForecastInput, parts: readonly ForecastPart[]): MonthForecast {
  const whole = forecastMonth(input);
  if (parts.length === 0 || whole.daysProjected <= 0) { return whole; }
  let projected = 0;
  let level = 0;
  let slope = 0;
  for (const part of parts) {
    const f = forecastMonth({ ...input, days: part.days, history: part.history ?? [] });
    projected += f.projected;
    level += f.dailyLevel;
    slope += f.trendPerDay;
  }
  // Two forecasts of one total, each blind to what the other sees: their mean errs less than either
  // on the whole (forecast combination, e.g. Hyndman & Athanasopoulos, FPP3 §13.4).
  projected = Math.round((projected + whole.projected) / 2);
  const fixed = whole.total - whole.projected;
  const total = fixed + projected;
  return {
    ...whole,
    total,
    low: Math.min(total, fixed + Math.round(projected * whole.range.lowFactor)),
    high: Math.max(total, fixed + Math.round(projected * whole.range.highFactor)),
    projected,
    dailyLevel: level,
    trendPerDay: slope,
    // Steps belong to parts; the whole's (if any) no longer describes the sum that was projected.
    step: undefined,
  };
}
