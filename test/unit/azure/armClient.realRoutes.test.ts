// The client against the emulator's own API routes (not test routes): subscriptions and billing
// accounts paged through `$skiptoken` nextLinks, a Cost Management query re-POSTed page by page
// and checked against the world's daily costs, and the invoice download operation down to the PDF.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { usageWorldOf } from '../../emulator/world/usage/access';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { collect, testClient } from './clientFixture';

type Named = { name: string; id: string };

describe('ArmClient against the emulator\'s real routes', () => {
  // Small pages so that every list needs several requests.
  const emu = useEmulator({ settings: { pageSize: 2, downloadPolls: 1, retryAfterSeconds: 0 } });

  it('lists every subscription of the signed-in tenant across pages', async () => {
    const e = emu();
    const { client, recorder } = testClient(e);
    const expected = e.world.subscriptions.filter((s) => s.tenantId === e.tenantId).map((s) => s.subscriptionId).sort();
    const subs = await collect(client.list<{ subscriptionId: string }>('/subscriptions', { query: { 'api-version': '2022-12-01' } }));
    assert.deepEqual(subs.map((s) => s.subscriptionId).sort(), expected);
    assert.ok(expected.length > 2, 'the small world has more subscriptions than one page holds');
    assert.equal(recorder.count, Math.ceil(expected.length / 2));
    client.dispose();
  });

  it('lists the billing accounts the tenant may see, every page', async () => {
    const e = emu();
    const { client } = testClient(e);
    const expected = e.world.billing.visibleAccounts(e.tenantId).map((a) => a.name).sort();
    const accounts = await collect(client.list<Named>('/providers/Microsoft.Billing/billingAccounts', { query: { 'api-version': '2024-04-01' } }));
    assert.deepEqual(accounts.map((a) => a.name).sort(), expected);
    assert.ok(expected.length >= 2);
    client.dispose();
  });

  it('re-POSTs a Cost Management query through every page; daily rows equal the world\'s daily costs', async () => {
    const e = emu();
    const { client, recorder } = testClient(e);
    // The usage side of the world: the costs Cost Management reports are computed from it.
    const usage = usageWorldOf(e.world);
    const sub = e.world.subscriptions.find((s) => s.tenantId === e.tenantId && usage.costBetween(s.subscriptionId, '2026-11-01', '2026-11-07') > 0);
    assert.ok(sub, 'a subscription with usage in the first week of November');
    const body = {
      type: 'ActualCost', timeframe: 'Custom', timePeriod: { from: '2026-11-01T00:00:00Z', to: '2026-11-07T23:59:59Z' },
      dataset: { granularity: 'Daily', aggregation: { totalCost: { name: 'Cost', function: 'Sum' } } },
    };
    const pages = await collect(client.queryPages(`subscriptions/${sub.subscriptionId}/providers/Microsoft.CostManagement/query`, body, { query: { 'api-version': '2023-11-01' } }));
    assert.equal(pages.length, 4, '7 days in pages of 2');
    assert.ok(recorder.events.every((ev) => ev.method === 'POST'));
    const byDay = new Map<string, number>();
    for (const page of pages) {
      const at = (name: string) => page.columns.findIndex((c) => c.name === name);
      for (const row of page.rows) {
        const d = String(row[at('UsageDate')]);
        byDay.set(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, row[at('Cost')] as number);
        assert.equal(row[at('Currency')], sub.currency);
      }
    }
    assert.equal(byDay.size, 7);
    for (const [day, cost] of byDay) {
      const expected = usage.dailyCost(sub.subscriptionId, day);
      assert.ok(Math.abs(cost - expected) < 0.005, `${day}: query says ${cost}, world says ${expected}`);
    }
    client.dispose();
  });

  it('runs the invoice download operation (202 → poll → 200) and fetches the PDF without a token', async () => {
    const e = emu();
    const { client, recorder } = testClient(e);
    const account = e.world.billing.visibleAccounts(e.tenantId).find((a) => a.agreementType === 'MicrosoftCustomerAgreement');
    assert.ok(account);
    const invoice = e.world.billing.invoicesOfAccount(account).find((i) => i.periodEnd < FIXED_AS_OF);
    assert.ok(invoice);
    const link = await client.longRunning<{ url: string; expiryTime?: string }>(
      `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(account.name)}/invoices/${invoice.name}/download`, undefined,
      { query: { 'api-version': '2024-04-01' } });
    assert.deepEqual(recorder.events.map((ev) => `${ev.method} ${ev.status}`).slice(0, 2), ['POST 202', 'GET 202']);
    const res = await client.fetchUnauthenticated(link.url);
    assert.equal(res.status, 200);
    const chunks: Buffer[] = [];
    for await (const chunk of res.body as AsyncIterable<Buffer>) { chunks.push(chunk); }
    assert.equal(Buffer.concat(chunks).subarray(0, 5).toString(), '%PDF-');
    client.dispose();
  });

  it('RateCard: getRaw hands back the 302, and the blob it names is fetched without the token', async () => {
    const e = emu();
    const { client, recorder } = testClient(e);
    const sub = e.world.subscriptions.find((s) => s.tenantId === e.tenantId && s.offerId === 'MS-AZR-0003P');
    assert.ok(sub, 'a pay-as-you-go subscription in the home tenant');
    const path = `/subscriptions/${sub.subscriptionId}/providers/Microsoft.Commerce/RateCard`;
    const query = { 'api-version': '2015-06-01-preview', $filter: `OfferDurableId eq 'MS-AZR-0003P' and Currency eq '${sub.currency}' and Locale eq 'en-US' and RegionInfo eq '${sub.regionInfo}'` };
    const raw = await client.getRaw(path, { query });
    assert.equal(raw.status, 302);
    const location = raw.headers.location;
    assert.match(location, /\/blob\/ratecards\/.*sig=/);
    assert.equal(recorder.count, 1, 'the redirect was not followed');
    const blob = await client.fetchUnauthenticated(location);
    assert.equal(blob.status, 200);
    const chunks: Buffer[] = [];
    for await (const chunk of blob.body as AsyncIterable<Buffer>) { chunks.push(chunk); }
    const doc = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Currency?: unknown; Meters?: unknown };
    assert.equal(doc.Currency, sub.currency);
    assert.ok(Array.isArray(doc.Meters) && doc.Meters.length > 0);
    client.dispose();
  });

  it('RateCard through a plain get: the redirect to the blob is followed without the token, and the blob answers the document', async () => {
    const e = emu();
    const { client } = testClient(e);
    const sub = e.world.subscriptions.find((s) => s.tenantId === e.tenantId && s.offerId === 'MS-AZR-0003P')!;
    const query = { 'api-version': '2015-06-01-preview', $filter: `OfferDurableId eq 'MS-AZR-0003P' and Currency eq '${sub.currency}' and Locale eq 'en-US' and RegionInfo eq '${sub.regionInfo}'` };
    // The blob refuses a request that carries Authorization (400 InvalidAuthenticationInfo): a 200 proves none was sent.
    const doc = await client.get<{ Currency: string; Meters: unknown[] }>(`/subscriptions/${sub.subscriptionId}/providers/Microsoft.Commerce/RateCard`, { query });
    assert.equal(doc?.Currency, sub.currency);
    assert.ok(Array.isArray(doc?.Meters) && doc.Meters.length > 0);
    client.dispose();
  });
});
