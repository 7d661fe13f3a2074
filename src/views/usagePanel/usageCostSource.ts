// Fetches and prices a subscription's usage for the panel, once per range: UsageAggregates rows
// stream into a usage cube (memory per resource × day, not per row), the RateCard prices it, and
// the result is cached so regrouping, switching views or exporting never fetch again. A request
// for a range inside a cached one reuses it.

import type { ArmTransport } from '../../azure/transport';
import { costScopes, queryDailyCost } from '../../billing/costQuery';
import { getRateCard } from '../../billing/rateCard';
import { listUsageForDays } from '../../billing/usageAggregates';
import { formatIsoDate } from '../../insight/calendar';
import { ActualCostResult, collectActualCosts } from '../../insight/actualCosts';
import { CostCube, DayRange, Granularity } from '../../insight/costCube';
import { DimensionTable } from '../../insight/dimensions';
import { priceUsage } from '../../insight/estimate';
import { RateIndex } from '../../insight/rateIndex';
import { LedgerStats, UsageLedger } from '../../insight/usageLedger';
import { DEFAULT_RATE_CARD_TERMS, UsageScope } from './usageScope';

export interface PricedUsage {
  cube: CostCube;
  range: DayRange;
  stats: LedgerStats;
  /** Rows the client could not read (reported by billing/). */
  skippedRows: number;
  currency: string;
  offerDurableId: string;
}

interface Entry {
  range: DayRange;
  granularity: Granularity;
  result: Promise<PricedUsage>;
}

export interface ActualCosts extends ActualCostResult {
  range: DayRange;
  skippedRows: number;
}

export class UsageCostSource {
  private readonly entries: Entry[] = [];
  private readonly actuals: Array<{ range: DayRange; result: Promise<ActualCosts> }> = [];
  private rateIndex: Promise<RateIndex> | undefined;

  /**
   * `sharedRateCards` lets panels of subscriptions bought on the same terms share one RateCard
   * (a document of tens of MB that depends only on offer, currency, locale and country).
   */
  constructor(
    private readonly transport: ArmTransport,
    readonly scope: UsageScope,
    private readonly sharedRateCards: Map<string, Promise<RateIndex>> = new Map(),
  ) {}

  /** Priced usage covering `range` (days included) at `granularity`, fetched at most once. */
  estimate(range: DayRange, granularity: Granularity, signal?: AbortSignal): Promise<PricedUsage> {
    const cached = this.entries.find((e) => e.granularity === granularity && e.range.first <= range.first && e.range.last >= range.last);
    if (cached) return cached.result;
    const result = this.load(range, granularity, signal);
    const entry = { range, granularity, result };
    this.entries.push(entry);
    // A failed load is not kept: Retry must fetch again.
    result.catch(() => this.entries.splice(this.entries.indexOf(entry), 1));
    return result;
  }

  /**
   * Actual daily cost from Cost Management, by resource and meter category (the two groupings a
   * query allows), so every grouping of the panel can be derived without another query; tags and
   * regions come from the usage rows' resources (`known`).
   */
  actual(range: DayRange, known?: DimensionTable, signal?: AbortSignal): Promise<ActualCosts> {
    const cached = this.actuals.find((e) => e.range.first <= range.first && e.range.last >= range.last);
    if (cached) return cached.result;
    const result = (async () => {
      const rows = queryDailyCost(this.transport, costScopes.subscription(this.scope.subscriptionId), {
        period: { from: formatIsoDate(range.first), to: formatIsoDate(range.last) },
        groupBy: [
          { type: 'Dimension', name: 'ResourceId' },
          { type: 'Dimension', name: 'MeterCategory' },
        ],
        signal,
      });
      const collected = await collectActualCosts(rows, range, known);
      return { ...collected, range, skippedRows: rows.skippedRows.length };
    })();
    const entry = { range, result };
    this.actuals.push(entry);
    result.catch(() => this.actuals.splice(this.actuals.indexOf(entry), 1));
    return result;
  }

  /** Forget cached usage and cost (Refresh). A RateCard shared with other panels stays: list prices change rarely. */
  clear(): void {
    this.entries.length = 0;
    this.actuals.length = 0;
    this.rateIndex = undefined;
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
    const rows = listUsageForDays(
      this.transport,
      this.scope.subscriptionId,
      { from: formatIsoDate(range.first), to: formatIsoDate(range.last) },
      { granularity: granularity === 'hour' ? 'Hourly' : 'Daily', offerId: this.scope.offerDurableId, signal },
    );
    await ledger.addAll(rows);
    const index = await rates;
    priceUsage(ledger.cube, () => index);
    return {
      cube: ledger.cube,
      range,
      stats: ledger.stats,
      skippedRows: rows.skipped.length,
      currency: index.currency,
      offerDurableId: this.terms().offerDurableId,
    };
  }
}
