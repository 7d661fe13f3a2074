// Fetches and prices a subscription's usage for the panel, once per range: UsageAggregates rows
// stream into a usage cube (memory per resource × day, not per row), the RateCard prices it, and
// the result is cached so regrouping, switching views or exporting never fetch again. A request
// for a range inside a cached one reuses it.

import type { ArmTransport } from '../../azure/transport';
import { costScopes, queryDailyCost } from '../../billing/costQuery';
import { NotApplicableError } from '../../billing/notApplicable';
import { getRateCard } from '../../billing/rateCard';
import { readUsageForDays } from '../../billing/usageAggregates';
import { formatIsoDate } from '../../insight/calendar';
import { collectActualCosts } from '../../insight/actualCosts';
import { CostCube, DayRange, Granularity } from '../../insight/costCube';
import { DimensionTable } from '../../insight/dimensions';
import { priceUsage } from '../../insight/estimate';
import { RateIndex } from '../../insight/rateIndex';
import { UsageLedger } from '../../insight/usageLedger';
import { GroupByKey } from '../../shared/usagePanelMessages';
import { ForecastFetches } from './forecastFetches';
import { ActualCosts, PanelSource, PricedUsage, RangeCache } from './panelSource';
import { DEFAULT_RATE_CARD_TERMS, SubscriptionScope } from './usageScope';

export type { ActualCosts, PricedUsage } from './panelSource';

const SUBSCRIPTION_GROUPINGS: GroupByKey[] = ['meterCategory', 'service', 'resourceGroup', 'region', 'resource', 'meter'];
/** Tag keys offered as groupings, at most. */
const MAX_TAG_GROUPINGS = 50;

export class UsageCostSource implements PanelSource {
  readonly hasEstimate = true;
  private readonly estimates = new RangeCache<PricedUsage>();
  private readonly actuals = new RangeCache<ActualCosts>();
  private rateIndex: Promise<RateIndex> | undefined;
  readonly forecasts: ForecastFetches;

  /**
   * `sharedRateCards` lets panels of subscriptions bought on the same terms share one RateCard
   * (a document of tens of MB that depends only on offer, currency, locale and country).
   */
  constructor(
    private readonly transport: ArmTransport,
    readonly scope: SubscriptionScope,
    private readonly sharedRateCards: Map<string, Promise<RateIndex>> = new Map(),
  ) {
    this.forecasts = new ForecastFetches(transport, costScopes.subscription(scope.subscriptionId));
  }

  /** Priced usage covering `range` (days included) at `granularity`, fetched at most once. */
  estimate(range: DayRange, granularity: Granularity, signal?: AbortSignal): Promise<PricedUsage> {
    const offer = this.scope.offerDurableId;
    // Microsoft Customer Agreement plans (MS-AZR-0017G, -0148G) are priced by their price sheet:
    // Commerce has no RateCard for them, and its filter would refuse the id before asking.
    if (offer && !/^MS-AZR-\d{4}P(-\d{4}P)*$/i.test(offer)) {
      return Promise.reject(new NotApplicableError('rateCardNotForOffer', `Offer ${offer} has no RateCard; it is priced by its agreement's price sheet.`));
    }
    return this.estimates.get(range, granularity, () => this.load(range, granularity, signal));
  }

  /**
   * Actual daily cost from Cost Management, by resource and meter category (the two groupings a
   * query allows), so every grouping of the panel can be derived without another query; tags and
   * regions come from the usage rows' resources (`known`).
   */
  actual(range: DayRange, _groupBy: GroupByKey, known?: DimensionTable): Promise<ActualCosts> {
    // No caller's signal: the query is shared by whoever asks for the same days, and its answer
    // is worth keeping even when the person moved on (Cost Management allows few queries a minute).
    return this.actuals.get(range, 'resource+meterCategory', async () => {
      const rows = queryDailyCost(this.transport, costScopes.subscription(this.scope.subscriptionId), {
        period: { from: formatIsoDate(range.first), to: formatIsoDate(range.last) },
        groupBy: [
          { type: 'Dimension', name: 'ResourceId' },
          { type: 'Dimension', name: 'MeterCategory' },
        ],
      });
      const collected = await collectActualCosts(rows, range, known);
      return { ...collected, range, skippedRows: rows.report.skippedRows.length };
    });
  }

  /** The fixed groupings, then one per tag key seen on the resources (case-insensitively unique). */
  groupings(cube?: CostCube): GroupByKey[] {
    const tagKeys = new Map<string, string>();
    for (const line of cube?.lines ?? []) {
      for (const key of Object.keys(line.resource.tags)) { if (!tagKeys.has(key.toLowerCase())) { tagKeys.set(key.toLowerCase(), key); } }
    }
    const tags = [...tagKeys.values()].sort((a, b) => a.localeCompare(b)).slice(0, MAX_TAG_GROUPINGS);
    return [...SUBSCRIPTION_GROUPINGS, ...tags.map((key) => `tag:${key}` as GroupByKey)];
  }

  /** Forget cached usage and cost (Refresh). A RateCard shared with other panels stays: list prices change rarely. */
  clear(olderThanMs?: number): void {
    this.estimates.clear(olderThanMs);
    this.actuals.clear(olderThanMs);
    // A full Refresh only: the status bar's periodic refresh keeps the panel's forecast inputs.
    if (olderThanMs === undefined) {this.forecasts.clear();}
    if (olderThanMs === undefined) {this.rateIndex = undefined;}
  }

  private rates(signal?: AbortSignal): Promise<RateIndex> {
    if (!this.rateIndex) {
      const terms = this.terms();
      const key = `${terms.offerDurableId}|${terms.currency}|${terms.locale}|${terms.regionInfo}`;
      let shared = this.sharedRateCards.get(key);
      if (!shared) {
        shared = getRateCard(this.transport, this.scope.subscriptionId, terms, { signal }).then((card) => new RateIndex(card));
        this.sharedRateCards.set(key, shared);
        // A failure is not shared: the next panel (or Retry) asks again.
        shared.catch(() => this.sharedRateCards.get(key) === shared && this.sharedRateCards.delete(key));
      }
      this.rateIndex = shared;
      this.rateIndex.catch(() => (this.rateIndex = undefined));
    }
    return this.rateIndex;
  }

  private terms() {
    return {
      offerDurableId: this.scope.offerDurableId ?? DEFAULT_RATE_CARD_TERMS.offerDurableId,
      currency: this.scope.currency ?? DEFAULT_RATE_CARD_TERMS.currency,
      locale: DEFAULT_RATE_CARD_TERMS.locale,
      regionInfo: this.scope.regionInfo ?? DEFAULT_RATE_CARD_TERMS.regionInfo,
    };
  }

  private async load(range: DayRange, granularity: Granularity, signal?: AbortSignal): Promise<PricedUsage> {
    const rates = this.rates(signal);
    const ledger = new UsageLedger(range, granularity);
    // Each page is folded into the cube as it arrives, row by row without an await between them.
    const { skipped } = await readUsageForDays(
      this.transport,
      this.scope.subscriptionId,
      { from: formatIsoDate(range.first), to: formatIsoDate(range.last) },
      (row) => ledger.add(row),
      { granularity: granularity === 'hour' ? 'Hourly' : 'Daily', offerId: this.scope.offerDurableId, signal },
    );
    const index = await rates;
    priceUsage(ledger.cube, () => index);
    return {
      cube: ledger.cube,
      range,
      stats: ledger.stats,
      skippedRows: skipped.length,
      currency: index.currency,
      offerDurableId: this.terms().offerDurableId,
      rates: index,
    };
  }
}
