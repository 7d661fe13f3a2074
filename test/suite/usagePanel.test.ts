// The usage-and-cost panel in a real VS Code: the command opens one panel per subscription, under
// a strict Content-Security-Policy, and the page's own request ('ready') is answered with a chart
// series whose totals add up — data from the emulator through the whole extension.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { armList, emulatorToday, monthBefore } from './support/emulatorControl';
import { emulatorSuite } from './emulatorSuite';
import { PanelHandle, until } from './usagePanelHandle';

describe('Azure Billing: usage and cost panel', function () {
  this.timeout(90_000);
  const host = emulatorSuite();

  it('charts a subscription\'s usage: one panel per subscription, strict CSP, totals that add up', async () => {
    const tenantId = host.tenantId;
    const subscriptions = await armList<{ subscriptionId: string; displayName: string }>('/subscriptions?api-version=2022-12-01');
    const payg = subscriptions.find((s) => s.displayName === 'Pay-As-You-Go') ?? subscriptions[0];
    assert.ok(payg, 'the emulator lists a subscription');
    const scope = { subscriptionId: payg.subscriptionId, tenantId, label: payg.displayName, offerDurableId: 'MS-AZR-0003P', currency: 'USD' };

    const handle = await vscode.commands.executeCommand<PanelHandle>('azureBilling.showUsageAndCost', scope);
    assert.ok(handle && handle.panel, 'the command returns the panel it opened');
    try {
      const html = handle.panel.webview.html;
      assert.match(html, /default-src 'none'/);
      assert.match(html, /script-src 'nonce-[A-Za-z0-9]+'/);
      assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
      const roots = handle.panel.webview.options.localResourceRoots ?? [];
      assert.deepStrictEqual(roots.map((u) => u.path.replace(/.*\/(dist\/webview)$/, '$1')), ['dist/webview']);

      // The page loads and asks for this billing period: the host answers it (on the first day of
      // a month there is no usage yet, and the page is told so rather than shown an error).
      const today = await emulatorToday();
      const first = await until(() => (handle.lastPosted && !['init', 'loading'].includes(handle.lastPosted.type) ? handle.lastPosted : undefined), 60_000);
      assert.strictEqual(first?.type, today.endsWith('-01') ? 'empty' : 'series', `first answer: ${JSON.stringify(first)?.slice(0, 300)}`);
      // The month before is complete in the emulator's world: it has a chart whatever the date.
      const { from, to } = monthBefore(today);
      handle.show({ groupBy: 'meterCategory', period: { preset: 'custom', from, to }, view: 'cost', source: 'estimate' });
      await handle.whenSettled();
      const series = handle.lastPosted;
      assert.ok(series && series.type === 'series', `last message: ${JSON.stringify(handle.lastPosted)?.slice(0, 300)}`);
      const [usd] = series.payload.currencies;
      assert.ok(usd.total > 0, 'a pay-as-you-go subscription costs something in a whole month');
      assert.strictEqual(usd.total, usd.bucketTotals.reduce((s, v) => s + v, 0));
      assert.strictEqual(usd.total, usd.groups.reduce((s, g) => s + g.total, 0));

      const again = await vscode.commands.executeCommand<PanelHandle>('azureBilling.showUsageAndCost', scope);
      assert.strictEqual(again, handle, 'the same subscription reuses its panel');
    } finally {
      handle.panel.dispose();
    }
  });
});
