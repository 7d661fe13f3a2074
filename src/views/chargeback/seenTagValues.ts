// What a new chargeback file starts from: the values of one tag key on last month's cost of a scope,
// from one Cost Management query per scope grouped by that key (a list of subscriptions is one scope
// each). No vscode, so the unit layer counts the queries against the emulator.
import type { ArmTransport } from '../../azure/transport';
import { queryCost } from '../../billing/costQuery';
import type { ChargebackScope } from '../../insight/chargeback/rules';
import type { SeenTagValue } from '../../insight/chargeback/startingRules';
import { scopePaths } from './chargebackCosts';

export async function seenTagValues(transport: ArmTransport, scope: ChargebackScope, tagKey: string, period: { from: string; to: string }, signal?: AbortSignal): Promise<SeenTagValue[]> {
  const seen: SeenTagValue[] = [];
  for (const path of scopePaths(scope)) {
    for await (const row of queryCost(transport, path, { period, granularity: 'None', groupBy: [{ type: 'TagKey', name: tagKey }], signal })) {
      seen.push({ value: row.dimensions.TagValue, amount: row.cost.amount });
    }
  }
  return seen;
}
