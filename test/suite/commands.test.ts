// The extension's own measurement of `activate` and the log command, in a real VS Code.
// (activation.test.ts checks that every contributed command is registered.)
import * as assert from 'assert';
import * as vscode from 'vscode';
import { recordMetric } from './metrics';
import { extensionApi } from './support/extensionApi';

describe('Azure Billing: activation and log', () => {
  it('activates in well under half a second, without touching the network', async () => {
    const api = await extensionApi();
    recordMetric('activateFunctionMs', api.activationMs);
    // The time is reported by the host layer as a figure; the bound only catches activation doing real work.
    assert.ok(api.activationMs >= 0 && api.activationMs < 5_000, `activate took ${api.activationMs} ms`);
  });

  it('opens its log without failing', async () => {
    const api = await extensionApi();
    const before = api.commands.lastFailure;
    await vscode.commands.executeCommand('azureBilling.showLog');
    assert.strictEqual(api.commands.lastFailure, before);
  });
});
