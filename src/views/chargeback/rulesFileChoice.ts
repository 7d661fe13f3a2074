// Which chargeback file a run uses: the one the CodeLens or the explorer's file menu gave, the file
// in the active editor, or one the person picks among the workspace's `*.chargeback.json` (only
// those for the billing scope the command was run on, when it was run on one), with "create one"
// offered when there is none. A file is read from its open editor when it has one, so unsaved edits
// count, as they do in the Problems panel.
import * as vscode from 'vscode';
import type { ChargebackRules, ChargebackScope } from '../../insight/chargeback/rules';
import { readChargebackRules } from './readRules';
import { sameScope } from './chargebackScope';
import { CHARGEBACK_FILE_SUFFIX } from './ruleDiagnostics';

export type RulesFileChoice = { uri: vscode.Uri } | { create: true } | undefined;

export async function rulesText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {return open.getText();}
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function workspaceRulesFiles(): Promise<Array<{ uri: vscode.Uri; rules?: ChargebackRules }>> {
  const uris = await vscode.workspace.findFiles(`**/*${CHARGEBACK_FILE_SUFFIX}`, '**/node_modules/**', 200);
  return Promise.all(
    uris.map(async (uri) => {
      try {
        return { uri, rules: readChargebackRules(await rulesText(uri)).rules };
      } catch {
        return { uri };
      }
    }),
  );
}

export async function chooseRulesFile(forScope?: ChargebackScope): Promise<RulesFileChoice> {
  const active = vscode.window.activeTextEditor?.document;
  if (!forScope && active && active.uri.path.toLowerCase().endsWith(CHARGEBACK_FILE_SUFFIX)) {return { uri: active.uri };}
  const files = (await workspaceRulesFiles()).filter((f) => !forScope || (f.rules && sameScope(f.rules.scope, forScope)));
  type Item = vscode.QuickPickItem & { choice: RulesFileChoice };
  const items: Item[] = files
    .sort((a, b) => a.uri.path.localeCompare(b.uri.path))
    .map((f) => ({
      label: `$(file-code) ${vscode.workspace.asRelativePath(f.uri)}`,
      description: f.rules ? undefined : vscode.l10n.t('has problems'),
      choice: { uri: f.uri },
    }));
  items.push({ label: `$(new-file) ${vscode.l10n.t('New Chargeback Rules…')}`, detail: vscode.l10n.t('Start a rules file from the tags seen on last month\'s cost'), choice: { create: true } });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Run Chargeback'),
    placeHolder: files.length > 0 ? vscode.l10n.t('Which chargeback rules?') : vscode.l10n.t('No chargeback rules for this scope in the workspace yet'),
  });
  return picked?.choice;
}
