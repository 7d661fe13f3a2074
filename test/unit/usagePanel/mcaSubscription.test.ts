// A subscription under a Microsoft Customer Agreement billing profile is on an Azure plan, billed in
// the profile's currency, and RateCard does not price it: its panel must open on actual cost in
// that currency, and never offer an estimate in another one (the tree says €, the panel said $).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listSubscriptionsByProfile } from '../../../src/billing/subscriptions';
import { parseIsoDate } from '../../../src/insight/calendar';
import { buildPanelData } from '../../../src/views/usagePanel/panelModel';
import { UsageCostSource } from '../../../src/views/usagePanel/usageCostSource';
import { SubscriptionScope, defaultSelectionFor, hasRateCard, scopeFromArgument, subscriptionTerms } from '../../../src/views/usagePanel/usageScope';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { testClient } from '../azure/clientFixture';
import { panelTextsForTests as texts } from './panelTextsFixture';

const emulator = useEmulator();
const today = parseIsoDate(FIXED_AS_OF)!;

/** The EUR profile of the home tenant's MCA account and one of its subscriptions, as billing lists it. */
async function euroSubscription() {
  const emu = emulator();
  const account = emu.world.billing.accounts.find((a) => a.tenantId === emu.tenantId && a.agreementType === 'MicrosoftCustomerAgreement');
  const profile = account?.profiles.find((p) => p.currency === 'EUR');
  assert.ok(account && profile, 'the world has an MCA account with a EUR profile');
  const { client, recorder } = testClient(emu);
  const { items } = await listSubscriptionsByProfile(client, { accountName: account.name, name: profile.name }).all();
  const billed = items.find((s) => s.displayName === 'Contoso EU Prod');
  assert.ok(billed, 'Contoso EU Prod is billed through the EUR profile');
  // What the explorer's subscription node hands the command.
  const node = { subscription: billed, scope: { connection: { tenant: { tenantId: emu.tenantId } }, account: { name: account.name, agreementType: account.agreementType } } };
  return { emu, client, recorder, billed, scope: scopeFromArgument(node) as SubscriptionScope };
}

test('a subscription under an MCA profile is on an Azure plan in the profile\'s currency', async () => {
  const { scope, billed } = await euroSubscription();
  assert.equal(billed.monthToDateCharges?.currency, 'EUR');
  assert.equal(scope.offerDurableId, 'MS-AZR-0017G');
  assert.equal(scope.currency, 'EUR');
  assert.equal(hasRateCard(scope.offerDurableId), false);
  assert.equal(subscriptionTerms({ skuDescription: 'Microsoft Azure Dev/Test', profileName: 'P' }).offerDurableId, 'MS-AZR-0148G');
  // A pay-as-you-go subscription keeps the offer billing lists for it.
  assert.deepEqual(subscriptionTerms({ offerId: 'MS-AZR-0003P', monthToDateCharges: { currency: 'USD' } }, 'MicrosoftOnlineServicesProgram'), { offerDurableId: 'MS-AZR-0003P', currency: 'USD' });
});

test('its panel opens on actual cost in euros, with no estimate and no RateCard fetched', async () => {
  const { client, recorder, scope } = await euroSubscription();
  const selection = defaultSelectionFor(scope);
  assert.equal(selection.source, 'actual');
  const result = await buildPanelData(new UsageCostSource(client, scope), selection, { today }, texts);
  assert.equal(result.kind, 'series');
  if (result.kind !== 'series') { return; }
  assert.equal(result.payload.selection.source, 'actual');
  assert.deepEqual(result.payload.sources, ['actual']);
  assert.deepEqual(result.payload.currencies.map((c) => c.currency), ['EUR']);
  assert.equal(recorder.countWhere((e) => /RateCard/i.test(e.url)), 0, 'no RateCard was asked for');
});

test('picked without its terms (from the palette), no estimate is offered in another currency than the bill', async () => {
  const { client, scope } = await euroSubscription();
  const bare: SubscriptionScope = { kind: 'subscription', subscriptionId: scope.subscriptionId, tenantId: scope.tenantId, label: scope.label };
  const selection = defaultSelectionFor(bare);
  assert.equal(selection.source, 'actual', 'an unknown offer opens on actual cost');
  // Even when the person asks for the estimate, USD list prices are not shown beside a EUR bill.
  const result = await buildPanelData(new UsageCostSource(client, bare), { ...selection, source: 'estimate' }, { today }, texts);
  assert.equal(result.kind, 'series');
  if (result.kind !== 'series') { return; }
  assert.deepEqual(result.payload.sources, ['actual']);
  assert.deepEqual(result.payload.currencies.map((c) => c.currency), ['EUR']);
  assert.ok(result.payload.notes.includes('no estimate in USD: billed in EUR'), result.payload.notes.join(' | '));
});

test('a pay-as-you-go subscription still opens on the estimate', () => {
  assert.equal(defaultSelectionFor({ subscriptionId: 's', label: 'PAYG', offerDurableId: 'MS-AZR-0003P', currency: 'USD' }).source, 'estimate');
  assert.equal(defaultSelectionFor({ subscriptionId: 's', label: 'EA', offerDurableId: 'MS-AZR-0017P' }).source, 'actual');
  assert.equal(defaultSelectionFor({ kind: 'billingProfile', accountName: 'a', profileName: 'p', label: 'P' }).source, 'actual');
});
