// What If... in a real VS Code: from a subscription whose usage panel is open, the panel's data is
// priced again without a second usage fetch (the emulator's stats count the calls) and the
// baseline equals the panel's estimate to the cent; from a subscription without a panel, the usage
// is fetched once; the CSV export lands in the workspace and its totals are the sums of its rows.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { WhatIfReport } from '../../src/insight/whatIf/whatIfReport';
import { armList, emulatorStats, emulatorToday, monthBefore, resetEmulatorStats } from './support/emulatorControl';
import { emulatorSuite } from './emulatorSuite';
import { PanelHandle, until } from './usagePanelHandle';

const usageCalls = (stats: { byRoute: Record<string, number> } | undefined) =>
  Object.entries(stats?.byRoute ?? {}).filter(([route]) => /UsageAggregates/i.test(route)).reduce((s, [, n]) => s + n, 0);

describe('Azure Billing: what-if', function () {
  this.timeout(120_000);
  const host = emulatorSuite();
  const plan = { offers: ['MS-AZR-0023P', 'MS-AZR-0063P', 'MS-AZR-0017P'], regions: ['westeurope', 'brazilsouth'] };

  it('prices the open usage panel\'s period without fetching usage again; baseline = the panel\'s estimate; CSV sums', async () => {
    const subscriptions = await armList<{ subscriptionId: string; displayName: string }>('/subscriptions?api-version=2022-12-01');
    const payg = subscriptions.find((s) => s.displayName === 'Pay-As-You-Go');
    assert.ok(payg, 'the emulator lists the pay-as-you-go subscription');
    const scope = { subscriptionId: payg.subscriptionId, tenantId: host.tenantId, label: payg.displayName, offerDurableId: 'MS-AZR-0003P', currency: 'USD', regionInfo: 'US' };
    const handle = await vscode.commands.executeCommand<PanelHandle>('azureBilling.showUsageAndCost', scope);
    try {
      // The page asks for its own period once loaded: that answer first, then the month before.
      await until(() => (handle.lastPosted && !['init', 'loading'].includes(handle.lastPosted.type) ? handle.lastPosted : undefined), 60_000);
      const { from, to } = monthBefore(await emulatorToday());
      handle.show({ groupBy: 'meterCategory', period: { preset: 'custom', from, to }, view: 'cost', source: 'estimate' });
      await handle.whenSettled();
      const series = handle.lastPosted;
      assert.ok(series?.type === 'series', JSON.stringify(series)?.slice(0, 200));
      const panelTotal = series.payload.currencies[0].total;

      await resetEmulatorStats();
      const report = await vscode.commands.executeCommand<WhatIfReport>('azureBilling.whatIf', { usageScope: scope, plan });
      assert.ok(report, 'the command returns its report');
      assert.strictEqual(usageCalls(await emulatorStats()), 0, 'no second usage fetch');
      assert.deepStrictEqual(report.period, { from, to });
      assert.strictEqual(report.alternatives[0].grossMinor, panelTotal, 'baseline = the usage panel\'s estimate, to the cent');
      assert.deepStrictEqual(report.alternatives.map((a) => a.id), ['baseline', 'offer:MS-AZR-0023P', 'offer:MS-AZR-0063P', 'region:westeurope', 'region:brazilsouth']);
      assert.strictEqual(report.refused.length, 1, 'EA is refused, with why');
      // The workbench learns of the new tab a moment later.
      const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
      const tab = await until(() => tabs().find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('azureBilling.whatIf')), 15_000);
      assert.ok(tab, `the results panel is open (tabs: ${tabs().map((t) => t.label).join(', ')})`);
      assert.ok(tab.label.includes(payg.displayName), tab.label);

      const file = await vscode.commands.executeCommand<vscode.Uri>('azureBilling.exportWhatIf', { key: `${host.tenantId ?? ''}/${payg.subscriptionId.toLowerCase()}`, format: 'csv' });
      assert.ok(file, 'the CSV was written into the workspace');
      const text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8').replace(/^\uFEFF/, '');
      const lines = text.trim().split('\r\n').map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
      const totalRow = lines.find((l) => l[0] === '"Total"')!;
      const meterRows = lines.slice(1, lines.indexOf(totalRow));
      report.alternatives.forEach((a, i) => {
        const column = 5 + i * 2 + 1;
        const cents = meterRows.reduce((s, r) => s + Math.round(Number(r[column] || 0) * 100), 0);
        assert.strictEqual(cents, a.grossMinor, `${a.label}: rows add up to the total`);
        assert.strictEqual(Math.round(Number(totalRow[column]) * 100), a.grossMinor);
      });
      await vscode.workspace.fs.delete(file);
    } finally {
      handle.panel.dispose();
    }
  });

  it('from a subscription without a panel: fetches its usage once, and a second What If reuses it', async () => {
    const subscriptions = await armList<{ subscriptionId: string; displayName: string }>('/subscriptions?api-version=2022-12-01');
    const tools = subscriptions.find((s) => s.displayName === 'Pay-As-You-Go Tools');
    assert.ok(tools);
    const scope = { subscriptionId: tools.subscriptionId, tenantId: host.tenantId, label: tools.displayName, offerDurableId: 'MS-AZR-0003P', currency: 'USD', regionInfo: 'US' };
    await resetEmulatorStats();
    const first = await vscode.commands.executeCommand<WhatIfReport>('azureBilling.whatIf', { usageScope: scope, plan });
    const fetched = usageCalls(await emulatorStats());
    assert.ok(first && fetched > 0, 'the usage is fetched when no panel has it');
    const second = await vscode.commands.executeCommand<WhatIfReport>('azureBilling.whatIf', { usageScope: scope, plan: { offers: ['MS-AZR-0036P'], regions: [] } });
    assert.strictEqual(usageCalls(await emulatorStats()), fetched, 'not again');
    assert.strictEqual(second?.alternatives[0].grossMinor, first.alternatives[0].grossMinor);
    const sponsored = second?.alternatives.find((a) => a.id === 'offer:MS-AZR-0036P');
    assert.ok(sponsored && sponsored.creditMinor > 0, 'the sponsorship credit is applied and shown');
  });
});
