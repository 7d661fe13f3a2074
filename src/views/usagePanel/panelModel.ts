// What the panel shows for one selection: resolves the period, gets priced usage (cached), groups
// it, and builds the webview's message. No vscode here, so it runs in Node tests against the
// emulator; the strings it needs come in already localised.

import { DayNumber, formatIsoDate } from '../../insight/calendar';
import { CostCube, DayRange, UnpricedReason } from '../../insight/costCube';
import { compareEstimateToActual } from '../../insight/comparison';
import { GroupedCosts, groupCosts } from '../../insight/grouping';
import { PeriodError, resolvePeriod } from '../../insight/periods';
import { unpricedMeters } from '../../insight/unpriced';
import { pricingRangeFor } from '../../insight/usageLedger';
import { usageByMeter } from '../../insight/usageSeries';
import { GroupByKey, GroupingChoice, PanelSelection, SeriesPayload } from '../../shared/usagePanelMessages';
import { buildSeriesPayload } from './seriesPayload';
import { Logger, redactText } from '../../azure/log';
import { NotApplicableError } from '../../billing/notApplicable';
import { billForecasts, fetchForecastInputs, ForecastInputs, SubscriptionParts, subscriptionParts } from './panelForecast';
import { PanelSource, PricedUsage } from './panelSource';

/** Hourly series are offered for periods up to this many days (24 bars a day). */
export const MAX_HOURLY_DAYS = 14;
/** Groups shown by name before the rest are added up as "Other". */
export const TOP_GROUPS = 6;

type FixedGrouping = 'meterCategory' | 'service' | 'resourceGroup' | 'region' | 'resource' | 'meter' | 'subscription';

export interface PanelTexts {
  groupings: Record<FixedGrouping, string>;
  tagGrouping(tagKey: string): string;
  other: string;
  untagged: string;
  none: string;
  unpricedReason(reason: UnpricedReason): string;
  periodError(error: PeriodError): string;
  /** A calendar day (YYYY-MM-DD) as the rest of the product writes it, in the editor's language. */
  day(isoDate: string): string;
  /** `from` and `to` come already written by `day`. */
  title(scopeLabel: string, from: string, to: string): string;
  emptyMessage(from: string, to: string): string;
  emptyHint: string;
  /** For billing profiles and accounts, which have no resources of their own to check. */
  emptyHintBilling: string;
  notePartialToday: string;
  noteHourlyTooLong(maxDays: number): string;
  noteEstimateTerms(offerDurableId: string, currency: string): string;
  noteSkippedRows(count: number): string;
  noteActualUnavailable(reason: string): string;
  noteEstimateUnavailable(reason: string): string;
  /** The list prices are in another currency than the subscription is billed in. */
  noteEstimateOtherCurrency(estimateCurrency: string, billedCurrency: string): string;
}

export interface PanelContext {
  today: DayNumber;
  billingPeriodStartDay?: number;
  signal?: AbortSignal;
  /** Where the forecast says why it went without an input. */
  logger?: Logger;
}

export type PanelResult =
  | { kind: 'series'; payload: SeriesPayload; grouped: GroupedCosts }
  | { kind: 'periodInvalid'; field: 'from' | 'to'; message: string }
  | { kind: 'empty'; message: string; hint: string };

