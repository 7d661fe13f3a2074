// Problems in `*.chargeback.json` files, shown in the Problems panel on the exact text to fix, as
// the person types. The editor's JSON schema (media/schemas/chargeback.schema.json) already
// completes and checks the shape; these add what a schema cannot say (percentages adding up to
// 100, owners referenced but not defined, ids that are not ids) and are the same checks that gate
// running a report, so the panel and the command never disagree.
import * as vscode from 'vscode';
import { readChargebackRules } from './readRules';
import { ruleProblemMessage } from './ruleProblemMessages';

export const CHARGEBACK_FILE_SUFFIX = '.chargeback.json';

export function isChargebackFile(document: vscode.TextDocument): boolean {
  return document.uri.path.toLowerCase().endsWith(CHARGEBACK_FILE_SUFFIX);
}

export function chargebackDiagnostics(document: vscode.TextDocument): vscode.Diagnostic[] {
  return readChargebackRules(document.getText()).problems.map((p) => {
    const start = document.positionAt(p.offset);
    const end = document.positionAt(p.offset + p.length);
    const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), ruleProblemMessage(p), vscode.DiagnosticSeverity.Error);
    diagnostic.source = vscode.l10n.t('Azure Billing chargeback');
    diagnostic.code = p.code;
    return diagnostic;
  });
}

export function registerChargebackDiagnostics(): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('azureBilling.chargeback');
  const check = (document: vscode.TextDocument) => {
    if (isChargebackFile(document)) collection.set(document.uri, chargebackDiagnostics(document));
  };
  vscode.workspace.textDocuments.forEach(check);
  return [
    collection,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
  ];
}
