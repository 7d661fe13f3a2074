// A chargeback rules file with mistakes, opened in the real editor: the Problems panel lists each
// on the line to fix, in the person's words, and the list empties once the file is fixed.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi } from './support/extensionApi';
import { until } from './usagePanelHandle';

const BAD = `{
  "scope": { "subscriptions": ["11111111-2222-3333-4444-555555555555"] },
  "tagKeys": ["CostCenter"],
  "shared": [
    { "name": "Network", "match": { "resourceGroup": "rg-network" },
      "split": { "mode": "percentages", "percentages": { "Finance": 60, "Platfrom": 30 } } }
  ],
  "owners": { "Finance": {}, "Platform": {} }
}
`;

describe('Azure Billing: chargeback rules in the Problems panel', function () {
  this.timeout(60_000);
  let uri: vscode.Uri;

  before(async () => {
    await extensionApi();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test host opens a workspace folder');
    uri = vscode.Uri.joinPath(folder.uri, 'teams.chargeback.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(BAD, 'utf8'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('puts each problem on its line, and clears them when the file is fixed', async () => {
    const editor = await vscode.window.showTextDocument(uri);
    const problems = await until(() => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Azure Billing chargeback');
      return found.length > 0 ? found : undefined;
    }, 20_000);
    assert.ok(problems, 'diagnostics appear for the opened file');
    // Line 6 (index 5): "Platfrom" is not an owner, and 60 + 30 is not 100.
    assert.deepEqual(
      problems.map((d) => [d.range.start.line, d.code, d.severity]),
      [
        [5, 'undefinedOwner', vscode.DiagnosticSeverity.Error],
        [5, 'percentagesNot100', vscode.DiagnosticSeverity.Error],
      ],
    );
    assert.match(problems[0].message, /Platfrom/);
    assert.match(problems[1].message, /90/);
    assert.equal(editor.document.getText(problems[0].range), '"Platfrom"');

    await editor.edit((edit) => {
      const text = editor.document.getText();
      const at = text.indexOf('"Platfrom": 30');
      edit.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + '"Platfrom": 30'.length)), '"Platform": 40');
    });
    const cleared = await until(() => (vscode.languages.getDiagnostics(uri).some((d) => d.source === 'Azure Billing chargeback') ? undefined : true), 20_000);
    assert.ok(cleared, 'no problem left once the owner is right and the shares add up to 100');
  });
});
