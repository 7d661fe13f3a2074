// "The last 12 months" as the APIs want it: plain UTC dates, inclusive, and no longer than the
// credit events API accepts in one call (366 days).
import { addDays, CalendarDate, utcDateOf } from '../../billing/models/dates';

export interface DateWindow {
  from: CalendarDate;
  to: CalendarDate;
}

/** The 365 days ending today (UTC), inclusive. */
export function lastTwelveMonths(now: Date): DateWindow {
  const to = utcDateOf(now);
  return { from: addDays(to, -364), to };
}

/** Newest first by a date, then by a name so the order is stable. */
export function newestFirst<T>(dateOf: (item: T) => string | Date | undefined, nameOf: (item: T) => string): (a: T, b: T) => number {
  const key = (item: T) => {
    const d = dateOf(item);
    return d instanceof Date ? d.toISOString() : d ?? '';
  };
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    if (x !== y) { return x < y ? 1 : -1; }
    return nameOf(a) < nameOf(b) ? 1 : nameOf(a) > nameOf(b) ? -1 : 0;
  };
}
