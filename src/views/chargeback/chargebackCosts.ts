// The cost rows a chargeback allocates: the planned Cost Management queries for the rules' scope
// (src/insight/chargeback/queryPlan.ts), run side by side with a bound (Cost Management allows
// only a few queries a minute per scope), joined and turned into cents. No vscode here, so the
// unit layer runs it against the emulator.

import type { ArmTransport } from '../../azure/transport';
import { mapWithConcurrency } from '../../azure/concurrency';
import { costScopes, queryCost } from '../../billing/costQuery';
import type { ChargeRow } from '../../insight/chargeback/allocate';
import { joinAnswers, planChargebackQueries, AnsweredRow } from '../../insight/chargeback/queryPlan';
import type { ChargebackRules, ChargebackScope } from '../../insight/chargeback/rules';
import { rowsInCents } from '../../insight/chargeback/toCents';
import { parseIsoDate } from '../../insight/calendar';
import { RangeCache } from '../usagePanel/panelSource';

/** Two at a time: Cost Management's per-scope limit is the bottleneck, not the network. */
const PARALLEL_QUERIES = 2;

export interface ChargebackCostOptions {
  /** Inclusive calendar days, e.g. a closed billing month. */
  period: { from: string; to: string };
  signal?: AbortSignal;
  /**
   * The answers kept per scope and grouping (the usage panel's RangeCache): running the report again,
   * for the same or a shorter period, asks Cost Management nothing new. Failed queries are not kept.
   */
  cache?: ChargebackQueryCache;
}

/** Kept answers, one RangeCache per Cost Management scope, keyed by the query's grouping. */
export class ChargebackQueryCache {
  private readonly byScope = new Map<string, RangeCache<AnsweredRow[]>>();

  get(scope: string, groupBy: unknown, period: { from: string; to: string }, load: () => Promise<AnsweredRow[]>): Promise<AnsweredRow[]> {
    const key = scope.toLowerCase();
    let cache = this.byScope.get(key);
    if (!cache) {
      cache = new RangeCache<AnsweredRow[]>();
      this.byScope.set(key, cache);
    }
    const range = { first: parseIsoDate(period.from) ?? 0, last: parseIsoDate(period.to) ?? 0 };
    // A longer cached range would answer with its extra days too: only the same period is reused.
    return cache.get(range, `${JSON.stringify(groupBy)}|${period.from}|${period.to}`, load);
  }

  clear(): void {
    this.byScope.clear();
  }
}

/** The Cost Management scope paths of the rules' scope (several only for a list of subscriptions). */
export function scopePaths(scope: ChargebackScope): string[] {
  switch (scope.kind) {
    case 'subscriptions':
      return scope.subscriptionIds.map((id) => costScopes.subscription(id));
    case 'billingProfile':
      return [costScopes.billingProfile(scope.billingAccountName, scope.billingProfileName)];
    case 'billingAccount':
      return [costScopes.billingAccount(scope.billingAccountName)];
  }
}

export async function chargebackCostRows(transport: ArmTransport, rules: ChargebackRules, options: ChargebackCostOptions): Promise<ChargeRow[]> {
  const plan = planChargebackQueries(rules);
  const jobs = scopePaths(rules.scope).flatMap((scope) => plan.map((query) => ({ scope, query })));
  const answers = await mapWithConcurrency(
    jobs,
    PARALLEL_QUERIES,
    ({ scope, query }): Promise<AnsweredRow[]> => {
      const load = async () => {
        const rows: AnsweredRow[] = [];
        const listing = queryCost(transport, scope, { period: options.period, granularity: 'None', groupBy: [...query.groupBy], signal: options.signal });
        for await (const row of listing) {rows.push({ amount: row.cost.amount, currency: row.cost.currency, dimensions: row.dimensions });}
        return rows;
      };
      return options.cache ? options.cache.get(scope, query.groupBy, options.period, load) : load();
    },
    options.signal,
  );
  // Answers come back in job order: per scope, the plan's queries in the plan's order.
  const joined = [];
  for (let s = 0; s < answers.length; s += plan.length) {joined.push(...joinAnswers(plan, answers.slice(s, s + plan.length)));}
  return rowsInCents(joined);
}
