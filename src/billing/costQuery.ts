// Cost Management query and forecast (docs/azure-apis.md#cost-management): bodies built from typed
// options and checked before sending (≤ 2 groupings, ≤ 2 aggregations, a period exactly when
// `Custom`), every page read via the re-POST paging of `queryPages`, rows mapped by column name,
// money kept per row currency. 204 ("no data for this scope or period") is an empty result.
import type { ArmTransport } from '../azure/transport';
import { API } from './apiVersions';
import { checkDateRange } from './dateRange';
import { Listing, listing, ListingOptions } from '../azure/listing';
import { CostRow, DailyCostRow, rowReaderFor } from './models/cost';
import { ParseIssue } from './models/wire';
import { scopePath, seg } from './models/ids';

export type CostType = 'ActualCost' | 'AmortizedCost' | 'Usage';
export type Timeframe = 'MonthToDate' | 'BillingMonthToDate' | 'TheLastMonth' | 'TheLastBillingMonth' | 'WeekToDate' | 'Custom';
export type CostMetric = 'Cost' | 'PreTaxCost' | 'CostUSD' | 'PreTaxCostUSD';
export type Grouping = { type: 'Dimension' | 'TagKey'; name: string };
export type CostFilter = { and: CostFilter[] } | { or: CostFilter[] } | { dimension: string; values: string[] } | { tag: string; values: string[] };

export interface CostQueryOptions extends ListingOptions {
  type?: CostType;
  /** Default `MonthToDate`; `Custom` is implied by `period`. */
  timeframe?: Timeframe;
  /** Inclusive calendar days (UTC). */
  period?: { from: string; to: string };
  /** Default `Daily`; `None` gives one total per group. */
  granularity?: 'Daily' | 'Monthly' | 'None';
  metric?: CostMetric;
  /** Also sum `UsageQuantity` (the second of the two aggregations allowed). */
  includeQuantity?: boolean;
  groupBy?: Grouping[];
  filter?: CostFilter;
  /** Rows per page (`$top`); the service pages beyond it. */
  pageSize?: number;
}

export interface CostReport {
  /** Rows that could not be read (a bad date, a non-numeric cost), with why. */
  skippedRows: ParseIssue[][];
}

export type CostListing<T> = Listing<T, CostReport>;

export class CostQueryError extends Error {
  override readonly name = 'CostQueryError';
}

/** Scope path fragments (docs/azure-apis.md#cost-management-scopes). */
export const costScopes = {
  subscription: (id: string) => `subscriptions/${seg(id)}`,
  resourceGroup: (id: string, rg: string) => `subscriptions/${seg(id)}/resourceGroups/${seg(rg)}`,
  billingAccount: (a: string) => `providers/Microsoft.Billing/billingAccounts/${seg(a)}`,
  billingProfile: (a: string, p: string) => `providers/Microsoft.Billing/billingAccounts/${seg(a)}/billingProfiles/${seg(p)}`,
  invoiceSection: (a: string, p: string, s: string) => `providers/Microsoft.Billing/billingAccounts/${seg(a)}/billingProfiles/${seg(p)}/invoiceSections/${seg(s)}`,
  department: (a: string, d: string) => `providers/Microsoft.Billing/billingAccounts/${seg(a)}/departments/${seg(d)}`,
  enrollmentAccount: (a: string, e: string) => `providers/Microsoft.Billing/billingAccounts/${seg(a)}/enrollmentAccounts/${seg(e)}`,
  managementGroup: (mg: string) => `providers/Microsoft.Management/managementGroups/${seg(mg)}`,
};

/** Exactly one slash between host and scope, whichever way the scope was written. */
export function costPath(scope: string, operation: 'query' | 'forecast'): string {
  return `${scopePath(scope)}/providers/Microsoft.CostManagement/${operation}`;
}

function filterBody(f: CostFilter): unknown {
  if ('and' in f || 'or' in f) {
    const list = 'and' in f ? f.and : f.or;
    if (list.length === 0) {throw new CostQueryError('An and/or filter needs at least one condition.');}
    // The service wants two or more items in and/or; a single one stands alone.
    if (list.length === 1) {return filterBody(list[0]);}
    return { ['and' in f ? 'and' : 'or']: list.map(filterBody) };
  }
  if (f.values.length === 0) {throw new CostQueryError(`The filter on ${'dimension' in f ? f.dimension : f.tag} has no values.`);}
  return 'dimension' in f
    ? { dimensions: { name: f.dimension, operator: 'In', values: f.values } }
    : { tags: { name: f.tag, operator: 'In', values: f.values } };
}

function timeBody(options: { timeframe?: Timeframe; period?: { from: string; to: string } }, defaultTimeframe: Timeframe): Record<string, unknown> {
  const timeframe = options.timeframe ?? (options.period ? 'Custom' : defaultTimeframe);
  if (timeframe === 'Custom' && !options.period) {throw new CostQueryError('A Custom timeframe needs a period (from and to).');}
  if (timeframe !== 'Custom' && options.period) {throw new CostQueryError(`A period is only sent with the Custom timeframe, not with ${timeframe}.`);}
  if (!options.period) {return { timeframe };}
  const p = checkDateRange(options.period, { subject: 'cost period' });
  return { timeframe, timePeriod: { from: `${p.from}T00:00:00Z`, to: `${p.to}T23:59:59Z` } };
}

