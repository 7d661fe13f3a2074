// A chargeback of a billing profile against the emulator, through the real client: the owners add
// up to the profile's Cost Management total for the month to the cent, each owner's direct cost is
// what Cost Management says for that tag value, and the whole scope costs one query per tag key
// (never one per subscription). Expectations come from separate Cost Management queries.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { costScopes, queryCost } from '../../../src/billing/costQuery';
import { allocateChargeback } from '../../../src/insight/chargeback/allocate';
import type { ChargebackRules } from '../../../src/insight/chargeback/rules';
import { chargebackCostRows } from '../../../src/views/chargeback/chargebackCosts';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { testClient } from '../azure/clientFixture';

const emulator = useEmulator();
const QUERY_ROUTE = 'POST /{*scope}/providers/Microsoft.CostManagement/query';

/** The calendar month before the emulator's fixed date: a closed billing period. */
function lastMonth(): { from: string; to: string } {
  const first = new Date(`${FIXED_AS_OF.slice(0, 8)}01T00:00:00Z`);
  const end = new Date(first.getTime() - 86_400_000);
  return { from: `${end.toISOString().slice(0, 8)}01`, to: end.toISOString().slice(0, 10) };
}

async function exactTotals(client: Parameters<typeof queryCost>[0], scope: string, period: { from: string; to: string }, tagValues?: string[]): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  // Without the shared resources: those go to the shared rule, whatever their cost centre.
  const filter = tagValues === undefined ? undefined : { tag: 'costCenter', values: tagValues };
  for await (const row of queryCost(client, scope, { period, granularity: 'None', filter })) totals.set(row.cost.currency, (totals.get(row.cost.currency) ?? 0) + row.cost.amount);
  return totals;
}

test('a billing profile split by cost centre adds up to its Cost Management total, with one query per tag key', async () => {
  const emu = emulator();
  const account = emu.world.billing.visibleAccounts(emu.tenantId).find((a) => a.agreementType === 'MicrosoftCustomerAgreement')!;
  const profile = account.profiles.find((p) => account.subscriptions.some((s) => s.billingProfileName === p.name))!;
  const rules: ChargebackRules = {
    scope: { kind: 'billingProfile', billingAccountName: account.name, billingProfileName: profile.name },
    tagKeys: ['CostCenter', 'owner'],
    // The emulator's tag mess: `cc-1001`, ` CC-1001 `, `CC1001` are all CC-1001.
    normalization: { letterCase: 'upper', trimWhitespace: true, aliases: new Map([['cc1001', 'CC-1001'], ['cc2040', 'CC-2040'], ['cc3300', 'CC-3300']]) },
    untagged: { mode: 'unallocated' },
    shared: [{ name: 'Shared services', match: { tag: { key: 'workload', value: 'shared-services' } }, split: { mode: 'proportional' } }],
    owners: [],
  };
  const { client } = testClient(emu);
  const period = lastMonth();
  const before = emu.stats.byRoute[QUERY_ROUTE] ?? 0;
  const rows = await chargebackCostRows(client, rules, { period });
  assert.equal((emu.stats.byRoute[QUERY_ROUTE] ?? 0) - before, 3, 'one query per tag key (two owner keys, one shared-rule key) for the whole profile');

  const reports = allocateChargeback(rows, rules);
  const scope = costScopes.billingProfile(account.name, profile.name);
  const totals = await exactTotals(client, scope, period);
  assert.ok(reports.length > 0 && totals.size === reports.length, 'one report per currency');
  for (const report of reports) {
    const exact = totals.get(report.currency)!;
    assert.equal(report.total, BigInt(Math.round(exact * 100)), `${report.currency}: the rows add up to the rounded total`);
    assert.equal(report.owners.reduce((a, o) => a + o.total, 0n), report.total);
    const tagged = report.owners.filter((o) => o.owner !== 'Unallocated');
    assert.ok(tagged.length >= 2, 'several cost centres in the profile');
    for (const owner of tagged.filter((o) => o.owner.startsWith('CC-'))) {
      // Every raw spelling the rows carried for this owner, asked of Cost Management as a tag filter.
      const spellings = [...new Set(owner.sources.flatMap((s) => (s.kind === 'direct' ? [s.tagValue] : [])))];
      assert.ok(spellings.length >= 1);
      const expected = (await exactTotals(client, scope, period, spellings)).get(report.currency) ?? 0;
      const directRows = owner.sources.filter((s) => s.kind === 'direct').length;
      // Each row's cents are its exact amount rounded down or up, so an owner's sum is within its row count in cents.
      assert.ok(Math.abs(Number(owner.direct) - expected * 100) < Math.max(1, directRows), `${owner.owner}: ${owner.direct} cents vs ${expected}`);
    }
  }
});
