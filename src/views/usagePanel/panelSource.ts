// What the panel's model asks of the data behind one scope. A subscription has an estimate
// (UsageAggregates × RateCard) and actual cost; a billing profile or account has actual cost only.
// Each source decides which groupings it can answer and caches its own fetches.

import type { CostCube, DayRange, Granularity } from '../../insight/costCube';
import type { DimensionTable } from '../../insight/dimensions';
import type { LedgerStats } from '../../insight/usageLedger';
import type { RateIndex } from '../../insight/rateIndex';
import type { ActualCostResult } from '../../insight/actualCosts';
import type { GroupByKey } from '../../shared/usagePanelMessages';
import type { ForecastFetches } from './forecastFetches';
import type { UsageScope } from './usageScope';

export interface PricedUsage {
  cube: CostCube;
  range: DayRange;
  stats: LedgerStats;
  /** Rows the client could not read (reported by billing/). */
  skippedRows: number;
  currency: string;
  offerDurableId: string;
  /** The rate card that priced it (what-if prices its baseline with the same rows). */
  rates?: RateIndex;
}

export interface ActualCosts extends ActualCostResult {
  range: DayRange;
  skippedRows: number;
}

export interface PanelSource {
  readonly scope: UsageScope;
  /** False for billing scopes: Commerce has no UsageAggregates or RateCard there. */
  readonly hasEstimate: boolean;
  /** Priced usage covering `range`; only asked when `hasEstimate`. */
  estimate(range: DayRange, granularity: Granularity, signal?: AbortSignal): Promise<PricedUsage>;
  /**
   * Actual daily cost covering `range`, in a cube from which `groupBy` can be derived. Sources
   * answer every grouping they can from one query; `known` lends resource details (tags, regions).
   */
  actual(range: DayRange, groupBy: GroupByKey, known?: DimensionTable, signal?: AbortSignal): Promise<ActualCosts>;
  /** Earlier periods' daily totals and Cost Management's forecast, for the month-end forecast (absent: no forecast inputs beyond the period's own days). */
  readonly forecasts?: ForecastFetches;
  /** The groupings offered; with `cube`, also those its data brings (e.g. one per tag key seen). */
  groupings(cube?: CostCube): GroupByKey[];
  /**
   * Forget cached data (Refresh). With `olderThanMs`, only answers that arrived longer ago than
   * that: queries in flight and fresh answers stay shared (the status bar's scheduled refresh).
   */
  clear(olderThanMs?: number): void;
}

/** Keeps promises of fetches by range, so a range inside a cached (or in-flight) one reuses it; failures are forgotten. */
export class RangeCache<T> {
  private readonly entries: Array<{ range: DayRange; tag: string; result: Promise<T>; settledAt?: number }> = [];

  constructor(private readonly now: () => number = Date.now) {}

  get(range: DayRange, tag: string, load: () => Promise<T>): Promise<T> {
    const cached = this.entries.find((e) => e.tag === tag && e.range.first <= range.first && e.range.last >= range.last);
    if (cached) { return cached.result; }
    const result = load();
    const entry: { range: DayRange; tag: string; result: Promise<T>; settledAt?: number } = { range, tag, result };
    this.entries.push(entry);
    result.then(
      () => (entry.settledAt = this.now()),
      () => undefined,
    );
    // A failed load is not kept: Retry must fetch again.
    result.catch(() => {
      const at = this.entries.indexOf(entry);
      if (at >= 0) { this.entries.splice(at, 1); }
    });
    return result;
  }

  /** Without an age, forgets everything; with one, only answers that arrived more than `olderThanMs` ago. */
  clear(olderThanMs?: number): void {
    if (olderThanMs === undefined) {
      this.entries.length = 0;
      return;
    }
    const cutoff = this.now() - olderThanMs;
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const settledAt = this.entries[i].settledAt;
      if (settledAt !== undefined && settledAt < cutoff) {this.entries.splice(i, 1);}
    }
  }
}
