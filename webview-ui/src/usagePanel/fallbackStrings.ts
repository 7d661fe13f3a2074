// Used only until the host's localised strings arrive (the first message), and for a string a
// newer page asks for that an older host did not send.

import type { UsagePanelStrings } from '../../../src/shared/usagePanelMessages';

export const FALLBACK_STRINGS: UsagePanelStrings = {
  title: 'Usage and cost',
  groupBy: 'Group by',
  period: 'Period',
  presets: {
    billingPeriod: 'This billing period',
    lastMonth: 'Last month',
    last30Days: 'Last 30 days',
    last90Days: 'Last 90 days',
    custom: 'Custom',
  },
  from: 'From',
  to: 'To',
  apply: 'Apply',
  views: { cost: 'Daily cost', usage: 'Usage', hourly: 'Hourly' },
  sources: { estimate: 'Estimate', actual: 'Actual' },
  source: 'Cost',
  currency: 'Currency',
  meter: 'Meter',
  exportCsv: 'Export CSV',
  exportPng: 'Export PNG',
  retry: 'Retry',
  refresh: 'Refresh',
  loading: 'Loading usage and cost…',
  emptyTitle: 'No usage in this period',
  emptyHint: 'Pick a longer period or another scope.',
  date: 'Date',
  hour: 'Hour (UTC)',
  total: 'Total',
  cumulative: 'Cumulative',
  estimate: 'Estimate',
  actual: 'Actual',
  difference: 'Difference',
  monthToDate: 'To date',
  forecast: 'Forecast',
  forecastRange: 'Likely range (10th–90th percentile)',
  costManagementForecast: 'Cost Management forecast',
  dailyRunRate: 'Per day',
  unpricedTitle: 'Not included in the estimate',
  legend: 'Legend',
  tableCaption: 'Cost per day',
  chartLabel: 'Chart of cost per day',
  quantity: 'Quantity',
};

export function withFallbacks(strings: Partial<UsagePanelStrings> | undefined): UsagePanelStrings {
  return {
    ...FALLBACK_STRINGS,
    ...strings,
    presets: { ...FALLBACK_STRINGS.presets, ...strings?.presets },
    views: { ...FALLBACK_STRINGS.views, ...strings?.views },
    sources: { ...FALLBACK_STRINGS.sources, ...strings?.sources },
  };
}
