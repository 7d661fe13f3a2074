// Dates below a billing account, as the person's language writes them. Lots carry instants that
// stand for calendar days (midnight UTC), so they are shown by their UTC date, never shifted.
import type { CalendarDate } from '../../billing/models/dates';
import { utcDateOf } from '../../billing/models/dates';
import { formatCalendarDate } from '../format/displayFormat';

export function dayText(value: Date | CalendarDate | undefined, language: string): string | undefined {
  if (value === undefined) { return undefined; }
  const date = value instanceof Date ? utcDateOf(value) : value;
  return formatCalendarDate(date, language);
}
