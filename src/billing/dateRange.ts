// The one check of a range of calendar days, before any call: real dates, in order, and not longer
// than the API allows. A range Azure would refuse throws `DateRangeError`, whose `problem` a view
// turns into words and whose message says what to change.
import { addMonths, CalendarDate, daysBetween, parseCalendarDate } from './models/dates';

export type DateRangeProblem = 'missingStart' | 'missingEnd' | 'invalidStart' | 'invalidEnd' | 'startAfterEnd' | 'rangeTooLong';

export class DateRangeError extends Error {
  override readonly name = 'DateRangeError';
  constructor(readonly problem: DateRangeProblem, message: string) {
    super(message);
  }
}

/** First and last day, inclusive, as the person or the caller wrote them ('YYYY-MM-DD'). */
export interface DateRangeText {
  from?: string;
  to?: string;
}

export interface CheckedDateRange {
  from: CalendarDate;
  to: CalendarDate;
}

export interface DateRangeRules {
  /** What the range is, for the messages: "cost period", "invoice period", "credit history". */
  subject: string;
  /** The end when none is given; without it a missing end is refused. */
  defaultTo?: CalendarDate;
  /** The start when none is given, from the end; without it a missing start is refused. */
  defaultFrom?: (to: CalendarDate) => CalendarDate;
  /** The end may be at most this many months after the start (the same day of the month). */
  maxMonths?: number;
}

/** Checks a range of days; throws `DateRangeError` with what to change. */
export function checkDateRange(range: DateRangeText, rules: DateRangeRules): CheckedDateRange {
  const { subject } = rules;
  const day = (raw: string | undefined, which: 'start' | 'end'): CalendarDate | undefined => {
    if (!raw) return undefined;
    const p = parseCalendarDate(raw);
    if (!p.ok) throw new DateRangeError(which === 'start' ? 'invalidStart' : 'invalidEnd', `The ${which} of the ${subject} is not a valid date (${p.reason}) Use the form YYYY-MM-DD, e.g. 2024-01-31.`);
    return p.value;
  };
  const missing = (which: 'start' | 'end') =>
    new DateRangeError(which === 'start' ? 'missingStart' : 'missingEnd', `Choose ${which === 'start' ? 'a start' : 'an end'} date: Azure needs both a start and an end date for the ${subject}.`);
  if (!range.from && !rules.defaultFrom) throw missing('start');
  if (!range.to && !rules.defaultTo) throw missing('end');
  const givenFrom = day(range.from, 'start');
  const to = day(range.to, 'end') ?? rules.defaultTo!;
  const from = givenFrom ?? rules.defaultFrom!(to);
  if (from > to) throw new DateRangeError('startAfterEnd', `In the ${subject}, the start date ${from} is after the end date ${to}. Swap the dates.`);
  if (rules.maxMonths !== undefined) {
    const latestEnd = addMonths(from, rules.maxMonths);
    if (to > latestEnd) {
      throw new DateRangeError(
        'rangeTooLong',
        `${from} to ${to} is ${daysBetween(from, to) + 1} days; the ${subject} can be read for at most ${rules.maxMonths} months at a time. ` +
          `Choose a shorter range (for example ${from} to ${latestEnd}), or read it in parts.`,
      );
    }
  }
  return { from, to };
}
