// Plain calendar dates ("YYYY-MM-DD", UTC) and their day numbers. Billing periods, usage days and
// presets are calendar dates, not instants; counting them as whole days since 1970-01-01 keeps
// month ends, leap years and day arithmetic exact and independent of the machine's time zone.

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/** Days since 1970-01-01 (UTC) of a calendar date. */
export type DayNumber = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict "YYYY-MM-DD" that names a real calendar day; undefined otherwise (2023-02-29 is not one). */
export function parseIsoDate(text: string): DayNumber | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) { return undefined; }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) { return undefined; }
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function dayFromParts(year: number, month: number, day: number): DayNumber {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function formatIsoDate(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The UTC calendar day an instant falls on. */
export function dayOfInstant(instant: Date | number): DayNumber {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Math.floor(ms / MS_PER_DAY);
}

/** Hours since 1970-01-01T00:00Z of the hour an instant falls in. */
export function hourOfInstant(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Math.floor(ms / MS_PER_HOUR);
}

export function formatIsoHour(hour: number): string {
  return new Date(hour * MS_PER_HOUR).toISOString().slice(0, 13) + ':00Z';
}

export interface DateParts {
  year: number;
  month: number; // 1..12
  day: number;
}

export function dateParts(day: DayNumber): DateParts {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First day of the calendar month that contains `day`. */
export function monthStart(day: DayNumber): DayNumber {
  const p = dateParts(day);
  return dayFromParts(p.year, p.month, 1);
}

/** A key that changes exactly when the calendar month changes (tiers reset on it). */
export function monthKey(day: DayNumber): number {
  const p = dateParts(day);
  return p.year * 12 + (p.month - 1);
}

/**
 * The same day-of-month `months` months away, clamped to the target month's length
 * (Mar 31 minus one month is Feb 28, or Feb 29 in a leap year).
 */
export function addMonthsClamped(day: DayNumber, months: number): DayNumber {
  const p = dateParts(day);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return dayFromParts(year, month, Math.min(p.day, daysInMonth(year, month)));
}

/** Day `dayOfMonth` of the given month, clamped to the month's length (31 → 30 in April). */
export function clampedDayOfMonth(year: number, month: number, dayOfMonth: number): DayNumber {
  return dayFromParts(year, month, Math.min(dayOfMonth, daysInMonth(year, month)));
}

export const HOURS_PER_DAY = 24;
