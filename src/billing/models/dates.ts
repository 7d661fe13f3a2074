// Dates from Azure are read here, once, into either a UTC instant (`Date`) or a calendar date
// (`CalendarDate`, 'YYYY-MM-DD'). Billing periods, event dates and usage days are calendar dates;
// token expiries and download-link expiries are instants.
//
// Azure's strings vary: seven fractional digits (`.0000000Z`), `+00:00` offsets, no zone at all
// (Cost Management `BillingMonth`), `MM-DD-YYYY` in some docs, `yyyymmdd` integers in Cost
// Management rows, and spec examples with impossible dates (`2018-02-30`). Nothing here throws on
// bad input: the caller gets `{ ok: false, reason }` and reports it.

/** A calendar date 'YYYY-MM-DD' that has been checked to exist. Compares correctly as a string. */
export type CalendarDate = string & { readonly __calendarDate: true };

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function checkDate(year: number, month: number, day: number, raw: string): Parsed<CalendarDate> {
  if (month < 1 || month > 12) { return bad(`'${raw}' has month ${month}, which does not exist.`); }
  if (day < 1 || day > daysInMonth(year, month)) { return bad(`'${raw}' is not a real date: ${year}-${pad(month)} has no day ${day}.`); }
  return ok(`${pad(year, 4)}-${pad(month)}-${pad(day)}` as CalendarDate);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DATE = /^(\d{2})-(\d{2})-(\d{4})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A calendar date from 'YYYY-MM-DD', 'MM-DD-YYYY', 'yyyymmdd' (number or string) or a date-time
 * string. For a date-time the date is taken as written, not shifted to UTC: Azure writes billing
 * period bounds as `2023-02-01T00:00:00Z` meaning the calendar day 2023-02-01.
 */
export function parseCalendarDate(raw: unknown): Parsed<CalendarDate> {
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) { return bad(`${raw} is not a yyyymmdd date.`); }
    raw = String(raw);
  }
  if (typeof raw !== 'string') { return bad(`Expected a date, got ${raw === null ? 'null' : typeof raw}.`); }
  const text = raw.trim();
  let m = ISO_DATE.exec(text) ?? ISO_DATE_TIME.exec(text);
  if (m) { return checkDate(+m[1], +m[2], +m[3], text); }
  m = US_DATE.exec(text);
  if (m) { return checkDate(+m[3], +m[1], +m[2], text); }
  m = COMPACT_DATE.exec(text);
  if (m) { return checkDate(+m[1], +m[2], +m[3], text); }
  return bad(`'${text}' is not a date Azure uses (YYYY-MM-DD, MM-DD-YYYY, yyyymmdd or an ISO date-time).`);
}

/**
 * A UTC instant from an ISO 8601 date-time with any number of fractional digits (kept to the
 * millisecond), `Z`, an offset, or no zone (read as UTC, which is what Azure means). A bare date is
 * midnight UTC.
 */
export function parseInstant(raw: unknown): Parsed<Date> {
  if (typeof raw !== 'string') { return bad(`Expected a date-time, got ${raw === null ? 'null' : typeof raw}.`); }
  const text = raw.trim();
  const dateOnly = ISO_DATE.exec(text);
  if (dateOnly) {
    const d = checkDate(+dateOnly[1], +dateOnly[2], +dateOnly[3], text);
    return d.ok ? ok(new Date(`${d.value}T00:00:00Z`)) : d;
  }
  const m = ISO_DATE_TIME.exec(text);
  if (!m) { return bad(`'${text}' is not an ISO 8601 date-time.`); }
  const date = checkDate(+m[1], +m[2], +m[3], text);
  if (!date.ok) { return date; }
  const hour = +m[4];
  const minute = +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  // 24:00:00 is legal ISO for "end of day"; anything else past 23:59:59 is not a time.
  if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && (minute > 0 || second > 0))) {
    return bad(`'${text}' has an impossible time of day.`);
  }
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    offsetMinutes = (zm[1] === '-' ? -1 : 1) * (+zm[2] * 60 + +zm[3]);
  }
  const utc = Date.UTC(+m[1], +m[2] - 1, +m[3], hour, minute, second, millis) - offsetMinutes * 60_000;
  return ok(new Date(utc));
}

/** The calendar date of an instant, in UTC. */
export function utcDateOf(instant: Date): CalendarDate {
  return instant.toISOString().slice(0, 10) as CalendarDate;
}

/** `date` plus `days` (may be negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10) as CalendarDate;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A checked calendar date from trusted code (tests, option defaults); throws on a bad one. */
export function calendarDate(text: string): CalendarDate {
  const parsed = parseCalendarDate(text);
  if (!parsed.ok) { throw new RangeError(parsed.reason); }
  return parsed.value;
}

/** `date` plus whole months; the day is clamped to the target month's length (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}` as CalendarDate;
}
