// The status bar in a real VS Code against the emulator: pin a billing profile from its tree node
// and read spend to date as Cost Management reports it; the pin survives a restart; Unpin hides
// the item; the item and the usage panel share their Cost Management queries (counted by the
// emulator's stats route); and a throttled refresh waits and then shows the figures, without a
// failure message.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { accountNode, armList, profileNodeIn as profileNodeInTree } from './explorerBillingHelpers';
import { addFault, emulatorStats, emulatorToday, resetEmulatorStats } from './support/emulatorControl';
import { recordMetric } from './metrics';
import { emulatorSuite } from './emulatorSuite';
import { PanelHandle, until } from './usagePanelHandle';
import { accountScope, emulatorCost, profileScope } from './usagePanelEmulator';

const COST_QUERY_ROUTE = 'POST /{*scope}/providers/Microsoft.CostManagement/query';

/** Whole units as the status bar writes them in the editor's language. */
const whole = (minor: number, currency: string) =>
  new Intl.NumberFormat(vscode.env.language, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(minor / 100);

async function costQueries(): Promise<number> {
  return (await emulatorStats())?.byRoute[COST_QUERY_ROUTE] ?? 0;
}

describe('Azure Billing: status bar', function () {
  this.timeout(180_000);
  const host = emulatorSuite();
  let today = '';
  let monthStart = '';

  before(async () => {
    today = await emulatorToday();
    monthStart = `${today.slice(0, 8)}01`;
  });

  after(async () => {
    await vscode.commands.executeCommand('azureBilling.unpinFromStatusBar');
  });

  const profileNodeIn = (currency: string) => profileNodeInTree(host.api, currency);

  it('Pin to Status Bar on a billing profile node shows its spend to date and forecast, as Cost Management reports them', async () => {
    const { node, profile, wire } = await profileNodeIn('EUR');
    assert.match(node.contextValue, /^azureBilling\.billingProfile\b/, 'the context menu offers Pin here');
    await vscode.commands.executeCommand('azureBilling.pinToStatusBar', node.node);
    const bar = host.api.statusBar;
    await bar.whenSettled();
    assert.strictEqual(bar.state, 'shown', `state ${bar.state}: ${JSON.stringify(bar.statusItem?.tooltip)}`);
    assert.strictEqual(bar.pinned?.kind, 'billingProfile');
    const expected = await emulatorCost(profileScope(wire.name, profile.name), monthStart, today, 'MeterCategory');
    const eur = expected.totals.get('EUR');
    assert.ok(eur !== undefined && expected.totals.size === 1, 'the profile bills in euros only');
    const text = bar.statusItem?.text ?? '';
    assert.ok(text.startsWith(`$(pulse) ${whole(eur, 'EUR')} · ~`), `"${text}" starts with the spend to date ${whole(eur, 'EUR')}`);
    assert.ok(!text.includes('|'), 'one currency, one figure');
    const tooltip = bar.statusItem?.tooltip as vscode.MarkdownString;
    assert.ok(tooltip.value.includes(profile.properties.displayName), 'the tooltip names the scope');
    assert.ok(tooltip.value.includes('command:azureBilling.unpinFromStatusBar'), 'the tooltip offers Unpin');
    assert.strictEqual(bar.statusItem?.command && typeof bar.statusItem.command === 'object' ? bar.statusItem.command.command : undefined, 'azureBilling.showUsageAndCost');
  });

  it('a billing account with a USD and a EUR profile: one figure per currency, never a sum', async () => {
    const { shown, wire } = await accountNode(host.api, 'MicrosoftCustomerAgreement');
    await vscode.commands.executeCommand('azureBilling.pinToStatusBar', shown.node);
    const bar = host.api.statusBar;
    await bar.whenSettled();
    const expected = await emulatorCost(accountScope(wire.name), monthStart, today, 'MeterCategory');
    assert.ok(expected.totals.size >= 2, 'the account bills in two currencies');
    const parts = (bar.statusItem?.text ?? '').replace('$(pulse) ', '').split(' | ');
    assert.deepStrictEqual(
      parts.map((p) => p.split(' · ')[0]),
      [...expected.totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => whole(minor, currency)),
    );
  });

  it('keeps the pinned scope across a restart, and Unpin hides the item', async () => {
    const { node } = await profileNodeIn('USD');
    await vscode.commands.executeCommand('azureBilling.pinToStatusBar', node.node);
    const bar = host.api.statusBar;
    await bar.whenSettled();
    const before = bar.statusItem?.text;
    await bar.restart();
    assert.strictEqual(bar.state, 'shown');
    assert.strictEqual(bar.pinned?.kind, 'billingProfile');
    assert.strictEqual(bar.statusItem?.text, before, 'the same figures after the restart');
    await vscode.commands.executeCommand('azureBilling.unpinFromStatusBar');
    assert.strictEqual(bar.state, 'hidden');
    assert.strictEqual(bar.pinned, undefined);
    await bar.restart();
    assert.strictEqual(bar.state, 'hidden', 'nothing pinned, nothing shown after a restart');
    assert.strictEqual(bar.statusItem, undefined, 'not even an item is made');
  });

  it('shares the usage panel\'s Cost Management queries: opening the panel and refreshing within a minute ask nothing more', async () => {
    // A scope no other suite charts: the answers cached here would spare their queries (and
    // their throttling faults) otherwise, as they spare the panel's here.
    const accounts = await armList<{ name: string; properties: { agreementType: string; displayName: string } }>('/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01');
    const mosp = accounts.find((a) => a.properties.agreementType === 'MicrosoftOnlineServicesProgram');
    assert.ok(mosp, 'a pay-as-you-go billing account');
    const scope = { kind: 'billingAccount', accountName: mosp.name, tenantId: host.tenantId, label: mosp.properties.displayName };
    await resetEmulatorStats();
    await vscode.commands.executeCommand('azureBilling.pinToStatusBar', scope);
    const bar = host.api.statusBar;
    await bar.whenSettled();
    assert.strictEqual(bar.state, 'shown');
    // This billing period and the forecast's history (which holds last month), each a query of one or more pages.
    const pinned = await costQueries();
    assert.ok(pinned >= 2, `the status bar asked Cost Management (${pinned} requests)`);
    recordMetric('statusBar.costRequestsToPin', pinned);
    const handle = await vscode.commands.executeCommand<PanelHandle>('azureBilling.showUsageAndCost', scope);
    try {
      await until(() => (handle.lastPosted && handle.lastPosted.type !== 'loading' && handle.lastPosted.type !== 'init' ? handle.lastPosted : undefined), 60_000);
      await handle.whenSettled();
      assert.ok(handle.lastPosted?.type === 'series' || handle.lastPosted?.type === 'empty', `the panel answered: ${handle.lastPosted?.type}`);
      assert.strictEqual(await costQueries(), pinned, 'the panel reused the billing period the status bar asked for');
      await vscode.commands.executeCommand('azureBilling.refreshStatusBar');
      assert.strictEqual(await costQueries(), pinned, 'a refresh within a minute reuses the answers');
      recordMetric('statusBar.costRequestsPanelAfterPin', (await costQueries()) - pinned);
    } finally {
      handle.panel.dispose();
    }
  });

  it('a throttled refresh waits as Azure asks, then shows the figures, with no failure message', async () => {
    // A scope nothing else reads (other tests' answers would be reused, and no 429 met).
    const subs = await armList<{ subscriptionId: string; displayName: string }>('/subscriptions?api-version=2022-12-01');
    const sub = subs.find((s) => s.displayName === 'Contoso Web Staging');
    assert.ok(sub, 'the emulator lists Contoso Web Staging');
    const scope = { kind: 'subscription', subscriptionId: sub.subscriptionId, tenantId: host.tenantId, label: sub.displayName };
    await vscode.commands.executeCommand('azureBilling.unpinFromStatusBar');
    // The two queries (this period, last month) together meet more 429s than the client sits
    // through by itself (5 attempts each), each asking for 1 s.
    await addFault({ kind: 'throttle', path: '/Microsoft.CostManagement/query', times: 12, retryAfterSeconds: 1 });
    const failuresBefore = host.api.commands.lastFailure;
    const states: string[] = [];
    const bar = host.api.statusBar;
    const pinning = vscode.commands.executeCommand('azureBilling.pinToStatusBar', scope);
    // Watch the states the item goes through while the refresh waits.
    const watch = setInterval(() => states[states.length - 1] !== bar.state && states.push(bar.state), 20);
    try {
      await pinning;
      await bar.whenSettled();
    } finally {
      clearInterval(watch);
    }
    assert.strictEqual(bar.state, 'shown', `states: ${states.join(' → ')}`);
    assert.ok(states.includes('waiting'), `the item said it was waiting: ${states.join(' → ')}`);
    assert.strictEqual(host.api.commands.lastFailure, failuresBefore, 'no failure was reported');
  });
});
