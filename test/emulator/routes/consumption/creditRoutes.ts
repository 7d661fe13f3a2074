// Credits of MCA billing profiles and the commitment (MACC) of MCA accounts: balance summary,
// lots and the events ledger (docs/azure-apis.md#credit-balance, #credit-lots and #credit-events).
import { badRequest, ok, pageOf } from '../../arm';
import type { EmuRequest } from '../../http';
import type { Router } from '../../router';
import { addMonths, isCalendarDate } from '../../world/billing/calendar';
import type { WorldCreditEvent } from '../../world/billing/types';
import { accountOf, profileOf } from '../billing/lookup';
import { accountId, profileId } from '../billing/versions';
import type { RouteContext } from '../context';
import { matches, parseFilter } from './odataFilter';
import { CONSUMPTION_VERSIONS } from './versions';
import { eventJson, lotJson, summaryJson } from './views';

const ACCOUNT = '/providers/Microsoft.Billing/billingAccounts/{billingAccountName}';
const PROFILE = `${ACCOUNT}/billingProfiles/{billingProfileName}`;
const CONSUMPTION = '/providers/Microsoft.Consumption';

/**
 * Longest events window per call. The spec states none; one year is the emulator's guess
 * (docs/azure-apis.md#credit-events).
 */
export const MAX_EVENT_RANGE_MONTHS = 12;

function eventDate(req: EmuRequest, name: string): string {
  const text = req.q(name);
  if (!text) { badRequest(`The query parameter '${name}' is required (YYYY-MM-DD); events need both startDate and endDate.`, 'MissingRequiredParameter'); }
  if (!isCalendarDate(text)) { badRequest(`The value '${text}' of '${name}' is not a valid date; use YYYY-MM-DD.`, 'InvalidDateFormat'); }
  return text;
}

/** The events window [startDate, endDate], both required on profile scope. */
export function eventWindow(req: EmuRequest): { start: string; end: string } {
  const start = eventDate(req, 'startDate');
  const end = eventDate(req, 'endDate');
  if (end < start) { badRequest(`'endDate' (${end}) is earlier than 'startDate' (${start}).`, 'InvalidDateRange'); }
  if (end > addMonths(start, MAX_EVENT_RANGE_MONTHS)) {
    badRequest(`The range from ${start} to ${end} is longer than ${MAX_EVENT_RANGE_MONTHS} months; ask for at most one year per call.`, 'InvalidDateRange');
  }
  return { start, end };
}

const LOT_FIELDS = ['status', 'source', 'startdate', 'expirationdate', 'purchaseddate'];
const EVENT_FIELDS = ['lotid', 'lotsource', 'eventtype', 'transactiondate'];

function eventField(e: WorldCreditEvent, field: string): string {
  return ({ lotid: e.lotId, lotsource: e.lotSource, eventtype: e.eventType, transactiondate: e.transactionDate } as Record<string, string>)[field] ?? '';
}

export function registerCreditRoutes(router: Router, ctx: RouteContext): void {
  const billing = ctx.world.billing;
  const asOf = ctx.world.options.asOf;
  const get = (path: string, handler: (req: EmuRequest) => ReturnType<typeof ok> | { status: number }) =>
    router.add({ method: 'GET', path, apiVersions: CONSUMPTION_VERSIONS, auth: 'arm', handler });
  const page = (req: EmuRequest, items: unknown[]) => ok(pageOf(req, items, { pageSize: ctx.settings.pageSize }));
  const profileScope = (req: EmuRequest) => {
    const account = accountOf(ctx, req);
    const profile = profileOf(ctx, req, account);
    return { account, profile, scope: profileId(account.name, profile.name), credits: billing.credits(profile) };
  };

  // 204 when the profile has no credits at all (docs/azure-apis.md#credit-balance).
  get(`${PROFILE}${CONSUMPTION}/credits/balanceSummary`, (req) => {
    const { scope, credits } = profileScope(req);
    return credits ? ok(summaryJson(scope, credits.summary, req.apiVersion, asOf)) : { status: 204 };
  });

  get(`${PROFILE}${CONSUMPTION}/lots`, (req) => {
    const { scope, credits } = profileScope(req);
    const terms = parseFilter(req.q('$filter'), LOT_FIELDS);
    const lots = (credits?.lots ?? []).filter((l) => matches(terms, (f) => ({ status: l.status, source: l.source, startdate: l.startDate, expirationdate: l.expirationDate, purchaseddate: l.purchasedDate } as Record<string, string>)[f]));
    return page(req, lots.map((l) => lotJson(scope, l, req.apiVersion, asOf)));
  });

  // Account scope: the commitment (MACC) lots; none for EA and pay-as-you-go accounts here.
  get(`${ACCOUNT}${CONSUMPTION}/lots`, (req) => {
    const account = accountOf(ctx, req);
    const terms = parseFilter(req.q('$filter'), LOT_FIELDS);
    const lots = (billing.commitment(account)?.lots ?? []).filter((l) => matches(terms, (f) => ({ status: l.status, source: l.source, startdate: l.startDate, expirationdate: l.expirationDate, purchaseddate: l.purchasedDate } as Record<string, string>)[f]));
    return page(req, lots.map((l) => lotJson(accountId(account.name), l, req.apiVersion, asOf)));
  });

  get(`${PROFILE}${CONSUMPTION}/events`, (req) => {
    const { account, scope, credits } = profileScope(req);
    const { start, end } = eventWindow(req);
    const events = (credits?.events ?? []).filter((e) => e.transactionDate >= start && e.transactionDate <= end);
    const c = { scope, asOf, account: { name: account.name, displayName: account.displayName } };
    return page(req, events.map((e) => eventJson(e, c, req.apiVersion)));
  });

  // Account scope: the commitment ledger, filtered by `$filter` (lotid, lotsource); dates optional.
  get(`${ACCOUNT}${CONSUMPTION}/events`, (req) => {
    const account = accountOf(ctx, req);
    const terms = parseFilter(req.q('$filter'), EVENT_FIELDS);
    const window = req.q('startDate') || req.q('endDate') ? eventWindow(req) : undefined;
    const events = (billing.commitment(account)?.events ?? [])
      .filter((e) => !window || (e.transactionDate >= window.start && e.transactionDate <= window.end))
      .filter((e) => matches(terms, (f) => eventField(e, f)));
    const c = { scope: accountId(account.name), asOf, account: { name: account.name, displayName: account.displayName } };
    return page(req, events.map((e) => eventJson(e, c, req.apiVersion)));
  });
}
