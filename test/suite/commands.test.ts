// The extension's commands exist in a real VS Code, and activation is quick and offline.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi } from './support/extensionApi';

describe('Azure Billing: commands', () => {
  it('registers every command the manifest declares', async () => {
    await extensionApi();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const manifest = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8'));
    const declared: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, []);
    for (const id of ['azureBilling.signIn', 'azureBilling.signOut', 'azureBilling.refresh']) assert.ok(declared.includes(id), id);
  });

  it('activates in well under half a second', async () => {
    const api = await extensionApi();
    assert.ok(api.activationMs >= 0 && api.activationMs < 500, `activate took ${api.activationMs} ms`);
  });

  it('opens its log without failing', async () => {
    const api = await extensionApi();
    const before = api.commands.lastFailure;
    await vscode.commands.executeCommand('azureBilling.showLog');
    assert.strictEqual(api.commands.lastFailure, before);
  });
});
