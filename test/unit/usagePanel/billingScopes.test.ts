// The panel for billing profiles and accounts against the emulator: actual cost from Cost
// Management equals the world's own daily cost of the subscriptions billed there, per currency
// (never one total across currencies), and every grouping derivable from the one query is
// shown without another query.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DayNumber, parseIsoDate } from '../../../src/insight/calendar';
import { PanelSelection } from '../../../src/shared/usagePanelMessages';
import { buildPanelData } from '../../../src/views/usagePanel/panelModel';
import { BillingCostSource } from '../../../src/views/usagePanel/billingCostSource';
import { UsageCostSource } from '../../../src/views/usagePanel/usageCostSource';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { testClient } from '../azure/clientFixture';
import { panelTextsForTests } from './panelTextsFixture';

const emulator = useEmulator();
const today: DayNumber = parseIsoDate(FIXED_AS_OF)!;
const lastMonth: PanelSelection = { groupBy: 'subscription', period: { preset: 'lastMonth' }, view: 'cost', source: 'actual' };

type World = ReturnType<typeof emulator>['world'];
const dailyCost = (world: World, id: string, day: string) => (world.usage as unknown as { dailyCost(id: string, day: string): number }).dailyCost(id, day);

/** Expected minor units per currency: the world's cost of every subscription billed in the scope, summed over the days. */
function expectedTotals(world: World, subs: World['subscriptions'], days: string[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const s of subs) { totals.set(s.currency, (totals.get(s.currency) ?? 0) + days.reduce((sum, d) => sum + dailyCost(world, s.subscriptionId, d), 0)); }
  return new Map([...totals].map(([c, v]) => [c, Math.round(v * 100)]));
}

function mcaAccount() {
  const emu = emulator();
  const subs = emu.world.subscriptions.filter((s) => s.agreementType === 'MicrosoftCustomerAgreement' && s.tenantId === emu.tenantId);
  const accountName = subs[0].billingAccountName;
  return { emu, accountName, subs: subs.filter((s) => s.billingAccountName === accountName) };
}

test('a billing profile in euros shows the actual cost of its subscriptions, by subscription name', async () => {
  const { emu, accountName, subs } = mcaAccount();
  const eur = subs.filter((s) => s.currency === 'EUR');
  assert.ok(eur.length > 0, 'the MCA account has a profile billed in euros');
  const profileName = eur[0].billingProfileName!;
  const inProfile = subs.filter((s) => s.billingProfileName === profileName);
  const { client } = testClient(emu);
  const source = new BillingCostSource(client, { kind: 'billingProfile', accountName, profileName, label: 'Europe' });
  const r = await buildPanelData(source, lastMonth, { today }, panelTextsForTests);
  assert.ok(r.kind === 'series', JSON.stringify(r));
  if (r.kind !== 'series') { return; }
  assert.deepEqual(r.payload.sources, ['actual']);
  assert.deepEqual(r.payload.currencies.map((c) => c.currency), ['EUR']);
  const expected = expectedTotals(emu.world, inProfile, r.payload.buckets).get('EUR')!;
  // The world rounds nothing; Cost Management rows are rounded per row: a cent per subscription-day at most.
  assert.ok(Math.abs(r.payload.currencies[0].total - expected) <= inProfile.length * r.payload.buckets.length, `${r.payload.currencies[0].total} vs ${expected}`);
  const withCost = inProfile.filter((s) => r.payload.buckets.some((d) => dailyCost(emu.world, s.subscriptionId, d) > 0));
  assert.deepEqual(r.payload.currencies[0].groups.map((g) => g.label).sort(), withCost.map((s) => s.displayName).sort());
  assert.equal(r.payload.hourlyAvailable, false);
  assert.deepEqual(r.payload.forecast, []);
});

test('a billing account that bills in two currencies shows each on its own, never one total', async () => {
  const { emu, accountName, subs } = mcaAccount();
  const { client } = testClient(emu);
  const source = new BillingCostSource(client, { kind: 'billingAccount', accountName, label: 'Contoso' });
  const r = await buildPanelData(source, lastMonth, { today }, panelTextsForTests);
  assert.ok(r.kind === 'series');
  if (r.kind !== 'series') { return; }
  const expected = expectedTotals(emu.world, subs, r.payload.buckets);
  assert.deepEqual(r.payload.currencies.map((c) => c.currency), [...expected.keys()].sort());
  assert.ok(r.payload.currencies.length >= 2, 'USD and EUR profiles under one account');
  for (const c of r.payload.currencies) {
    assert.ok(Math.abs(c.total - expected.get(c.currency)!) <= subs.length * r.payload.buckets.length, `${c.currency}: ${c.total} vs ${expected.get(c.currency)}`);
    assert.equal(c.total, c.groups.reduce((s, g) => s + g.total, 0));
  }
});

