// Actual cost of a billing profile or billing account from Cost Management
// (docs/azure-apis.md#cost-management). Cost Management allows only a few queries a minute per
// scope, so one query grouped by subscription and meter category answers both of those groupings,
// every period inside a fetched one and every panel of the same scope; another query is made only
// when the person asks for a grouping those two dimensions cannot give (service, resource group,
// region, meter), once per grouping and period. Identical queries in flight are shared, not
// repeated.

import type { Logger } from '../../azure/log';
import type { ArmTransport } from '../../azure/transport';
import { Grouping, queryDailyCost } from '../../billing/costQuery';
import { listSubscriptionsByAccount, listSubscriptionsByProfile } from '../../billing/subscriptions';
import { collectActualCosts } from '../../insight/actualCosts';
import { formatIsoDate } from '../../insight/calendar';
import { CostCube, DayRange, Granularity } from '../../insight/costCube';
import { GroupByKey } from '../../shared/usagePanelMessages';
import { ForecastFetches } from './forecastFetches';
import { ActualCosts, PanelSource, PricedUsage, RangeCache } from './panelSource';
import { BillingScope, costScopeOf } from './usageScope';

/** The query every grouping below is derived from, unless it needs its own. */
const BASE_GROUPING: Grouping[] = [
  { type: 'Dimension', name: 'SubscriptionId' },
  { type: 'Dimension', name: 'MeterCategory' },
];

/** Groupings the base query cannot give, and the dimensions that can (≤ 2 per query). */
const OWN_QUERY: Partial<Record<GroupByKey, Grouping[]>> = {
  service: [{ type: 'Dimension', name: 'ResourceType' }],
  resourceGroup: [{ type: 'Dimension', name: 'ResourceGroupName' }],
  region: [{ type: 'Dimension', name: 'ResourceLocation' }],
  meter: [
    { type: 'Dimension', name: 'MeterCategory' },
    { type: 'Dimension', name: 'Meter' },
  ],
};

export const BILLING_GROUPINGS: GroupByKey[] = ['subscription', 'meterCategory', 'service', 'resourceGroup', 'region', 'meter'];

export class BillingCostSource implements PanelSource {
  readonly hasEstimate = false;
  private readonly queries = new RangeCache<ActualCosts>();
  private names: Promise<Map<string, string>> | undefined;
  /** Cost Management queries sent for the chart (tests and logs read it); the forecast's are counted by `forecasts`. */
  queryCount = 0;
  readonly forecasts: ForecastFetches;

  constructor(
    private readonly transport: ArmTransport,
    readonly scope: BillingScope,
    private readonly logger?: Logger,
  ) {
    this.forecasts = new ForecastFetches(transport, costScopeOf(scope), true);
  }

  estimate(_range: DayRange, _granularity: Granularity): Promise<PricedUsage> {
    return Promise.reject(new Error('Billing profiles and accounts have no usage estimate; the panel shows actual cost.'));
  }

  actual(range: DayRange, groupBy: GroupByKey): Promise<ActualCosts> {
    const own = OWN_QUERY[groupBy];
    const grouping = own ?? BASE_GROUPING;
    const tag = grouping.map((g) => g.name).join('+');
    // No caller's signal: a query is shared by whoever asks for the same days, and its answer is
    // worth keeping even when the person has moved on.
    return this.queries.get(range, tag, async () => {
      const names = own ? undefined : await this.subscriptionNames();
      this.queryCount++;
      const rows = queryDailyCost(this.transport, costScopeOf(this.scope), {
        period: { from: formatIsoDate(range.first), to: formatIsoDate(range.last) },
        groupBy: grouping,
      });
      const collected = await collectActualCosts(rows, range, undefined, { subscriptionNames: names });
      return { ...collected, range, skippedRows: rows.report.skippedRows.length };
    });
  }

  groupings(_cube?: CostCube): GroupByKey[] {
    return BILLING_GROUPINGS;
  }

  clear(olderThanMs?: number): void {
    this.queries.clear(olderThanMs);
    // A full Refresh only: the status bar's periodic refresh keeps the panel's forecast inputs.
    if (olderThanMs === undefined) {this.forecasts.clear();}
    // Subscription names are a Billing list, not a query: a full Refresh reads them again.
    if (olderThanMs === undefined) {this.names = undefined;}
  }

  /**
   * Subscription names by id, from the billing subscriptions list (a Billing call, not a Cost
   * Management query, so it costs no query quota). Without them the panel shows ids.
   */
  private subscriptionNames(): Promise<Map<string, string>> {
    this.names ??= (async () => {
      const names = new Map<string, string>();
      try {
        const s = this.scope;
        const list = s.kind === 'billingProfile' ? listSubscriptionsByProfile(this.transport, { accountName: s.accountName, name: s.profileName ?? '' }) : listSubscriptionsByAccount(this.transport, { name: s.accountName });
        for await (const sub of list) { if (sub.subscriptionId && sub.displayName) { names.set(sub.subscriptionId.toLowerCase(), sub.displayName); } }
      } catch (error) {
        this.logger?.warn(`Usage panel ${this.scope.label}: subscription names could not be listed, showing ids (${error instanceof Error ? error.message : String(error)}).`);
      }
      return names;
    })();
    return this.names;
  }
}
