// New Chargeback Rules: a starting `*.chargeback.json` for a billing scope, from the values of a tag
// key on last month's cost (one Cost Management query per scope; the key is asked, because one query
// can group by one tag key only and Cost Management lists no keys). The file is written atomically
// beside the others at the workspace root without replacing one already there, and opened; without
// a trusted workspace folder it opens unsaved instead.
import * as vscode from 'vscode';
import { cancelledError } from '../../azure/errors';
import { lastClosedPeriod } from '../../insight/chargeback/billingPeriods';
import { startingRules } from '../../insight/chargeback/startingRules';
import { saveDocument } from '../downloads/saveDocument';
import { WorkspaceFolderPort } from '../downloads/workspaceFolderPort';
import { whyNotWorkspace } from '../downloads/downloadDestination';
import { pickScope } from '../usagePanel/scopePicker';
import { scopeFromArgument } from '../usagePanel/usageScope';
import { retryWhenThrottled } from '../usagePanel/throttleWait';
import { chargebackScopeOf, scopeFileStem, transportForScope } from './chargebackScope';
import { CHARGEBACK_FILE_SUFFIX } from './ruleDiagnostics';
import type { ChargebackDeps } from './runChargeback';
import { seenTagValues } from './seenTagValues';

/** A scope (a tree node, or `{ usageScope }`), and the tag key when a caller already knows it. */
function givenTagKey(arg: unknown): string | undefined {
  const key = arg && typeof arg === 'object' && 'tagKey' in arg ? arg.tagKey : undefined;
  return typeof key === 'string' && key.trim() !== '' ? key : undefined;
}

export async function newChargebackRules(deps: ChargebackDeps, arg?: unknown): Promise<vscode.Uri | undefined> {
  const usageScope = scopeFromArgument(arg) ?? (await pickScope(deps.sessions, deps.logger));
  if (!usageScope) {return undefined;}
  const tagKey = givenTagKey(arg) ?? await vscode.window.showInputBox({
    title: vscode.l10n.t('New Chargeback Rules'),
    prompt: vscode.l10n.t('The tag key that names the owner of a cost (more keys can be added to the file later, in priority order)'),
    value: 'CostCenter',
    validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Enter a tag key, for example CostCenter.') : undefined),
  });
  if (!tagKey) {return undefined;}
  const scope = chargebackScopeOf(usageScope);
  const period = lastClosedPeriod(deps.today().toISOString().slice(0, 10));
  const seen = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the values of {0} on {1}\'s cost', tagKey.trim(), usageScope.label), cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort(cancelledError('New chargeback rules')));
      const transport = await transportForScope(deps.sessions, scope, deps.logger, usageScope.tenantId, abort.signal);
      return retryWhenThrottled(() => seenTagValues(transport, scope, tagKey.trim(), period, abort.signal), {
        signal: abort.signal,
        onWait: (seconds) => progress.report({ message: vscode.l10n.t('Azure Cost Management is busy and asked to wait. Trying again in {0} s…', seconds) }),
      });
    },
  );
  const text = startingRules(scope, tagKey.trim(), seen);
  const name = `${scopeFileStem(scope)}${CHARGEBACK_FILE_SUFFIX}`;
  if (whyNotWorkspace()) {
    const untitled = await vscode.workspace.openTextDocument({ language: 'json', content: text });
    await vscode.window.showTextDocument(untitled);
    return untitled.uri;
  }
  const folder = vscode.workspace.workspaceFolders![0];
  const saved = await saveDocument(new WorkspaceFolderPort(folder.uri, folder.name, folder), name, new TextEncoder().encode(text));
  const uri = vscode.Uri.joinPath(folder.uri, saved.fileName);
  await vscode.window.showTextDocument(uri);
  const owners = seen.filter((s) => (s.value ?? '').trim() !== '').length;
  void vscode.window.showInformationMessage(
    owners > 0
      ? vscode.l10n.t('{0} lists the values of {1} seen in {2}. Check the owners and aliases, then use Run Chargeback above the file.', saved.fileName, tagKey.trim(), period.month)
      : vscode.l10n.t('No cost of {0} carried the tag {1} in {2}; {3} has no owners yet.', usageScope.label, tagKey.trim(), period.month, saved.fileName),
  );
  return uri;
}
