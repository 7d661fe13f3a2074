// Problems in `*.azcost.json` workload files in the Problems panel, on the exact text, as the
// person types. The schema (media/schemas/azcost.schema.json) completes and checks the shape;
// these are the reader's checks, the same that decide which lines Estimate cost prices.
import * as vscode from 'vscode';
import { readWorkload } from '../../insight/whatIf/workloadFile';
import { problemDiagnostic, registerFileDiagnostics } from '../editor/fileDiagnostics';
import { workloadProblemMessage } from './workloadProblemMessages';

export const WORKLOAD_FILE_SUFFIX = '.azcost.json';

export function workloadDiagnostics(document: vscode.TextDocument): vscode.Diagnostic[] {
  const source = vscode.l10n.t('Azure Billing workload');
  return readWorkload(document.getText()).problems.map((p) => problemDiagnostic(document, p, workloadProblemMessage(p), source));
}

export function registerWorkloadDiagnostics(): vscode.Disposable[] {
  return registerFileDiagnostics('azureBilling.workload', WORKLOAD_FILE_SUFFIX, workloadDiagnostics);
}
