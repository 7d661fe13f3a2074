// Query timeframes resolved against the world's today (asOf). Billing months are taken to be
// calendar months [inf]; weeks start on Sunday [inf].
import { armError } from '../../arm';
import { EmuHttpError } from '../../http';
import { addMonths, dayOfMs, monthStart, weekday } from '../../world/usage/calendar';

export const TIMEFRAMES = ['MonthToDate', 'BillingMonthToDate', 'TheLastMonth', 'TheLastBillingMonth', 'WeekToDate', 'Custom'] as const;
export type Timeframe = (typeof TIMEFRAMES)[number];

export interface DayRange {
  /** Day numbers, inclusive. */
  from: number;
  to: number;
}

function bad(message: string): never {
  throw new EmuHttpError(armError(400, 'BadRequest', `Invalid query definition: ${message}`));
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function dayOf(value: unknown, name: string): number {
  if (typeof value !== 'string' || !ISO.test(value)) { bad(`timePeriod.${name} must be an ISO 8601 date-time.`); }
  const ms = Date.parse(/T/.test(value) && !/(Z|[+-]\d{2}:\d{2})$/.test(value) ? `${value}Z` : value);
  if (Number.isNaN(ms)) { bad(`timePeriod.${name} is not a valid date-time.`); }
  return dayOfMs(ms);
}

export function resolveTimeframe(timeframe: Timeframe, timePeriod: unknown, asOfDay: number): DayRange {
  if (timeframe === 'Custom') {
    if (!timePeriod || typeof timePeriod !== 'object') { bad("timePeriod is required when timeframe is 'Custom'."); }
    const tp = timePeriod as { from?: unknown; to?: unknown };
    const range = { from: dayOf(tp.from, 'from'), to: dayOf(tp.to, 'to') };
    if (range.to < range.from) { bad('timePeriod.to must not be earlier than timePeriod.from.'); }
    if (range.to - range.from > 366) { bad('The time period for pulling the data cannot exceed 1 year.'); } // [inf]
    return range;
  }
  if (timePeriod !== undefined && timePeriod !== null) { bad("timePeriod is allowed only when timeframe is 'Custom'."); }
  switch (timeframe) {
    case 'MonthToDate':
    case 'BillingMonthToDate':
      return { from: monthStart(asOfDay), to: asOfDay };
    case 'TheLastMonth':
    case 'TheLastBillingMonth':
      return { from: addMonths(asOfDay, -1), to: monthStart(asOfDay) - 1 };
    case 'WeekToDate':
      return { from: asOfDay - weekday(asOfDay), to: asOfDay };
  }
}