test('switching between groupings the one query covers sends no other query; another grouping sends one, once', async () => {
  const { emu, accountName } = mcaAccount();
  const { client, recorder } = testClient(emu);
  const source = new BillingCostSource(client, { kind: 'billingAccount', accountName, label: 'Contoso' });
  // First pages only: a query of many rows comes back in several pages, re-POSTed to nextLink.
  const queries = () => recorder.countWhere((e) => /Microsoft\.CostManagement\/query/i.test(e.url) && !/skiptoken/i.test(e.url));
  const bySubscription = await buildPanelData(source, lastMonth, { today }, panelTextsForTests);
  const first = queries();
  assert.equal(first, 1);
  const byCategory = await buildPanelData(source, { ...lastMonth, groupBy: 'meterCategory' }, { today }, panelTextsForTests);
  // A shorter period inside the fetched one is cut from it too.
  await buildPanelData(source, { ...lastMonth, period: { preset: 'custom', from: '2026-10-05', to: '2026-10-09' } }, { today }, panelTextsForTests);
  assert.equal(queries(), 1);
  assert.ok(bySubscription.kind === 'series' && byCategory.kind === 'series');
  if (bySubscription.kind !== 'series' || byCategory.kind !== 'series') { return; }
  assert.deepEqual(byCategory.payload.currencies.map((c) => c.total), bySubscription.payload.currencies.map((c) => c.total));

  const byRegion = await buildPanelData(source, { ...lastMonth, groupBy: 'region' }, { today }, panelTextsForTests);
  await buildPanelData(source, { ...lastMonth, groupBy: 'region' }, { today }, panelTextsForTests);
  assert.equal(queries(), 2);
  assert.ok(byRegion.kind === 'series' && byRegion.payload.currencies[0].groups.every((g) => g.kind === 'value'), 'every row has a region');
  if (byRegion.kind === 'series') { assert.deepEqual(byRegion.payload.currencies.map((c) => c.total), bySubscription.payload.currencies.map((c) => c.total)); }
});

test('two panels asking at once share one query in flight', async () => {
  const { emu, accountName } = mcaAccount();
  const { client, recorder } = testClient(emu);
  const source = new BillingCostSource(client, { kind: 'billingAccount', accountName, label: 'Contoso' });
  const [a, b] = await Promise.all([buildPanelData(source, lastMonth, { today }, panelTextsForTests), buildPanelData(source, { ...lastMonth, groupBy: 'meterCategory' }, { today }, panelTextsForTests)]);
  assert.equal(a.kind, 'series');
  assert.equal(b.kind, 'series');
  assert.equal(recorder.countWhere((e) => /Microsoft\.CostManagement\/query/i.test(e.url) && !/skiptoken/i.test(e.url)), 1);
});

test('a grouping only subscriptions have (Resource) falls back to the first grouping of the scope', async () => {
  const { emu, accountName } = mcaAccount();
  const { client } = testClient(emu);
  const source = new BillingCostSource(client, { kind: 'billingAccount', accountName, label: 'Contoso' });
  const r = await buildPanelData(source, { ...lastMonth, groupBy: 'resource' }, { today }, panelTextsForTests);
  assert.ok(r.kind === 'series' && r.payload.selection.groupBy === 'subscription');
  assert.ok(r.kind === 'series' && !r.payload.groupings.some((g) => g.key === 'resource'));
});

test('a Microsoft Customer Agreement plan subscription (offer MS-AZR-0017G, as the tree gives it) shows actual cost, not an error', async () => {
  const emu = emulator();
  const plan = emu.world.subscriptions.find((s) => s.offerId === 'MS-AZR-0017G' && s.tenantId === emu.tenantId);
  assert.ok(plan, 'the world has an MCA plan subscription');
  const { client, recorder } = testClient(emu);
  const source = new UsageCostSource(client, { subscriptionId: plan.subscriptionId, label: plan.displayName, offerDurableId: plan.offerId });
  const r = await buildPanelData(source, { ...lastMonth, groupBy: 'meterCategory', source: 'estimate' }, { today }, panelTextsForTests);
  assert.ok(r.kind === 'series', JSON.stringify(r));
  if (r.kind !== 'series') { return; }
  assert.deepEqual(r.payload.sources, ['actual']);
  assert.ok(r.payload.notes.some((n) => n.startsWith('no estimate: ')));
  const expected = expectedTotals(emu.world, [plan], r.payload.buckets).get(plan.currency)!;
  assert.ok(Math.abs(r.payload.currencies[0].total - expected) <= r.payload.buckets.length);
  assert.equal(recorder.countWhere((e) => /Microsoft\.Commerce/i.test(e.url)), 0);
});
