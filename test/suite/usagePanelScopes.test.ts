// The usage-and-cost panel for every kind of scope, in a real VS Code against the emulator: a
// subscription (estimate and actual), an offer without a rate card, a billing profile (USD and
// EUR) and a billing account opened from their tree nodes, and a throttled Cost Management query
// that ends in data. Every number is checked against the emulator's own Cost Management answer,
// fetched independently by the test.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PanelSelection, SeriesPayload } from '../../src/shared/usagePanelMessages';
import { accountNode, armList, profileNodeIn } from './explorerBillingHelpers';
import { addFault, emulatorToday, monthBefore } from './support/emulatorControl';
import { emulatorSuite } from './emulatorSuite';
import { PanelHandle, until } from './usagePanelHandle';
import { accountScope, CostAnswer, emulatorCost, profileScope } from './usagePanelEmulator';

// The month before the emulator's today is complete in its world, whatever day the suite runs on.
let FROM = '';
let TO = '';
let LAST_MONTH: PanelSelection;
/** On the first day of a month the billing period has no usage yet: the panel says so. */
let billingPeriodHasUsage = true;

/** Opens the panel as the command does and waits for the page's first answer. */
async function open(arg: unknown): Promise<PanelHandle> {
  const handle = await vscode.commands.executeCommand<PanelHandle>('azureBilling.showUsageAndCost', arg);
  assert.ok(handle && handle.panel, 'the command returns the panel it opened');
  const first = await until(() => (handle.lastPosted && handle.lastPosted.type !== 'loading' && handle.lastPosted.type !== 'init' ? handle.lastPosted : undefined), 90_000);
  assert.ok(first, 'the page asked for data and got an answer');
  return handle;
}

/** What the person sees after choosing `selection`. */
async function chosen(handle: PanelHandle, selection: PanelSelection): Promise<SeriesPayload> {
  handle.show(selection);
  await handle.whenSettled();
  const last = handle.lastPosted;
  assert.ok(last?.type === 'series', `answer: ${JSON.stringify(last)?.slice(0, 400)}`);
  return last.payload;
}

function assertTotals(payload: SeriesPayload, expected: CostAnswer, what: string): void {
  assert.deepStrictEqual(payload.currencies.map((c) => c.currency), [...expected.totals.keys()].sort(), `${what}: one series per currency`);
  for (const c of payload.currencies) {
    // The panel adds exact amounts and rounds once, as the test does: equal, give or take float noise of a cent.
    assert.ok(Math.abs(c.total - expected.totals.get(c.currency)!) <= 1, `${what} ${c.currency}: panel ${c.total}, Cost Management ${expected.totals.get(c.currency)}`);
    assert.strictEqual(c.total, c.bucketTotals.reduce((s, v) => s + v, 0), 'the total is the sum of the days');
    assert.strictEqual(c.total, c.groups.reduce((s, g) => s + g.total, 0), 'the total is the sum of the groups');
  }
}

