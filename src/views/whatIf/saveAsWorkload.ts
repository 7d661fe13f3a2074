// Save as Workload: the what-if in front written as a `*.azcost.json` workload file in the
// workspace (atomically), then opened, so a person can edit it and press Estimate cost.
import * as vscode from 'vscode';
import { workloadFromReport } from '../../insight/whatIf/workloadFromReport';
import { safePathSegment } from '../downloads/invoiceFileName';
import { WhatIfPanel, writeIntoFolder } from './whatIfPanel';

export const SAVE_AS_WORKLOAD_COMMAND = 'azureBilling.saveAsWorkload';
const SCHEMA_URL = 'https://github.com/azure-billing-insight/azure-billing-insight/media/schemas/azcost.schema.json';

export async function saveAsWorkload(panel: WhatIfPanel | undefined): Promise<vscode.Uri | undefined> {
  if (!panel) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open What If... on a subscription first; its usage becomes the workload.'));
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to save the workload into it.'));
    return undefined;
  }
  const name = safePathSegment(`${panel.scopeLabel}.azcost.json`, 'workload.azcost.json');
  const target = await writeIntoFolder(folder, name, Buffer.from(workloadFromReport(panel.report, panel.scopeLabel, SCHEMA_URL), 'utf8'));
  await vscode.window.showTextDocument(target);
  return target;
}
