// Commerce UsageAggregates (docs/azure-apis.md#usageaggregates): every page of a subscription's
// usage, as records.
//
// The query window is *reported* time; a row's own times are *usage* time, and late rows for
// earlier days arrive in later windows. `listUsageForDays` asks for a few days more than the usage
// days wanted and keeps only rows whose usage day is inside them.
// Not applicable to Enterprise Agreement and CSP offers: with a known offer id those throw
// `NotApplicableError('usageAggregatesNotForOffer')` before any request.
import type { ArmTransport } from '../azure/transport';
import { API } from './apiVersions';
import { checkDateRange, DateRangeError } from './dateRange';
import { Listing, listing, ListingOptions } from '../azure/listing';
import { addDays } from './models/dates';
import { seg } from './models/ids';
import { isSkippedRow, parseUsageAggregate, SkippedUsageRow, UsageAggregate, UsageParseCache } from './models/usage';
import { codeOf, NotApplicableError, statusOf } from './notApplicable';

export type Granularity = 'Daily' | 'Hourly';

/** Offers Commerce does not serve (docs/azure-apis.md#commerce-offers): EA, EA Dev/Test, CSP. */
const OFFERS_WITHOUT_COMMERCE = new Set(['MS-AZR-0017P', 'MS-AZR-0148P', 'MS-AZR-0145P']);

export function commerceNotApplicable(offerId: string | undefined, what: 'UsageAggregates' | 'RateCard'): NotApplicableError | undefined {
  if (!offerId || !OFFERS_WITHOUT_COMMERCE.has(offerId.toUpperCase())) return undefined;
  const kind = offerId.toUpperCase() === 'MS-AZR-0145P' ? 'Cloud Solution Provider' : 'Enterprise Agreement';
  return new NotApplicableError(
    what === 'RateCard' ? 'rateCardNotForOffer' : 'usageAggregatesNotForOffer',
    `${what} does not serve ${kind} offers (${offerId}); use Cost Management${kind === 'Enterprise Agreement' ? ' or the EA price sheet' : ' or Partner Center'} instead.`,
  );
}

/**
 * The service's own refusal of an offer it does not serve (400 `DisallowedProvider`, as for CSP),
 * turned into the same "does not apply" answer as a refusal before calling.
 */
export function commerceRefusal(error: unknown, what: 'UsageAggregates' | 'RateCard'): NotApplicableError | undefined {
  if (statusOf(error) !== 400 || codeOf(error) !== 'DisallowedProvider') return undefined;
  return new NotApplicableError(
    what === 'RateCard' ? 'rateCardNotForOffer' : 'usageAggregatesNotForOffer',
    `${what} is not offered for this subscription's offer (Azure answered DisallowedProvider); Cost Management or Partner Center has its costs.`,
    undefined,
    error,
  );
}

export interface UsageAggregatesOptions extends ListingOptions {
  granularity?: Granularity;
  /** One row per resource instance (default true); false rolls up per meter. */
  showDetails?: boolean;
  /** The subscription's offer, when known, to refuse EA/CSP before calling. */
  offerId?: string;
}

export interface UsageReport {
  /** Rows that could not be read, with why (filled during iteration). */
  skipped: SkippedUsageRow[];
}

export type UsageListing = Listing<UsageAggregate, UsageReport>;

/** Whole UTC hours or days, as the service wants them; `Z` so no `+` needs escaping. */
function alignedTime(instant: Date, granularity: Granularity, roundUp: boolean): string {
  const step = granularity === 'Hourly' ? 3_600_000 : 86_400_000;
  const t = instant.getTime();
  const aligned = roundUp ? Math.ceil(t / step) * step : Math.floor(t / step) * step;
  return new Date(aligned).toISOString().replace('.000Z', 'Z');
}

/** The raw rows of the reported window, after the checks every caller makes before asking. */
function rawUsageRows(
  transport: ArmTransport,
  subscriptionId: string,
  reportedStart: Date,
  reportedEnd: Date,
  options: UsageAggregatesOptions,
): AsyncIterable<unknown> {
  const refused = commerceNotApplicable(options.offerId, 'UsageAggregates');
  if (refused) throw refused;
  if (!(reportedStart < reportedEnd)) {
    throw new DateRangeError('startAfterEnd', `The reported window must end after it starts (${reportedStart.toISOString()} … ${reportedEnd.toISOString()}).`);
  }
  const granularity = options.granularity ?? 'Daily';
  return transport.list<unknown>(`/subscriptions/${seg(subscriptionId)}/providers/Microsoft.Commerce/UsageAggregates`, {
    query: {
      'api-version': API.commerce,
      reportedStartTime: alignedTime(reportedStart, granularity, false),
      reportedEndTime: alignedTime(reportedEnd, granularity, true),
      aggregationGranularity: granularity,
      showDetails: options.showDetails ?? true,
    },
    signal: options.signal,
  });
}

