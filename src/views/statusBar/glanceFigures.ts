// The figures the status bar shows for the pinned scope: spend to date this billing period, the
// month-end forecast with its range, the same day of the previous period, and the costliest
// services, one set per currency (never a sum across currencies). They come from the scope's
// shared cost source (the usage panel's), asking for exactly what the panel asks for — the
// billing period and the forecast's history of the periods before, which holds the previous one —
// so whichever of the two asks first pays for the queries and the other reuses them. No vscode here: it runs in Node tests against the emulator.

import { DayNumber } from '../../insight/calendar';
import { groupCosts } from '../../insight/grouping';
import { totalWithin } from '../usagePanel/forecastFetches';
import { fetchForecastInputs, forecastModel, subscriptionParts } from '../usagePanel/panelForecast';
import { resolvePeriod } from '../../insight/periods';
import type { PanelSource } from '../usagePanel/panelSource';

/** Services named in the tooltip. */
export const TOP_SERVICES = 3;

export interface ServiceCost {
  label: string;
  /** Minor units. */
  total: number;
}

export interface CurrencyGlance {
  currency: string;
  /** Decimals of the minor unit: amount = value / 10^fractionDigits. */
  fractionDigits: number;
  /** This billing period through today (today's costs are partial), minor units. */
  toDate: number;
  /** Month-end forecast and its 10–90 % range; undefined when the period has no complete day and no history. */
  forecast?: { total: number; low: number; high: number; dailySpend: number };
  /** The previous period through the same day of the period; undefined when it had no costs in this currency. */
  sameDayLastPeriod?: number;
  /** The costliest services (meter categories) this period, most expensive first. */
  topServices: ServiceCost[];
}

export interface Glance {
  /** First day, today, and last day of the billing period. */
  period: { first: DayNumber; today: DayNumber; end: DayNumber };
  /** One per currency billed, by currency code. */
  currencies: CurrencyGlance[];
}

export interface GlanceContext {
  today: DayNumber;
  billingPeriodStartDay?: number;
  signal?: AbortSignal;
}

export async function readGlance(source: PanelSource, context: GlanceContext): Promise<Glance> {
  const current = resolvePeriod({ preset: 'billingPeriod' }, { today: context.today, billingPeriodStartDay: context.billingPeriodStartDay });
  if (!current.ok) {throw new Error('The billing period could not be worked out.');}
  const period = current.period;
  // Meter category: the grouping every source answers from its base query (service names as
  // Cost Management's ServiceName would need a query of their own at billing scopes).
  const now = await source.actual({ first: period.first, last: period.last }, 'meterCategory', undefined, context.signal);
  // The forecast's history (the periods before, daily, one query shared with the panel) also
  // gives the previous period's days: no query of its own for "the same day last month".
  const inputs = await fetchForecastInputs(source.forecasts, period, context.billingPeriodStartDay);
  const grouped = groupCosts(now.cube, { groupBy: 'meterCategory', range: period, topN: Number.MAX_SAFE_INTEGER });
  const previous = inputs.periods[inputs.periods.length - 1];
  const dayIndex = context.today - period.first;
  const parts = inputs.historyBySubscription ? subscriptionParts(now.cube, period) : undefined;

  const currencies = grouped.currencies.map((c): CurrencyGlance => {
    // The panel's forecast, from the same shared inputs, so the two never disagree.
    const forecast = forecastModel({ currency: c.currency, bucketTotals: c.bucketTotals }, period, context.today, inputs, parts?.get(c.currency));
    const daily = forecast.daysProjected > 0 ? Math.round(forecast.projected / forecast.daysProjected) : Math.round(forecast.dailyLevel);
    return {
      currency: c.currency,
      fractionDigits: c.fractionDigits,
      toDate: c.total,
      forecast: Number.isFinite(forecast.total) ? { total: forecast.total, low: forecast.low, high: forecast.high, dailySpend: Math.max(0, daily) } : undefined,
      sameDayLastPeriod: inputs.history?.has(c.currency) ? totalWithin(inputs.history, c.currency, { first: previous.first, last: Math.min(previous.last, previous.first + dayIndex) }) ?? 0 : undefined,
      topServices: c.groups
        .filter((g) => g.kind === 'value' && g.total > 0)
        .slice(0, TOP_SERVICES)
        .map((g) => ({ label: g.label, total: g.total })),
    };
  });
  return { period: { first: period.first, today: context.today, end: period.periodEnd }, currencies };
}