describe('Azure Billing: usage and cost panel for every scope', function () {
  this.timeout(240_000);
  const host = emulatorSuite();
  const opened: PanelHandle[] = [];
  const tenantId = host.tenantId;

  before(async () => {
    const today = await emulatorToday();
    ({ from: FROM, to: TO } = monthBefore(today));
    LAST_MONTH = { groupBy: 'meterCategory', period: { preset: 'custom', from: FROM, to: TO }, view: 'cost', source: 'estimate' };
    billingPeriodHasUsage = !today.endsWith('-01');
  });

  afterEach(() => {
    for (const h of opened.splice(0)) { h.panel.dispose(); }
  });

  /** A subscription of the emulator's ARM list, by the name the world gives one of its offer. */
  async function subscriptionNamed(displayName: string) {
    const subs = await armList<{ subscriptionId: string; displayName: string }>('/subscriptions?api-version=2022-12-01');
    const found = subs.find((s) => s.displayName === displayName);
    assert.ok(found, `the emulator lists ${displayName}`);
    return found;
  }

  it('a pay-as-you-go subscription: the estimate beside the actual cost, which equals Cost Management\'s', async () => {
    const sub = await subscriptionNamed('Pay-As-You-Go');
    const handle = await open({ subscriptionId: sub.subscriptionId, tenantId, label: sub.displayName });
    opened.push(handle);
    const estimate = await chosen(handle, LAST_MONTH);
    assert.deepStrictEqual(estimate.sources, ['estimate', 'actual']);
    const expected = await emulatorCost(`subscriptions/${sub.subscriptionId}`, FROM, TO, 'MeterCategory');
    const [cmp] = estimate.comparison;
    assert.ok(Math.abs((cmp.totals.actual ?? 0) - expected.totals.get(cmp.currency)!) <= 1, `actual ${cmp.totals.actual} vs ${expected.totals.get(cmp.currency)}`);
    // The world bills usage × list rates, so the estimate is within a cent a day of the bill.
    assert.ok(Math.abs((cmp.totals.estimate ?? 0) - expected.totals.get(cmp.currency)!) <= 31, `estimate ${cmp.totals.estimate}`);
    const actual = await chosen(handle, { ...LAST_MONTH, source: 'actual' });
    assertTotals(actual, expected, 'subscription');
    const legend = actual.currencies[0].groups.filter((g) => g.kind === 'value').map((g) => g.label).sort();
    const categories = [...expected.groups.get(cmp.currency)!].filter(([, v]) => v !== 0).map(([k]) => k).sort();
    assert.deepStrictEqual(legend, categories.length > 6 ? legend : categories, 'one group per meter category Cost Management reports');
  });

  it('an offer without a rate card (Microsoft Azure Plan): actual cost only, saying why', async () => {
    // An MCA plan subscription (MS-AZR-0017G): priced by a negotiated price list, no RateCard.
    const sub = await subscriptionNamed('Contoso Platform Prod');
    const handle = await open({ subscriptionId: sub.subscriptionId, tenantId, label: sub.displayName, offerDurableId: 'MS-AZR-0017G' });
    opened.push(handle);
    const payload = await chosen(handle, LAST_MONTH);
    assert.deepStrictEqual(payload.sources, ['actual']);
    assert.strictEqual(payload.selection.source, 'actual');
    assert.ok(payload.notes.length > 0, 'a note says why there is no estimate');
    assertTotals(payload, await emulatorCost(`subscriptions/${sub.subscriptionId}`, FROM, TO, 'MeterCategory'), 'Azure plan subscription');
  });

  for (const currency of ['USD', 'EUR']) {
    it(`a billing profile in ${currency}, from its tree node: cost by subscription, as Cost Management reports it`, async () => {
      const { node, profile, wire } = await profileNodeIn(host.api, currency);
      assert.match(node.contextValue, /^azureBilling\.billingProfile\b/, 'the context menu offers the command here');
      const handle = await open(node.node);
      opened.push(handle);
      const payload = await chosen(handle, { ...LAST_MONTH, groupBy: 'subscription', source: 'actual' });
      assert.deepStrictEqual(payload.sources, ['actual']);
      const expected = await emulatorCost(profileScope(wire.name, profile.name), FROM, TO, 'SubscriptionName');
      assertTotals(payload, expected, profile.properties.displayName);
      const names = [...expected.groups.get(currency)!].filter(([, v]) => v !== 0).map(([k]) => k).sort();
      if (names.length <= 6) { assert.deepStrictEqual(payload.currencies[0].groups.map((g) => g.label).sort(), names); }
      // Another grouping of the same data: same total, and the same panel answers a second open.
      const byCategory = await chosen(handle, { ...LAST_MONTH, groupBy: 'meterCategory', source: 'actual' });
      assert.deepStrictEqual(byCategory.currencies.map((c) => c.total), payload.currencies.map((c) => c.total));
      const again = await vscode.commands.executeCommand<PanelHandle>('azureBilling.showUsageAndCost', node.node);
      assert.strictEqual(again, handle, 'one panel per billing profile');
    });
  }

  it('a billing account with USD and EUR profiles, from its tree node: a series per currency, never one total', async () => {
    const { shown, wire } = await accountNode(host.api, 'MicrosoftCustomerAgreement');
    assert.match(shown.contextValue, /^azureBilling\.billingAccount\b/);
    const handle = await open(shown.node);
    opened.push(handle);
    const payload = await chosen(handle, { ...LAST_MONTH, groupBy: 'subscription', source: 'actual' });
    const expected = await emulatorCost(accountScope(wire.name), FROM, TO, 'SubscriptionName');
    assert.ok(expected.totals.size >= 2, 'the account bills in two currencies');
    assertTotals(payload, expected, wire.name);
  });

  it('a throttled Cost Management query: the panel says how long it waits, then shows the data', async () => {
    const accounts = await armList<{ name: string; properties: { agreementType: string; displayName: string } }>('/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01');
    const ea = accounts.find((a) => a.properties.agreementType === 'EnterpriseAgreement');
    assert.ok(ea, 'an EA account');
    const expected = await emulatorCost(accountScope(ea.name), FROM, TO, 'SubscriptionName');
    // More 429s than the client retries by itself (5 attempts), each asking for 1 s.
    await addFault({ kind: 'throttle', path: '/Microsoft.CostManagement/query', times: 6, retryAfterSeconds: 1 });
    const handle = await open({ kind: 'billingAccount', accountName: ea.name, tenantId, label: ea.properties.displayName });
    opened.push(handle);
    await handle.whenSettled();
    const waited = handle.posted.find((m) => m.type === 'loading' && m.message !== undefined);
    assert.ok(waited && waited.type === 'loading', `a loading message named the wait: ${JSON.stringify(handle.posted.map((m) => m.type))}`);
    assert.match(waited.message ?? '', /\b1\b/, 'it names the 1 s Azure asked for');
    assert.strictEqual(handle.lastPosted?.type, billingPeriodHasUsage ? 'series' : 'empty', 'then the data arrives, without Retry');
    const payload = await chosen(handle, { ...LAST_MONTH, groupBy: 'subscription', source: 'actual' });
    assertTotals(payload, expected, ea.properties.displayName);
  });
});
