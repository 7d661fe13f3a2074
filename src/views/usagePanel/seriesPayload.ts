// Turns insight/'s results into the one message the webview draws from. Only aggregated series
// travel to the webview (groups × buckets), never usage rows.

import { CurrencyComparison } from '../../insight/comparison';
import { GroupedCosts } from '../../insight/grouping';
import { UnpricedMeter } from '../../insight/unpriced';
import { UsageByMeter } from '../../insight/usageSeries';
import { CostSource, ForecastSummary, GroupingChoice, PanelSelection, SeriesPayload } from '../../shared/usagePanelMessages';

export interface PayloadInput {
  selection: PanelSelection;
  title: string;
  costs: GroupedCosts;
  usage?: UsageByMeter;
  comparison?: CurrencyComparison[];
  forecasts?: ForecastSummary[];
  unpriced?: UnpricedMeter[];
  sources: CostSource[];
  groupings: GroupingChoice[];
  hourlyAvailable: boolean;
  notes?: string[];
  /** The localised reason text per unpriced reason code. */
  unpricedReason: (reason: UnpricedMeter['reason']) => string;
}

export function buildSeriesPayload(input: PayloadInput): SeriesPayload {
  const buckets = input.costs.buckets;
  const usageMatches = input.usage && input.usage.buckets.join() === buckets.join();
  const forecast: ForecastSummary[] = input.forecasts ?? [];
  return {
    selection: input.selection,
    title: input.title,
    granularity: input.costs.granularity,
    buckets,
    sources: input.sources,
    groupings: input.groupings,
    hourlyAvailable: input.hourlyAvailable,
    currencies: input.costs.currencies.map((c) => ({
      currency: c.currency,
      fractionDigits: c.fractionDigits,
      groups: c.groups.map((g) => ({ key: g.key, label: g.label, kind: g.kind, values: g.values, total: g.total })),
      bucketTotals: c.bucketTotals,
      cumulative: c.cumulative,
      total: c.total,
    })),
    usage: usageMatches
      ? input.usage!.meters.map((m) => ({ meterId: `${m.meterId}|${m.unit}`, name: m.name, category: m.category, unit: m.unit, values: m.values, total: m.total }))
      : [],
    comparison: (input.comparison ?? []).map((c) => ({
      currency: c.currency,
      fractionDigits: c.fractionDigits,
      estimate: c.rows.map((r) => r.estimate),
      actual: c.rows.map((r) => r.actual),
      difference: c.rows.map((r) => r.difference),
      totals: c.totals,
    })),
    forecast,
    unpriced: (input.unpriced ?? []).map((u) => ({ meterName: u.meterName, unit: u.unit, quantity: u.quantity, reason: input.unpricedReason(u.reason) })),
    notes: input.notes ?? [],
  };
}
