// The world's second promise, checked through the routes: every invoice's charges equal the costs
// Cost Management reports for the invoice's scope and service period (MCA: the billing profile;
// EA: the enrollment; MOSP: the subscription), and each per-subscription line equals that
// subscription's costs for the period.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Emulator } from '../../emulator/server';
import type { WorldSubscription } from '../../emulator/world/types';
import { armFetch, jsonAs, useEmulator } from '../../support/emulator';
import type { QueryResult } from '../../support/wireShapes';


interface InvoiceView {
  name: string;
  accountName: string;
  profileName?: string;
  subscriptionId?: string;
  currency: string;
  periodStart: string;
  periodEnd: string;
  documentType: string;
  chargesCents: number;
  lines: Array<{ subscriptionId?: string; cents: number }>;
}
interface AccountView {
  name: string;
  tenantId: string;
}
interface BillingView {
  accounts: AccountView[];
  invoicesOfAccount(account: AccountView): InvoiceView[];
}

const worldOf = (e: Emulator) => e.world as unknown as { subscriptions: WorldSubscription[]; billing?: BillingView };

/** Cents per currency that Cost Management reports for a scope and an inclusive day range. */
async function reportedCents(e: Emulator, tenantId: string, scope: string, from: string, to: string): Promise<Map<string, number>> {
  const body = JSON.stringify({ type: 'ActualCost', timeframe: 'Custom', timePeriod: { from: `${from}T00:00:00Z`, to: `${to}T23:59:59Z` }, dataset: { aggregation: { c: { name: 'Cost', function: 'Sum' } } } });
  let url: string | null = `/${scope}/providers/Microsoft.CostManagement/query?api-version=2023-11-01`;
  const out = new Map<string, number>();
  while (url) {
    const res = await armFetch(e, url, { token: e.issueToken(tenantId), method: 'POST', body, headers: { 'content-type': 'application/json' } });
    if (res.status === 204) { break; }
    assert.equal(res.status, 200, await res.clone().text());
    const json = await jsonAs<QueryResult<[number, string]>>(res); // Cost, Currency
    for (const [cost, currency] of json.properties.rows) { out.set(currency, (out.get(currency) ?? 0) + Math.round(cost * 100)); }
    url = json.properties.nextLink;
  }
  return out;
}

describe('invariant: invoices = Cost Management charges of their period', () => {
  const emu = useEmulator();

  it('holds for every invoice of every account, and for every per-subscription line', async (t) => {
    const e = emu();
    const billing = worldOf(e).billing;
    assert.ok(billing && typeof billing.invoicesOfAccount === 'function', 'the billing side lists invoices');
    const subs = new Map(worldOf(e).subscriptions.map((s) => [s.subscriptionId, s]));
    let checked = 0;
    let lines = 0;
    for (const account of billing.accounts) {
      const prefix = `providers/Microsoft.Billing/billingAccounts/${account.name}`;
      for (const inv of billing.invoicesOfAccount(account)) {
        if (inv.documentType !== 'Invoice') { continue; }
        const scope = inv.subscriptionId ? `subscriptions/${inv.subscriptionId}` : inv.profileName ? `${prefix}/billingProfiles/${inv.profileName}` : prefix;
        const tenant = inv.subscriptionId ? subs.get(inv.subscriptionId)!.tenantId : account.tenantId;
        const reported = await reportedCents(e, tenant, scope, inv.periodStart, inv.periodEnd);
        assert.ok([...reported.keys()].every((c) => c === inv.currency), `${inv.name}: costs in the invoice's currency only`);
        assert.equal(reported.get(inv.currency) ?? 0, inv.chargesCents, `${inv.name} (${inv.periodStart}..${inv.periodEnd}) charges`);
        checked++;
        for (const line of inv.lines.filter((l) => l.subscriptionId && subs.has(l.subscriptionId))) {
          const sub = subs.get(line.subscriptionId!)!;
          const own = await reportedCents(e, sub.tenantId, `subscriptions/${sub.subscriptionId}`, inv.periodStart, inv.periodEnd);
          assert.equal(own.get(sub.currency) ?? 0, line.cents, `${inv.name} line for ${sub.displayName}`);
          lines++;
        }
      }
    }
    assert.ok(checked >= 20, `checked ${checked} invoices`);
    assert.ok(lines >= checked, `checked ${lines} invoice lines`);
    t.diagnostic(`${checked} invoices and ${lines} lines match Cost Management to the cent`);
  });
});
