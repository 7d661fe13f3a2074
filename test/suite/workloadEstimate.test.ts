// A workload file in the real editor: the Problems panel shows a bad line on its own line, the
// CodeLens offers Estimate cost, and the command opens the what-if panel with list prices
// computed by hand from the emulator's price book (the bad line left out, the rest priced).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { WhatIfReport } from '../../src/insight/whatIf/whatIfReport';
import { readWorkload } from '../../src/insight/whatIf/workloadFile';
import { emulatorSuite } from './emulatorSuite';
import { armList } from './support/emulatorControl';
import { until } from './usagePanelHandle';

const FILE = `{
  "name": "Host workload",
  "region": "eastus",
  "regions": ["westeurope"],
  "lines": [
    { "label": "Web", "vm": "Standard_D2s_v3", "hours": 730 },
    { "label": "Broken", "storageGb": -3 },
    { "label": "Blobs", "storageGb": 500 }
  ]
}
`;

describe('Azure Billing: workload files', function () {
  this.timeout(120_000);
  emulatorSuite();
  let uri: vscode.Uri;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test host opens a workspace folder');
    uri = vscode.Uri.joinPath(folder.uri, 'host.azcost.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(FILE, 'utf8'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('shows the bad line in the Problems panel, offers Estimate cost, and prices the rest into the what-if panel', async () => {
    const editor = await vscode.window.showTextDocument(uri);
    const problems = await until(() => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Azure Billing workload');
      return found.length > 0 ? found : undefined;
    }, 20_000);
    assert.ok(problems, 'diagnostics appear for the opened file');
    assert.deepEqual(problems.map((d) => [d.range.start.line, d.code]), [[6, 'negativeQuantity']]);
    assert.equal(editor.document.getText(problems[0].range), '-3');

    const lenses = await until(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      const ours = (found ?? []).filter((l) => l.command?.command === 'azureBilling.estimateWorkload');
      return ours.length > 0 ? ours : undefined;
    }, 20_000);
    assert.ok(lenses && lenses.length === 1, 'one Estimate cost lens');
    assert.match(lenses[0].command!.title, /Estimate cost/);

    const args = (lenses[0].command!.arguments ?? []) as unknown[];
    assert.equal(String(args[0]), uri.toString(), 'the lens prices this file');
    const report = await vscode.commands.executeCommand<WhatIfReport>(lenses[0].command!.command, ...args);
    // 730 h × 0.096 = 70.08; 500 GB × 0.0184 = 9.20; West Europe at the emulator's 1.1 × US prices.
    assert.deepEqual(report.alternatives.map((a) => [a.id, a.totalMinor]), [['baseline', 7008 + 920], ['region:westeurope', 7709 + 1012]]);
    // Other suites may have left a what-if panel of a subscription open: look for this file's.
    const whatIfTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('azureBilling.whatIf'));
    const tab = await until(() => whatIfTabs().find((t) => /Host workload/.test(t.label)), 20_000);
    assert.ok(tab, `the what-if panel of the workload is open (what-if tabs: ${whatIfTabs().map((t) => t.label).join(', ')})`);
  });
});

describe('Azure Billing: Save as Workload', function () {
  this.timeout(120_000);
  const host = emulatorSuite();
  let saved: vscode.Uri | undefined;
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (saved) { await vscode.workspace.fs.delete(saved).then(undefined, () => undefined); }
  });

  it('writes the subscription\'s what-if as a workload file that estimates without problems', async () => {
    const subscriptions = await armList<{ subscriptionId: string; displayName: string }>('/subscriptions?api-version=2022-12-01');
    const payg = subscriptions.find((s) => s.displayName === 'Pay-As-You-Go');
    assert.ok(payg, 'the emulator lists the pay-as-you-go subscription');
    const scope = { subscriptionId: payg.subscriptionId, tenantId: host.tenantId, label: payg.displayName, offerDurableId: 'MS-AZR-0003P', currency: 'USD', regionInfo: 'US' };
    const whatIf = await vscode.commands.executeCommand<WhatIfReport>('azureBilling.whatIf', { usageScope: scope, plan: { offers: [], regions: ['westeurope'] } });
    saved = await vscode.commands.executeCommand<vscode.Uri>('azureBilling.saveAsWorkload', { key: `${host.tenantId ?? ''}/${payg.subscriptionId.toLowerCase()}` });
    assert.ok(saved && saved.path.endsWith('.azcost.json'), 'a workload file is written');
    const document = await vscode.workspace.openTextDocument(saved);
    const { workload, problems } = readWorkload(document.getText());
    assert.deepEqual(problems, []);
    assert.equal(workload?.lines.length, whatIf.meters.filter((m) => m.quantity > 0).length);
    assert.deepEqual(workload?.regions, ['westeurope']);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), saved.toString(), 'the file is opened');
  });
});
