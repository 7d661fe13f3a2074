// Calendar dates of the billing world, kept as 'YYYY-MM-DD' strings: billing periods are calendar
// dates, not instants, and strings keep the world's JSON byte-stable.

const MS_PER_DAY = 86_400_000;

function toMs(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) { throw new Error(`Not a calendar date: ${day}`); }
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return fromMs(toMs(day) + days * MS_PER_DAY);
}

/** Same day of the month `months` later, clamped to the month's last day (Jan 31 + 1 → Feb 28). */
export function addMonths(day: string, months: number): string {
  const d = new Date(toMs(day));
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = daysInMonth(fromMs(target.getTime()));
  return fromMs(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last)));
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function monthEnd(day: string): string {
  return addDays(addMonths(monthStart(day), 1), -1);
}

export function daysInMonth(day: string): number {
  const d = new Date(toMs(day));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / MS_PER_DAY);
}

/** Day of the month, 1–31. */
export function dayOfMonth(day: string): number {
  return Number(day.slice(8, 10));
}

/** The day with its month's day-of-month set to `dom` (clamped to the month's length). */
export function withDayOfMonth(day: string, dom: number): string {
  return `${day.slice(0, 8)}${String(Math.min(dom, daysInMonth(day))).padStart(2, '0')}`;
}

/** The ISO date-time ARM writes for a calendar date: midnight UTC. */
export function isoMidnight(day: string): string {
  return `${day}T00:00:00Z`;
}

/** True when the text is a real calendar date in YYYY-MM-DD form (no 2018-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) { return false; }
  return fromMs(toMs(text)) === text;
}

export function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}
