// The daily level a forecast carries forward, from the recent deseasonalised days: a flat mean, a
// linear trend when the slope is clearly there, or — when a resource was added or removed — the
// level after a step change, so the days before the change no longer drag the forecast.
// Transients come out first: a run of days far above the window's median that is over (ordinary
// days follow it) — a cost spike, a batch job that came and went — is paid, but not a level to
// carry on, and left in it would pass for a trend. A run still going on at the end is kept: it
// cannot yet be told from a step change, which the step search then judges.

/** The most recent days the level is fitted on: about a month, so old levels fade out. */
export const FIT_WINDOW = 28;
/** A trend is used only with at least this many days, and a slope this many standard errors from 0. */
const TREND_MIN_DAYS = 14;
const TREND_MIN_T = 2.5;
/** A step must move the level by at least this share, and explain most of what is left unexplained. */
const STEP_MIN_SHIFT = 0.15;
const STEP_MAX_SSE_SHARE = 0.25;
const STEP_MIN_SIDE = 3;
/**
 * A day is a transient's when it is further above the window's median than both 4 robust standard
 * deviations (1.4826 × the median absolute deviation) and 25 % of the median (so a flat window,
 * whose deviation is 0, does not flag ordinary noise).
 */
const TRANSIENT_MADS = 4;
const TRANSIENT_MIN_SHARE = 0.25;

/**
 * Machines come and go (batch jobs, experiments): on some scopes the level a fortnight ahead is
 * nearer the quarter's mean than today's. Each day ahead keeps a share φ of the fitted level's
 * distance from the mean of the last `LONG_RUN_DAYS` deseasonalised days; φ = 1 keeps the level as
 * fitted. Which φ a scope gets is decided on its own history (range.ts): the one whose backtest errs least.
 */
export const REVERSION_CHOICES = [1, 0.97] as const;
export const LONG_RUN_DAYS = 84;

/** The mean of the last `LONG_RUN_DAYS` values (deseasonalised days), finished transients out; 0 without any. */
export function longRunMean(values: readonly number[]): number {
  const tail = withoutTransients(values.slice(-LONG_RUN_DAYS));
  return tail.length ? tail.reduce((a, b) => a + b, 0) / tail.length : 0;
}

/** The deseasonalised level `k` days after the last fitted one: level and trend, fading toward `longMean` at `phi` a day. */
export function levelAhead(fit: Pick<LevelFit, 'level' | 'slope'>, longMean: number, k: number, phi: number): number {
  const level = fit.level + fit.slope * k;
  return Math.max(0, phi === 1 ? level : longMean + (level - longMean) * phi ** k);
}

export interface LevelFit {
  /** Fitted daily level (deseasonalised, minor units) on the last day given. */
  level: number;
  /** Change of the level per day (0 without a clear trend or after a step). */
  slope: number;
  /** A level shift: `after` days before the end the level moved from `before` to `level`. */
  step?: { daysAfter: number; before: number };
  /** Actual minus fitted, per day of the window, for the spread of the range. */
  residuals: number[];
  /** Positions in the window (0 = its first day) of the finished transients' days, left out of the fit. */
  transients: number[];
}

/** Fits the last `FIT_WINDOW` values (oldest first, the last one is the last complete day). */
export function fitLevel(all: readonly number[]): LevelFit {
  const window = all.slice(-FIT_WINDOW);
  const y = withoutTransients(window);
  const transients = y.flatMap((v, i) => (v !== window[i] ? [i] : []));
  const n = y.length;
  if (n === 0) {return { level: 0, slope: 0, residuals: [], transients };}
  const mean = y.reduce((a, b) => a + b, 0) / n;
  let base: LevelFit = { level: mean, slope: 0, residuals: y.map((v) => v - mean), transients };
  if (n >= TREND_MIN_DAYS) {
    const trend = linear(y);
    if (trend.se > 0 ? Math.abs(trend.slope) / trend.se >= TREND_MIN_T : trend.slope !== 0) {base = { ...trend.fit, transients };}
  }
  const baseSse = sse(base.residuals);
  if (n < 2 * STEP_MIN_SIDE || baseSse === 0) {return base;}
  let best: { c: number; sse: number; before: number; after: number } | undefined;
  for (let c = STEP_MIN_SIDE; c <= n - STEP_MIN_SIDE; c++) {
    const before = meanOf(y, 0, c);
    const after = meanOf(y, c, n);
    let s = 0;
    for (let i = 0; i < n; i++) {s += (y[i] - (i < c ? before : after)) ** 2;}
    if (!best || s < best.sse) {best = { c, sse: s, before, after };}
  }
  if (!best) {return base;}
  const shift = Math.abs(best.after - best.before) / Math.max(Math.abs(best.before), Math.abs(best.after));
  if (shift < STEP_MIN_SHIFT || best.sse > STEP_MAX_SSE_SHARE * baseSse) {return base;}
  const { c, before, after } = best;
  return { level: after, slope: 0, step: { daysAfter: n - c, before }, residuals: y.map((v, i) => v - (i < c ? before : after)), transients };
}

/** The window with each finished transient's days replaced by the median (see the top of the file). */
export function withoutTransients(y: readonly number[]): number[] {
  const n = y.length;
  if (n < 2 * STEP_MIN_SIDE) {return [...y];}
  const m = median(y);
  const mad = median(y.map((v) => Math.abs(v - m)));
  const limit = Math.max(TRANSIENT_MADS * 1.4826 * mad, TRANSIENT_MIN_SHARE * Math.abs(m));
  const out = [...y];
  // Only runs above the level: a short dip is more often a weekly pattern not learnt yet (a young
  // subscription's weekends) than a cost that went away. From the end: the run touching the last
  // day stays.
  const high = (v: number) => v - m > limit;
  let i = n - 1;
  while (i >= 0 && high(y[i])) {i--;}
  for (; i >= 0; i--) {if (high(y[i])) {out[i] = m;}}
  return out;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

function linear(y: readonly number[]): { slope: number; se: number; fit: Omit<LevelFit, 'transients'> } {
  const n = y.length;
  const xm = (n - 1) / 2;
  const ym = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - xm) * (y[i] - ym);
    sxx += (i - xm) ** 2;
  }
  const slope = sxy / sxx;
  const residuals = y.map((v, i) => v - (ym + slope * (i - xm)));
  const se = Math.sqrt(sse(residuals) / (n - 2) / sxx);
  return { slope, se, fit: { level: ym + slope * (n - 1 - xm), slope, residuals } };
}

function meanOf(y: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) {s += y[i];}
  return s / (to - from);
}

function sse(r: readonly number[]): number {
  return r.reduce((a, b) => a + b * b, 0);
}
