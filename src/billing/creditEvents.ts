// The credit ledger of an MCA billing profile (Consumption `events`,
// docs/azure-apis.md#credit-events). Azure requires both `startDate` and `endDate` as plain dates;
// a bad range is refused here, before calling, with a message a person can act on. The spec states
// no maximum range; we keep to at most 12 months per call as a precaution [inf], so longer ranges
// are refused by `listCreditEvents` and split into windows by `listCreditEventsInWindows`.
import type { ArmTransport } from '../azure/transport';
import { API } from './apiVersions';
import { requireMcaCredits, CreditScope, odataString } from './credits';
import { Listing, listing, ListingOptions } from '../azure/listing';
import { CreditEvent, parseCreditEvent } from './models/credit';
import { addDays, addMonths, CalendarDate } from './models/dates';
import { accountPath, profilePath } from './models/ids';
import { AccountRef } from './refs';
import { checkDateRange } from './dateRange';

export { DateRangeError } from './dateRange';
export type { DateRangeProblem } from './dateRange';

/** At most a year per request: the end may be the same calendar day a year after the start. */
export const MAX_EVENT_RANGE_MONTHS = 12;

export interface DateRangeInput {
  /** 'YYYY-MM-DD' (or a CalendarDate). */
  startDate?: string;
  endDate?: string;
}

export interface CheckedRange {
  startDate: CalendarDate;
  endDate: CalendarDate;
}

/** Checks both dates, their order and the length limit; throws `DateRangeError` otherwise. */
export function validateEventRange(range: DateRangeInput, maxMonths = MAX_EVENT_RANGE_MONTHS): CheckedRange {
  const { from, to } = checkDateRange({ from: range.startDate, to: range.endDate }, { subject: 'credit history', maxMonths });
  return { startDate: from, endDate: to };
}

/** Splits a checked range into consecutive windows of at most `maxMonths` months (no gap, no overlap). */
export function splitRange(range: CheckedRange, maxMonths = MAX_EVENT_RANGE_MONTHS): CheckedRange[] {
  const out: CheckedRange[] = [];
  let from = range.startDate;
  while (from <= range.endDate) {
    const last = addDays(addMonths(from, maxMonths), -1);
    const to = last < range.endDate ? last : range.endDate;
    out.push({ startDate: from, endDate: to });
    from = addDays(to, 1);
  }
  return out;
}

function eventsPath(scope: CreditScope): string {
  return `${profilePath(scope.accountName, scope.profileName)}/providers/Microsoft.Consumption/events`;
}

/**
 * Credit events of a billing profile between two dates (inclusive). The range is validated when
 * iteration starts, before any request: iterate inside a try to show `DateRangeError.message`.
 */
export function listCreditEvents(transport: ArmTransport, scope: CreditScope, range: DateRangeInput, options: ListingOptions = {}): Listing<CreditEvent> {
  return listing(async function* () {
    requireMcaCredits(scope.agreementType, `billing account '${scope.accountName}'`);
    const checked = validateEventRange(range);
    yield* eventsIn(transport, scope, checked, options.signal);
  }, options);
}

/** Credit events over any range: checks it (order, real dates) and reads it in ≤ 1-year windows. */
export function listCreditEventsInWindows(transport: ArmTransport, scope: CreditScope, range: DateRangeInput, options: ListingOptions = {}): Listing<CreditEvent> {
  return listing(async function* () {
    requireMcaCredits(scope.agreementType, `billing account '${scope.accountName}'`);
    // No length limit here: a long range is read in windows that each keep to it.
    const { from, to } = checkDateRange({ from: range.startDate, to: range.endDate }, { subject: 'credit history' });
    for (const window of splitRange({ startDate: from, endDate: to })) yield* eventsIn(transport, scope, window, options.signal);
  }, options);
}

async function* eventsIn(transport: ArmTransport, scope: CreditScope, range: CheckedRange, signal?: AbortSignal): AsyncIterable<CreditEvent> {
  for await (const raw of transport.list<unknown>(eventsPath(scope), {
    query: { 'api-version': API.consumption, startDate: range.startDate, endDate: range.endDate },
    signal,
  })) {
    yield parseCreditEvent(raw);
  }
}

/** Commitment (MACC) events at billing-account scope, optionally for one lot. */
export function listAccountCreditEvents(
  transport: ArmTransport,
  account: AccountRef,
  options: ListingOptions & { lotId?: string; lotSource?: string } = {},
): Listing<CreditEvent> {
  return listing(async function* () {
    const terms: string[] = [];
    if (options.lotId) terms.push(`lotid eq ${odataString(options.lotId)}`);
    if (options.lotSource) terms.push(`lotsource eq ${odataString(options.lotSource)}`);
    for await (const raw of transport.list<unknown>(`${accountPath(account.name)}/providers/Microsoft.Consumption/events`, {
      query: { 'api-version': API.consumption, $filter: terms.length ? terms.join(' AND ') : undefined },
      signal: options.signal,
    })) {
      yield parseCreditEvent(raw);
    }
  }, options);
}
