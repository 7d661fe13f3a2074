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

/** Two at a time: Cost Management's per-scope limit is the bottleneck, not the network. */
const PARALLEL_QUERIES = 2;

export interface ChargebackCostOptions {
  /** Inclusive calendar days, e.g. a closed billing month. */
  period: { from: string; to: string };
  signal?: AbortSignal;
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
    async ({ scope, query }): Promise<AnsweredRow[]> => {
      const rows: AnsweredRow[] = [];
      const listing = queryCost(transport, scope, { period: options.period, granularity: 'None', groupBy: [...query.groupBy], signal: options.signal });
      for await (const row of listing) rows.push({ amount: row.cost.amount, currency: row.cost.currency, dimensions: row.dimensions });
      return rows;
    },
    options.signal,
  );
  // Answers come back in job order: per scope, the plan's queries in the plan's order.
  const joined = [];
  for (let s = 0; s < answers.length; s += plan.length) joined.push(...joinAnswers(plan, answers.slice(s, s + plan.length)));
  return rowsInCents(joined);
}
