// How much of a meter a resource uses in each hour. Every value is a pure function of the stream's
// seed and the hour, so any hour of any resource can be computed directly (the large world's 17
// million hourly rows are never stored). Quantities are integers in 1e-4 units (QUANTITY_SCALE).
import { monthStart, weekday } from './calendar';

export type UsageProfile =
  /** `units` every hour, except whole days switched off with probability `offDayChance`. */
  | { kind: 'constant'; units: number; offDayChance: number }
  /** `units` on weekday hours 08–18 UTC, nothing otherwise (a dev machine). */
  | { kind: 'business'; units: number }
  /** Stored data: `baseUnits` per hour on the first day, growing by `growthUnitsPerDay`. */
  | { kind: 'growing'; baseUnits: number; growthUnitsPerDay: number }
  /**
   * Uniform on [0, 2·meanUnits) per hour; with `spike`, `factor` times that from day `from` to day
   * `to` (a runaway job or a misconfigured log level).
   */
  | { kind: 'random'; meanUnits: number; spike?: { from: number; to: number; factor: number } }
  /** `units` in the first hour of each calendar month's first day, nothing else (billed monthly, up front). */
  | { kind: 'monthly'; units: number }
  /** `baseUnits` per hour on the first day, multiplied by `dailyFactor` each day after (a planted steady rise). */
  | { kind: 'compounding'; baseUnits: number; dailyFactor: number };

export interface UsageSpan {
  seed: number;
  profile: UsageProfile;
  /** First and last day (day numbers, inclusive) with usage. */
  firstDay: number;
  lastDay: number;
}

/** A 32-bit mix of two integers (murmur3's finaliser over a combined key). */
export function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b | 0, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const unit = (h: number) => h / 4294967296;
const OFF_DAY = 0x5bd1e995;
const LATE_DAY = 0x1a7e1a7e;

export function hourUnits(s: UsageSpan, hour: number): number {
  const day = Math.floor(hour / 24);
  if (day < s.firstDay || day > s.lastDay) {return 0;}
  const p = s.profile;
  switch (p.kind) {
    case 'constant':
      return p.offDayChance > 0 && unit(mix(s.seed ^ OFF_DAY, day)) < p.offDayChance ? 0 : p.units;
    case 'business': {
      const wd = weekday(day);
      const h = hour - day * 24;
      return wd >= 1 && wd <= 5 && h >= 8 && h < 18 ? p.units : 0;
    }
    case 'growing':
      return Math.round(p.baseUnits + p.growthUnitsPerDay * (day - s.firstDay));
    case 'random': {
      const factor = p.spike && day >= p.spike.from && day <= p.spike.to ? p.spike.factor : 1;
      return Math.floor(unit(mix(s.seed, hour)) * 2 * p.meanUnits * factor);
    }
    case 'monthly':
      return hour === day * 24 && monthStart(day) === day ? p.units : 0;
    case 'compounding':
      return Math.round(p.baseUnits * p.dailyFactor ** (day - s.firstDay));
  }
}

/** The day's total, equal to the sum of its 24 hours (computed in closed form where it can be). */
export function dayUnits(s: UsageSpan, day: number): number {
  if (day < s.firstDay || day > s.lastDay) {return 0;}
  const p = s.profile;
  if (p.kind === 'constant' || p.kind === 'growing' || p.kind === 'compounding') {return 24 * hourUnits(s, day * 24);}
  if (p.kind === 'business') {return weekday(day) >= 1 && weekday(day) <= 5 ? 10 * p.units : 0;}
  if (p.kind === 'monthly') {return hourUnits(s, day * 24);}
  let total = 0;
  for (let h = day * 24; h < day * 24 + 24; h++) {total += hourUnits(s, h);}
  return total;
}

/** About 4 % of a resource's days reach the billing system a day late (reported time ≠ usage time). */
export function reportedLate(s: UsageSpan, day: number): boolean {
  return unit(mix(s.seed ^ LATE_DAY, day)) < 0.04;
}
