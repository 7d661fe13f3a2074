// The messages between the extension host and the usage-and-cost webview. This file is the only
// thing the webview imports from src/, so it holds types and nothing that needs Node or vscode.
// The host sends aggregated series (never raw usage rows) and every string the page shows.

export type GroupByKey =
  | 'meterCategory'
  | 'service'
  | 'resourceGroup'
  | 'region'
  | 'resource'
  | 'meter'
  | 'subscription'
  | `tag:${string}`;

export type PeriodPresetKey = 'billingPeriod' | 'lastMonth' | 'last30Days' | 'last90Days' | 'custom';

/**
 * cost: stacked daily cost; usage: quantity per meter; hourly: stacked hourly cost; credits: the
 * credit balance's burn-down (billing profiles with credits only, answered by a `credits` message).
 */
export type PanelView = 'cost' | 'usage' | 'hourly' | 'credits';

export type CostSource = 'estimate' | 'actual';

/** What the person picked; kept in the webview's state and sent with every request. */
export interface PanelSelection {
  groupBy: GroupByKey;
  period: { preset: PeriodPresetKey; from?: string; to?: string };
  view: PanelView;
  source: CostSource;
}

export interface SeriesGroup {
  key: string;
  label: string;
  kind: 'value' | 'other' | 'untagged' | 'none';
  /** Minor units (cents for USD) per bucket; divide by 10^fractionDigits for the amount. */
  values: number[];
  total: number;
}

export interface CurrencySeries {
  currency: string;
  fractionDigits: number;
  groups: SeriesGroup[];
  bucketTotals: number[];
  cumulative: number[];
  total: number;
}

export interface MeterUsage {
  meterId: string;
  name: string;
  category: string;
  unit: string;
  values: number[];
  total: number;
}

export interface ComparisonSummary {
  currency: string;
  fractionDigits: number;
  /** Per bucket, minor units; null where that side has no data. */
  estimate: Array<number | null>;
  actual: Array<number | null>;
  difference: Array<number | null>;
  totals: { estimate: number | null; actual: number | null; difference: number | null };
}

/** Minor units throughout (cents for USD). */
export interface ForecastSummary {
  currency: string;
  fractionDigits: number;
  /** The complete days of the period so far. */
  toDate: number;
  /** Our forecast of the period's total (docs/forecast.md). */
  forecast: number;
  /** 10th and 90th percentile of the total; both equal `forecast` when there is no spread to show. */
  low: number;
  high: number;
  dailyRunRate: number;
  /** "YYYY-MM-DD": the forecast is for the period ending on this day. */
  periodEnd: string;
  /** Cost Management's own forecast of the same total, where the scope has one. */
  costManagement?: number;
}

export interface UnpricedSummary {
  meterName: string;
  unit: string;
  /** Decimal text. */
  quantity: string;
  /** Already localised, e.g. "not in the rate card". */
  reason: string;
}

export interface GroupingChoice {
  key: GroupByKey;
  label: string;
}

export interface SeriesPayload {
  selection: PanelSelection;
  /** A short description of the scope and period, e.g. "Contoso Dev · 1–24 May 2024". */
  title: string;
  granularity: 'day' | 'hour';
  /** "YYYY-MM-DD" per day or "YYYY-MM-DDTHH:00Z" per hour. */
  buckets: string[];
  /** Which cost sources exist for this scope (the switch shows only when both do). */
  sources: CostSource[];
  /** Grouping choices, including one per tag key seen. */
  groupings: GroupingChoice[];
  /** Whether the hourly view is offered for this period (short periods only). */
  hourlyAvailable: boolean;
  currencies: CurrencySeries[];
  usage: MeterUsage[];
  comparison: ComparisonSummary[];
  forecast: ForecastSummary[];
  unpriced: UnpricedSummary[];
  /** Notes to show above the chart (e.g. "Today's costs are partial."). */
  notes: string[];
}

