// Problems in `*.chargeback.json` files, shown in the Problems panel on the exact text to fix, as
// the person types. The editor's JSON schema (media/schemas/chargeback.schema.json) already
// completes and checks the shape; these add what a schema cannot say (percentages adding up to
// 100, owners referenced but not defined, ids that are not ids) and are the same checks that gate
// running a report, so the panel and the command never disagree.
import * as vscode from 'vscode';
import { problemDiagnostic, registerFileDiagnostics } from '../editor/fileDiagnostics';
import { readChargebackRules } from './readRules';
import { ruleProblemMessage } from './ruleProblemMessages';

export const CHARGEBACK_FILE_SUFFIX = '.chargeback.json';

export function chargebackDiagnostics(document: vscode.TextDocument): vscode.Diagnostic[] {
  const source = vscode.l10n.t('Azure Billing chargeback');
  return readChargebackRules(document.getText()).problems.map((p) => problemDiagnostic(document, p, ruleProblemMessage(p), source));
}

export function registerChargebackDiagnostics(): vscode.Disposable[] {
  return registerFileDiagnostics('azureBilling.chargeback', CHARGEBACK_FILE_SUFFIX, chargebackDiagnostics);
}
