// The extension is found by the extension host, activates, and registers every command its
// manifest contributes (a contributed command without a handler fails when a person runs it).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { recordMetric } from './metrics';

const EXTENSION_ID = 'azure-billing-insight.azure-billing-insight';

describe('Extension activation', () => {
  it('the extension is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among the extension host's extensions`);
    const wasActive = extension.isActive;
    const started = performance.now();
    await extension.activate();
    // Time to load and activate, as the extension host sees it; only meaningful on first activation.
    if (!wasActive) { recordMetric('activationMs', performance.now() - started); }
    assert.strictEqual(extension.isActive, true);
  });

  it('the sign-in, sign-out and refresh commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['azureBilling.signIn', 'azureBilling.signOut', 'azureBilling.refresh']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
  });

  it('every command contributed in package.json is registered', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    const manifest = extension.packageJSON as { contributes?: { commands?: Array<{ command: string }> } };
    const contributed = (manifest.contributes?.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length >= 3, 'the manifest contributes fewer commands than sign-in, sign-out and refresh');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(contributed.filter((id) => !registered.has(id)), [], 'contributed but not registered');
  });
});