export async function buildPanelData(source: PanelSource, selection: PanelSelection, context: PanelContext, texts: PanelTexts): Promise<PanelResult> {
  const resolved = resolvePeriod(selection.period, { today: context.today, billingPeriodStartDay: context.billingPeriodStartDay });
  if (!resolved.ok) {return { kind: 'periodInvalid', field: resolved.error.field, message: texts.periodError(resolved.error) };}
  const period = resolved.period;
  const hourlyAvailable = period.last - period.first + 1 <= MAX_HOURLY_DAYS;
  const notes: string[] = [];
  let view = selection.view;
  if (view === 'hourly' && !hourlyAvailable) {
    notes.push(texts.noteHourlyTooLong(MAX_HOURLY_DAYS));
    view = 'cost';
  }
  // The title and messages write the days as the tree does ("Dec 7, 2026"), not as ISO dates.
  const from = texts.day(formatIsoDate(period.first));
  const to = texts.day(formatIsoDate(period.last));
  // A grouping the source does not offer (say, Resource kept from a subscription's panel) falls
  // back to the source's first, rather than charting everything as "(none)".
  const offered = source.groupings();
  const isTag = selection.groupBy.startsWith('tag:');
  if (!offered.includes(selection.groupBy) && !(isTag && source.hasEstimate)) {selection = { ...selection, groupBy: offered[0] };}
  const groupOptions = { groupBy: selection.groupBy, range: period, topN: TOP_GROUPS, labels: { other: texts.other, untagged: texts.untagged, none: texts.none } };

  // The estimate needs Commerce, which EA and CSP subscriptions do not have: then actual cost only.
  // Billing profiles and accounts have neither: actual cost is all there is, and no note is needed.
  let priced: PricedUsage | undefined;
  if (source.hasEstimate) {
    try {
      priced = await source.estimate(pricingRangeFor(period), view === 'hourly' ? 'hour' : 'day', context.signal);
    } catch (error) {
      if (!(error instanceof NotApplicableError)) {throw error;}
      notes.push(texts.noteEstimateUnavailable(error.message));
    }
  }
  if (!priced && view === 'hourly') {view = 'cost';}
  let estimate = priced && groupCosts(priced.cube, groupOptions);

  // Actual cost is daily only; without it (no Cost Management access) the panel still estimates.
  let actual: GroupedCosts | undefined;
  let actualCube: CostCube | undefined;
  if (view !== 'hourly') {
    try {
      actualCube = (await source.actual(period, selection.groupBy, priced?.cube.dimensions, context.signal)).cube;
      actual = groupCosts(actualCube, groupOptions);
    } catch (error) {
      // With no estimate either, the reason actual cost failed is what the person must act on.
      if (context.signal?.aborted || !estimate) {throw error;}
      // The note is shown in the panel as it is; an error no layer of ours made may quote a URL.
      notes.push(texts.noteActualUnavailable(redactText(error instanceof Error ? error.message : String(error))));
    }
  }
  const hasActual = actual !== undefined && actual.currencies.length > 0;
  // An estimate in another currency than the bill (list prices assumed in USD for a subscription
  // billed in euros) would contradict the tree: it is not offered at all.
  if (priced && estimate && hasActual && !actual!.currencies.some((c) => c.currency === priced.currency)) {
    notes.push(texts.noteEstimateOtherCurrency(priced.currency, actual!.currencies.map((c) => c.currency).join(', ')));
    estimate = undefined;
  }
  const shown = (selection.source === 'actual' && hasActual) || !estimate ? actual : estimate;
  const usage = priced ? usageByMeter(priced.cube, period) : undefined;
  if (!shown || (shown.currencies.length === 0 && (usage?.meters.length ?? 0) === 0)) {
    return { kind: 'empty', message: texts.emptyMessage(from, to), hint: source.hasEstimate ? texts.emptyHint : texts.emptyHintBilling };
  }
  // This billing period gets a month-end forecast. Its two extra queries go only after the chart's
  // have been answered: Cost Management throttles per scope, and the chart comes first.
  const forecastInputs = period.preset === 'billingPeriod' && shown.granularity === 'day'
    ? await fetchForecastInputs(source.forecasts, period, context.billingPeriodStartDay, context.logger)
    : undefined;
  if (priced && shown === estimate) {notes.push(texts.noteEstimateTerms(priced.offerDurableId, priced.currency));}
  if (period.last >= context.today) {notes.push(texts.notePartialToday);}
  if (priced && priced.skippedRows > 0) {notes.push(texts.noteSkippedRows(priced.skippedRows));}

  const payload = buildSeriesPayload({
    selection: { ...selection, view: shown === actual && view === 'usage' ? 'cost' : view, source: shown === estimate ? 'estimate' : 'actual' },
    title: texts.title(source.scope.label, from, to),
    costs: shown,
    usage,
    unpriced: priced ? unpricedMeters(priced.cube, period) : [],
    comparison: estimate && hasActual ? compareEstimateToActual(estimate, actual!) : [],
    forecasts: forecastInputs ? billForecasts(shown, period, context.today, forecastInputs, await partsFor(source, forecastInputs, actualCube, period, context)) : [],
    sources: [...(estimate ? (['estimate'] as const) : []), ...(hasActual ? (['actual'] as const) : [])],
    groupings: groupingChoices(source.groupings((priced?.cube ?? actualCube)), texts),
    hourlyAvailable: hourlyAvailable && priced !== undefined,
    notes,
    unpricedReason: (reason) => texts.unpricedReason(reason),
  });
  return { kind: 'series', payload, grouped: shown };
}

/**
 * At a scope made of subscriptions, each one's days this period, for the forecast as a sum of theirs:
 * from the chart's cube when it tells subscriptions apart, else from the source's base query (which
 * the status bar shares). Undefined elsewhere, or when that fails: the scope is forecast whole.
 */
async function partsFor(source: PanelSource, inputs: ForecastInputs, cube: CostCube | undefined, period: DayRange, context: PanelContext): Promise<SubscriptionParts | undefined> {
  if (!inputs.historyBySubscription) {return undefined;}
  const fromChart = cube && subscriptionParts(cube, period);
  if (fromChart) {return fromChart;}
  try {
    return subscriptionParts((await source.actual({ first: period.first, last: period.last }, 'subscription', undefined, context.signal)).cube, period);
  } catch (error) {
    if (context.signal?.aborted) {throw error;}
    context.logger?.info(`Month-end forecast: subscriptions' days unavailable, the scope is forecast whole (${error instanceof Error ? error.message : String(error)}).`);
    return undefined;
  }
}

/** The source's groupings with their localised names. */
export function groupingChoices(keys: GroupByKey[], texts: PanelTexts): GroupingChoice[] {
  return keys.map((key) => ({
    key,
    label: key.startsWith('tag:') ? texts.tagGrouping(key.slice('tag:'.length)) : texts.groupings[key as FixedGrouping] ?? key,
  }));
}
