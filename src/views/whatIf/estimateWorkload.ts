// Estimate cost (CodeLens on `*.azcost.json`, palette): the workload file's lines priced by the
// what-if engine into the what-if panel; lines the price list cannot place go to the Problems
// panel on their own text, beside the reader's problems (workloadDiagnostics.ts).
import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import { dayOfInstant } from '../../insight/calendar';
import type { WhatIfReport } from '../../insight/whatIf/whatIfReport';
import { readWorkload } from '../../insight/whatIf/workloadFile';
import { withListProgress } from '../commands/billing/listProgress';
import { problemDiagnostic } from '../editor/fileDiagnostics';
import type { SessionManager } from '../session/sessionManager';
import { pickSubscription } from '../usagePanel/subscriptionPicker';
import { DEFAULT_RATE_CARD_TERMS, isBillingScope } from '../usagePanel/usageScope';
import type { PriceCache } from './priceCache';
import { WhatIfPanel } from './whatIfPanel';
import { whatIfTexts } from './whatIfView';
import { WORKLOAD_FILE_SUFFIX } from './workloadDiagnostics';
import { workloadProblemMessage } from './workloadProblemMessages';
import { estimateWorkload } from './workloadRun';

export const ESTIMATE_WORKLOAD_COMMAND = 'azureBilling.estimateWorkload';

export interface WorkloadDeps {
  extensionUri: vscode.Uri;
  sessions: SessionManager;
  cache: PriceCache;
  logger: Logger;
  /** Problems only pricing finds (unknown meters, units that do not fit). */
  pricingProblems: vscode.DiagnosticCollection;
}

export async function estimateWorkloadCommand(deps: WorkloadDeps, arg?: unknown): Promise<WhatIfReport | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : await pickWorkloadFile();
  if (!uri) { return undefined; }
  const document = await vscode.workspace.openTextDocument(uri);
  const { workload } = readWorkload(document.getText());
  if (!workload) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a workload file: see the Problems panel.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  const session = deps.sessions.session();
  const retailEndpoint = session.cloud.retailPricesEndpoint;
  if (!retailEndpoint) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The retail price list is not available in this cloud.'));
    return undefined;
  }
  // Another offer's RateCard is asked through a subscription; only then is one needed.
  const scope = workload.offers.length > 0 ? await pickSubscription(deps.sessions) : undefined;
  const subscription = scope && !isBillingScope(scope) ? scope : undefined;
  const title = workload.name ?? vscode.workspace.asRelativePath(uri);
  const { report, problems } = await withListProgress(vscode.l10n.t('Estimating {0}…', title), (signal) => estimateWorkload({
    transport: session.transportFor(subscription?.tenantId),
    cache: deps.cache,
    retailEndpoint,
    subscriptionId: subscription?.subscriptionId,
    regionInfo: subscription?.regionInfo ?? DEFAULT_RATE_CARD_TERMS.regionInfo,
    today: dayOfInstant(Date.now()),
    texts: {
      ...whatIfTexts(),
      listPrices: vscode.l10n.t('List prices'),
      noSubscription: vscode.l10n.t('No subscription was picked to ask RateCard through.'),
      currencyNotCompared: vscode.l10n.t('Other currencies are not compared yet.'),
    },
    signal,
  }, workload));
  const source = vscode.l10n.t('Azure Billing workload');
  deps.pricingProblems.set(uri, problems.map((p) => problemDiagnostic(document, p, workloadProblemMessage(p), source)));
  WhatIfPanel.show(deps.extensionUri, `workload:${uri.toString()}`, report, title, deps.logger);
  return report;
}

async function pickWorkloadFile(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.path.toLowerCase().endsWith(WORKLOAD_FILE_SUFFIX)) { return active; }
  const files = await vscode.workspace.findFiles(`**/*${WORKLOAD_FILE_SUFFIX}`, '**/node_modules/**', 50);
  if (files.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No *.azcost.json workload file in the workspace (docs/what-if.md#workload-files has an example).'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(files.map((f) => ({ label: vscode.workspace.asRelativePath(f), uri: f })), { title: vscode.l10n.t('Estimate cost of which workload?') });
  return picked?.uri;
}

/** "Estimate cost" above a workload file that has lines to price. */
export class WorkloadCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!readWorkload(document.getText()).workload) { return []; }
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: `$(graph) ${vscode.l10n.t('Estimate cost')}`, command: ESTIMATE_WORKLOAD_COMMAND, arguments: [document.uri] })];
  }
}
