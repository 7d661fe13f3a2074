// The date ranges the panel offers, as inclusive calendar days in UTC, and the checks on a
// custom range. Errors come with a code and its parameters so the view can show them in the
// editor's language; `message` is the English text of the same.

import {
  DayNumber,
  addMonthsClamped,
  clampedDayOfMonth,
  dateParts,
  dayFromParts,
  formatIsoDate,
  parseIsoDate,
} from './calendar';
import { DayRange } from './costCube';

export type PeriodPreset = 'billingPeriod' | 'lastMonth' | 'last30Days' | 'last90Days' | 'custom';

export interface PeriodRequest {
  preset: PeriodPreset;
  /** Custom range, "YYYY-MM-DD", both ends included. */
  from?: string;
  to?: string;
}

export interface ResolvedPeriod extends DayRange {
  preset: PeriodPreset;
  /** The last day of the whole period when it runs past today (the billing period's end). */
  periodEnd: DayNumber;
}

export type PeriodErrorCode = 'missingDate' | 'unparsableDate' | 'endBeforeStart' | 'inFuture' | 'tooOld';

export interface PeriodError {
  code: PeriodErrorCode;
  /** Which field the person should change. */
  field: 'from' | 'to';
  /** Values for the message placeholders {0}, {1}. */
  params: string[];
  message: string;
}

export type PeriodResult = { ok: true; period: ResolvedPeriod } | { ok: false; error: PeriodError };

/** Usage and cost data go back 13 months. */
export const MAX_MONTHS_BACK = 13;

export const PERIOD_ERROR_TEMPLATES: Record<PeriodErrorCode, string> = {
  missingDate: 'Enter both a start and an end date, as YYYY-MM-DD.',
  unparsableDate: '"{0}" is not a date. Enter it as YYYY-MM-DD, for example {1}.',
  endBeforeStart: 'The end date {0} is before the start date {1}. Pick an end date on or after the start date.',
  inFuture: 'The end date {0} is in the future. Pick today ({1}) or an earlier day.',
  tooOld: 'Usage is kept for 13 months. Pick a start date on or after {0}.',
};

export interface PeriodContext {
  /** Today as a UTC calendar day. */
  today: DayNumber;
  /** Day of the month the billing period starts on (1–31; past the month's end means its last day). */
  billingPeriodStartDay?: number;
}

/** The billing period that contains `today`, e.g. the 15th to the 14th. */
export function billingPeriodContaining(today: DayNumber, startDay: number): DayRange {
  const t = dateParts(today);
  let first = clampedDayOfMonth(t.year, t.month, startDay);
  if (first > today) {
    const previous = t.month === 1 ? { year: t.year - 1, month: 12 } : { year: t.year, month: t.month - 1 };
    first = clampedDayOfMonth(previous.year, previous.month, startDay);
  }
  const f = dateParts(first);
  const nextMonth = f.month === 12 ? { year: f.year + 1, month: 1 } : { year: f.year, month: f.month + 1 };
  const next = clampedDayOfMonth(nextMonth.year, nextMonth.month, startDay);
  return { first, last: next - 1 };
}

export function resolvePeriod(request: PeriodRequest, context: PeriodContext): PeriodResult {
  const today = context.today;
  const ok = (first: DayNumber, last: DayNumber, periodEnd = last): PeriodResult => ({
    ok: true,
    period: { preset: request.preset, first, last, periodEnd },
  });
  switch (request.preset) {
    case 'billingPeriod': {
      const period = billingPeriodContaining(today, context.billingPeriodStartDay ?? 1);
      return ok(period.first, today, period.last);
    }
    case 'lastMonth': {
      const t = dateParts(today);
      const first = t.month === 1 ? dayFromParts(t.year - 1, 12, 1) : dayFromParts(t.year, t.month - 1, 1);
      return ok(first, dayFromParts(t.year, t.month, 1) - 1);
    }
    case 'last30Days':
      return ok(today - 29, today);
    case 'last90Days':
      return ok(today - 89, today);
    case 'custom':
      return customPeriod(request, today);
  }
}

/** The earliest start date a custom range may have. */
export function earliestStart(today: DayNumber): DayNumber {
  return addMonthsClamped(today, -MAX_MONTHS_BACK);
}

function customPeriod(request: PeriodRequest, today: DayNumber): PeriodResult {
  const fail = (code: PeriodErrorCode, field: 'from' | 'to', params: string[]): PeriodResult => ({
    ok: false,
    error: { code, field, params, message: fillTemplate(PERIOD_ERROR_TEMPLATES[code], params) },
  });
  const example = formatIsoDate(today);
  if (!request.from?.trim()) { return fail('missingDate', 'from', []); }
  if (!request.to?.trim()) { return fail('missingDate', 'to', []); }
  const first = parseIsoDate(request.from);
  if (first === undefined) { return fail('unparsableDate', 'from', [request.from.trim(), example]); }
  const last = parseIsoDate(request.to);
  if (last === undefined) { return fail('unparsableDate', 'to', [request.to.trim(), example]); }
  if (last < first) { return fail('endBeforeStart', 'to', [formatIsoDate(last), formatIsoDate(first)]); }
  if (last > today) { return fail('inFuture', 'to', [formatIsoDate(last), example]); }
  const earliest = earliestStart(today);
  if (first < earliest) { return fail('tooOld', 'from', [formatIsoDate(earliest)]); }
  return { ok: true, period: { preset: 'custom', first, last, periodEnd: last } };
}

export function fillTemplate(template: string, params: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => params[Number(i)] ?? whole);
}
