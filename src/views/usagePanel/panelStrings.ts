// Every string of the usage panel, localised with vscode.l10n (the webview has none of its own).

import * as vscode from 'vscode';
import { UnpricedReason } from '../../insight/costCube';
import { PERIOD_ERROR_TEMPLATES, PeriodError } from '../../insight/periods';
import { UsagePanelStrings } from '../../shared/usagePanelMessages';
import { creditsStrings } from '../credits/creditsView';
import { formatCalendarDate } from '../format/displayFormat';
import { PanelTexts } from './panelModel';

export function webviewStrings(): UsagePanelStrings {
  return {
    title: vscode.l10n.t('Usage and cost'),
    groupBy: vscode.l10n.t('Group by'),
    period: vscode.l10n.t('Period'),
    presets: {
      billingPeriod: vscode.l10n.t('This billing period'),
      lastMonth: vscode.l10n.t('Last month'),
      last30Days: vscode.l10n.t('Last 30 days'),
      last90Days: vscode.l10n.t('Last 90 days'),
      custom: vscode.l10n.t('Custom dates'),
    },
    from: vscode.l10n.t('From'),
    to: vscode.l10n.t('To'),
    apply: vscode.l10n.t('Apply'),
    views: { cost: vscode.l10n.t('Daily cost'), usage: vscode.l10n.t('Usage by meter'), hourly: vscode.l10n.t('Hourly cost'), credits: vscode.l10n.t('Credits') },
    sources: { estimate: vscode.l10n.t('Estimate'), actual: vscode.l10n.t('Actual') },
    source: vscode.l10n.t('Cost source'),
    currency: vscode.l10n.t('Currency'),
    meter: vscode.l10n.t('Meter'),
    exportCsv: vscode.l10n.t('Export CSV'),
    exportPng: vscode.l10n.t('Export PNG'),
    retry: vscode.l10n.t('Retry'),
    refresh: vscode.l10n.t('Refresh'),
    loading: vscode.l10n.t('Loading usage and prices…'),
    emptyTitle: vscode.l10n.t('No usage in this period'),
    emptyHint: vscode.l10n.t('Pick a longer period, or check that this subscription has running resources.'),
    date: vscode.l10n.t('Date'),
    hour: vscode.l10n.t('Hour (UTC)'),
    total: vscode.l10n.t('Total'),
    cumulative: vscode.l10n.t('Cumulative'),
    estimate: vscode.l10n.t('Estimate'),
    actual: vscode.l10n.t('Actual'),
    difference: vscode.l10n.t('Difference'),
    monthToDate: vscode.l10n.t('Spent so far'),
    forecast: vscode.l10n.t('Forecast'),
    forecastRange: vscode.l10n.t('Likely range (10th–90th percentile)'),
    costManagementForecast: vscode.l10n.t('Cost Management forecast'),
    dailyRunRate: vscode.l10n.t('Average per day'),
    unpricedTitle: vscode.l10n.t('Not included in the estimate'),
    legend: vscode.l10n.t('Groups'),
    tableCaption: vscode.l10n.t('Cost per day'),
    chartLabel: vscode.l10n.t('Chart of cost per day'),
    quantity: vscode.l10n.t('Quantity'),
    credits: creditsStrings(),
  };
}

function periodErrorText(error: PeriodError): string {
  const p = error.params;
  switch (error.code) {
    case 'missingDate':
      return vscode.l10n.t('Enter both a start and an end date, as YYYY-MM-DD.');
    case 'unparsableDate':
      return vscode.l10n.t('"{0}" is not a date. Enter it as YYYY-MM-DD, for example {1}.', p[0], p[1]);
    case 'endBeforeStart':
      return vscode.l10n.t('The end date {0} is before the start date {1}. Pick an end date on or after the start date.', p[0], p[1]);
    case 'inFuture':
      return vscode.l10n.t('The end date {0} is in the future. Pick today ({1}) or an earlier day.', p[0], p[1]);
    case 'tooOld':
      return vscode.l10n.t('Usage is kept for 13 months. Pick a start date on or after {0}.', p[0]);
    default:
      return PERIOD_ERROR_TEMPLATES[error.code] ?? error.message;
  }
}

function unpricedReasonText(reason: UnpricedReason): string {
  switch (reason) {
    case 'no-rate-card':
      return vscode.l10n.t('no rate card for this subscription');
    case 'unknown-meter':
      return vscode.l10n.t('not in the rate card');
    case 'no-rate-in-effect':
      return vscode.l10n.t('no price in effect on those days');
    case 'unit-mismatch':
      return vscode.l10n.t('the rate card counts it in another unit');
  }
}

export function panelTexts(): PanelTexts {
  return {
    groupings: {
      meterCategory: vscode.l10n.t('Meter category'),
      service: vscode.l10n.t('Service (resource type)'),
      resourceGroup: vscode.l10n.t('Resource group'),
      region: vscode.l10n.t('Region'),
      resource: vscode.l10n.t('Resource'),
      meter: vscode.l10n.t('Meter'),
      subscription: vscode.l10n.t('Subscription'),
    },
    tagGrouping: (key) => vscode.l10n.t('Tag: {0}', key),
    other: vscode.l10n.t('Other'),
    untagged: vscode.l10n.t('Untagged'),
    none: vscode.l10n.t('(none)'),
    unpricedReason: unpricedReasonText,
    periodError: periodErrorText,
    day: (isoDate) => formatCalendarDate(isoDate, vscode.env.language),
    title: (scope, from, to) => vscode.l10n.t('{0} · {1} to {2}', scope, from, to),
    emptyMessage: (from, to) => vscode.l10n.t('No usage from {0} to {1}.', from, to),
    emptyHint: vscode.l10n.t('Pick a longer period, or check that this subscription has running resources.'),
    emptyHintBilling: vscode.l10n.t('Pick a longer period, or check that subscriptions are billed here.'),
    notePartialToday: vscode.l10n.t("Today's usage is still arriving; its day is partial."),
    noteHourlyTooLong: (max) => vscode.l10n.t('The hourly view covers periods of up to {0} days; showing daily cost instead.', max),
    noteEstimateTerms: (offer, currency) => vscode.l10n.t('Estimated from list prices of offer {0} in {1}: no taxes, reservations, savings plans or credits.', offer, currency),
    noteSkippedRows: (count) => vscode.l10n.t('{0} usage rows could not be read and are left out (see the log).', count),
    noteEstimateUnavailable: (reason) => vscode.l10n.t('No estimate for this subscription ({0}); showing actual cost from Cost Management.', reason),
    noteEstimateOtherCurrency: (estimateCurrency, billedCurrency) =>
      vscode.l10n.t('No estimate: list prices are in {0} but this subscription is billed in {1}; showing actual cost from Cost Management.', estimateCurrency, billedCurrency),
    noteActualUnavailable: (reason) => vscode.l10n.t('Actual cost from Cost Management is not available ({0}); showing the estimate only.', reason),
  };
}

export function csvHeadings() {
  return { date: vscode.l10n.t('Date'), currency: vscode.l10n.t('Currency'), total: vscode.l10n.t('Total'), totalsRow: vscode.l10n.t('Total') };
}