/** A day ("YYYY-MM-DD") and the credit balance at its end, in minor units. */
export interface BalancePoint {
  day: string;
  balance: number;
}

/** The Credits view: the balance over time, actual then projected, and the lots' expiries (docs/credit-runway.md). */
export interface CreditsPayload {
  /** e.g. "Contoso Billing · credits as of Nov 15, 2026". */
  title: string;
  currency: string;
  fractionDigits: number;
  /** The balance the credit ledger reported, oldest first, up to yesterday. */
  actual: BalancePoint[];
  /** From yesterday's balance on, at the forecast spend, down to zero or the horizon. */
  projected: BalancePoint[];
  /** One mark per lot that expires on or after today; `expiresUnused` in minor units (0: used up first). */
  expiries: Array<{ day: string; lot: string; expiresUnused: number }>;
  /** The lots the runway consumes, earliest expiry first. */
  lots: Array<{ lot: string; remaining: number; expires?: string; expiresUnused: number; usedUp?: string }>;
  /** The balance the projection starts from, minor units. */
  balance: number;
  /** Forecast spend per day, minor units. */
  dailySpend: number;
  /** The day the credits run out; absent when they last at this spend. */
  runsOut?: string;
  expiresUnused: number;
  /** Localised sentences: when the credits run out and the consumption order assumed. */
  notes: string[];
}

/** The Credits view's words (the page formats money and days itself). */
export interface CreditsStrings {
  chartLabel: string;
  actual: string;
  projected: string;
  expiry: string;
  balance: string;
  runsOut: string;
  lastsAtThisSpend: string;
  expiresUnused: string;
  dailySpend: string;
  historyCaption: string;
  event: string;
  lotsCaption: string;
  lot: string;
  remaining: string;
  expires: string;
  outcome: string;
  noExpiry: string;
  usedUp: string;
  notUsedUp: string;
}

/** Every user-facing string of the page, localised by the host. */
export interface UsagePanelStrings {
  title: string;
  groupBy: string;
  period: string;
  presets: Record<PeriodPresetKey, string>;
  from: string;
  to: string;
  apply: string;
  views: Record<PanelView, string>;
  sources: Record<CostSource, string>;
  source: string;
  currency: string;
  meter: string;
  exportCsv: string;
  exportPng: string;
  retry: string;
  refresh: string;
  loading: string;
  emptyTitle: string;
  emptyHint: string;
  date: string;
  hour: string;
  total: string;
  cumulative: string;
  estimate: string;
  actual: string;
  difference: string;
  monthToDate: string;
  forecast: string;
  /** Label of the forecast's 10th–90th percentile range. */
  forecastRange: string;
  /** Label of Cost Management's own forecast, shown beside ours. */
  costManagementForecast: string;
  dailyRunRate: string;
  unpricedTitle: string;
  legend: string;
  tableCaption: string;
  chartLabel: string;
  quantity: string;
  credits: CreditsStrings;
}

export type HostToWebview =
  /** `restore` is kept in the page's state, which is what the host's serializer gets back after a reload. */
  | { type: 'init'; locale: string; strings: UsagePanelStrings; restore?: unknown }
  | { type: 'loading'; message?: string }
  | { type: 'series'; payload: SeriesPayload }
  /** The scope is a billing profile with credits: the page offers the Credits view. */
  | { type: 'creditsOffered' }
  | { type: 'credits'; payload: CreditsPayload }
  | { type: 'empty'; message: string; hint?: string }
  | { type: 'error'; message: string; detail?: string; retryable: boolean }
  | { type: 'periodInvalid'; field: 'from' | 'to'; message: string };

export type WebviewToHost =
  | { type: 'ready'; selection?: PanelSelection }
  | { type: 'select'; selection: PanelSelection }
  | { type: 'retry' }
  /** Drop cached usage and prices and fetch again (costs change during the day). */
  | { type: 'refresh' }
  | { type: 'exportCsv'; selection: PanelSelection }
  | { type: 'exportPng'; dataUrl: string };
