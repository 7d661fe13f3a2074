// Calendar arithmetic on whole UTC days. A day is kept as its number since 1970-01-01 so that
// loops over 13 months of usage are integer loops; strings appear only at the edges.

const MS_PER_DAY = 86_400_000;

/** 'YYYY-MM-DD' → days since 1970-01-01. */
export function dayNumber(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) { throw new Error(`Not a calendar date: ${day}`); }
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

export function dayString(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day as the number yyyymmdd, as Cost Management writes UsageDate. */
export function compactDay(day: number): number {
  return Number(dayString(day).replace(/-/g, ''));
}

export function dayOfMs(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

export function msOfDay(day: number): number {
  return day * MS_PER_DAY;
}

/** First day of the month that holds `day`. */
export function monthStart(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / MS_PER_DAY;
}

/** First day of the month `months` after the month that holds `day` (negative goes back). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * MS_PER_DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) / MS_PER_DAY;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (day + 4) % 7; // 1970-01-01 was a Thursday
}

/** ISO date-time of the start of an hour, as Commerce writes it (`2024-05-01T00:00:00+00:00`). */
export function commerceTime(hour: number): string {
  return `${new Date(hour * 3_600_000).toISOString().slice(0, 19)}+00:00`;
}