/** The parsed rows of the reported window; rows that cannot be read go to `skipped`, a refusal of the offer becomes "does not apply". */
async function* usageRows(
  transport: ArmTransport,
  subscriptionId: string,
  window: { reportedStart: Date; reportedEnd: Date },
  options: UsageAggregatesOptions,
  skipped: SkippedUsageRow[],
): AsyncGenerator<UsageAggregate> {
  const rows = rawUsageRows(transport, subscriptionId, window.reportedStart, window.reportedEnd, options);
  const cache = new UsageParseCache();
  try {
    for await (const raw of rows) {
      const row = parseUsageAggregate(raw, cache);
      if (isSkippedRow(row)) skipped.push(row);
      else yield row;
    }
  } catch (error) {
    throw commerceRefusal(error, 'UsageAggregates') ?? error;
  }
}

const newUsageReport = (): UsageReport => ({ skipped: [] });

/** Usage rows reported in [reportedStart, reportedEnd) — every page. */
export function listUsageAggregates(
  transport: ArmTransport,
  subscriptionId: string,
  reportedStart: Date,
  reportedEnd: Date,
  options: UsageAggregatesOptions = {},
): UsageListing {
  return listing(({ report }) => usageRows(transport, subscriptionId, { reportedStart, reportedEnd }, options, report.skipped), options, newUsageReport);
}

export interface UsageDaysOptions extends UsageAggregatesOptions {
  /** Extra days of reported time to catch late rows (default 3). */
  lateArrivalDays?: number;
}

/** The checked usage days and the reported window that holds them and their late rows. */
function usageWindow(days: { from: string; to: string }, options: UsageDaysOptions) {
  // Checked when iteration starts, like every other range here: no request for a bad range.
  const { from, to } = checkDateRange(days, { subject: 'usage days' });
  const late = options.lateArrivalDays ?? 3;
  return { from, to, reportedStart: new Date(`${from}T00:00:00Z`), reportedEnd: new Date(`${addDays(to, 1 + late)}T00:00:00Z`) };
}

/**
 * Usage that *happened* on the days from `from` to `to` (inclusive, UTC), as far as it has been
 * reported: asks for reported time up to `lateArrivalDays` after `to` and drops rows of other days.
 */
export function listUsageForDays(
  transport: ArmTransport,
  subscriptionId: string,
  days: { from: string; to: string },
  options: UsageDaysOptions = {},
): UsageListing {
  return listing(async function* ({ report }) {
    const window = usageWindow(days, options);
    for await (const row of usageRows(transport, subscriptionId, window, options, report.skipped)) {
      if (row.usageDay >= window.from && row.usageDay <= window.to) yield row;
    }
  }, options, newUsageReport);
}

/**
 * The rows of `listUsageForDays` handed to `onRow` as each page arrives, without an async step per
 * row: for consumers that fold a year of rows into a summary (the usage cube). Resolves when the
 * last page is read, with the rows that could not be read.
 */
export async function readUsageForDays(
  transport: ArmTransport,
  subscriptionId: string,
  days: { from: string; to: string },
  onRow: (row: UsageAggregate) => void,
  options: UsageDaysOptions = {},
): Promise<{ skipped: SkippedUsageRow[] }> {
  const { from, to, reportedStart, reportedEnd } = usageWindow(days, options);
  const rows = rawUsageRows(transport, subscriptionId, reportedStart, reportedEnd, options);
  const skipped: SkippedUsageRow[] = [];
  const cache = new UsageParseCache();
  try {
    for await (const raw of rows) {
      const row = parseUsageAggregate(raw, cache);
      if (isSkippedRow(row)) skipped.push(row);
      else if (row.usageDay >= from && row.usageDay <= to) onRow(row);
    }
  } catch (error) {
    throw commerceRefusal(error, 'UsageAggregates') ?? error;
  }
  return { skipped };
}