const COST_ALIAS = 'totalCost';

/** The query body (docs/azure-apis.md#cost-management-query), checked. */
export function queryBody(options: CostQueryOptions): Record<string, unknown> {
  const groupBy = options.groupBy ?? [];
  if (groupBy.length > 2) {throw new CostQueryError(`Cost Management groups by at most 2 columns; ${groupBy.length} were asked for.`);}
  const aggregation: Record<string, unknown> = { [COST_ALIAS]: { name: options.metric ?? 'Cost', function: 'Sum' } };
  if (options.includeQuantity) {aggregation.totalQuantity = { name: 'UsageQuantity', function: 'Sum' };}
  const dataset: Record<string, unknown> = { aggregation };
  const granularity = options.granularity ?? 'Daily';
  // `None` is what the examples send for "no date column"; omitting it means the same and is valid.
  if (granularity !== 'None') {dataset.granularity = granularity;}
  if (groupBy.length) {dataset.grouping = groupBy.map((g) => ({ type: g.type, name: g.name }));}
  if (options.filter) {dataset.filter = filterBody(options.filter);}
  return { type: options.type ?? 'ActualCost', ...timeBody(options, 'MonthToDate'), dataset };
}

function rowsOf<T extends CostRow>(
  transport: ArmTransport,
  path: string,
  body: Record<string, unknown>,
  metric: string,
  options: ListingOptions & { pageSize?: number },
  keep: (row: CostRow) => row is T,
): CostListing<T> {
  return listing<T, CostReport>(async function* ({ report }) {
    for await (const page of transport.queryPages(path, body, {
      query: { 'api-version': API.costManagement, $top: options.pageSize },
      signal: options.signal,
    })) {
      const reader = rowReaderFor(page.columns, metric, COST_ALIAS);
      for (const raw of page.rows) {
        const read = reader.read(raw);
        if ('issues' in read) {report.skippedRows.push(read.issues);}
        else if (keep(read.row)) {yield read.row;}
      }
    }
  }, options, () => ({ skippedRows: [] }));
}

/** Every row of a cost query at `scope` (e.g. `costScopes.subscription(id)`). */
export function queryCost(transport: ArmTransport, scope: string, options: CostQueryOptions = {}): CostListing<CostRow> {
  const body = queryBody(options);
  return rowsOf(transport, costPath(scope, 'query'), body, options.metric ?? 'Cost', options, (_r): _r is CostRow => true);
}

/** Daily rows only (each with its `date`), the shape charts and estimates use. */
export function queryDailyCost(transport: ArmTransport, scope: string, options: Omit<CostQueryOptions, 'granularity'> = {}): CostListing<DailyCostRow> {
  const body = queryBody({ ...options, granularity: 'Daily' });
  return rowsOf(transport, costPath(scope, 'query'), body, options.metric ?? 'Cost', options, (r): r is DailyCostRow => r.date !== undefined);
}

export interface ForecastOptions extends ListingOptions {
  type?: CostType;
  /** Required: the days to forecast (and, with `includeActualCost`, to report actuals for). */
  period: { from: string; to: string };
  metric?: CostMetric;
  filter?: CostFilter;
  includeActualCost?: boolean;
  /** Only meaningful with `includeActualCost`. */
  includeFreshPartialCost?: boolean;
}

/**
 * The forecast body (docs/azure-apis.md#cost-management-forecast): Custom timeframe, Daily, no
 * grouping.
 */
export function forecastBody(options: ForecastOptions): Record<string, unknown> {
  if (options.includeFreshPartialCost && !options.includeActualCost) {
    throw new CostQueryError('includeFreshPartialCost only has a meaning together with includeActualCost.');
  }
  const dataset: Record<string, unknown> = { granularity: 'Daily', aggregation: { [COST_ALIAS]: { name: options.metric ?? 'Cost', function: 'Sum' } } };
  if (options.filter) {dataset.filter = filterBody(options.filter);}
  return {
    type: options.type ?? 'ActualCost',
    ...timeBody({ timeframe: 'Custom', period: options.period }, 'Custom'),
    dataset,
    includeActualCost: options.includeActualCost ?? false,
    includeFreshPartialCost: options.includeFreshPartialCost ?? false,
  };
}

/** Daily forecast rows; each says whether it is `Actual` or `Forecast` (`costStatus`). */
export function forecastCost(transport: ArmTransport, scope: string, options: ForecastOptions): CostListing<DailyCostRow> {
  const body = forecastBody(options);
  return rowsOf(transport, costPath(scope, 'forecast'), body, options.metric ?? 'Cost', options, (r): r is DailyCostRow => r.date !== undefined);
}
