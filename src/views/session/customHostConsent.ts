// The question of customHostGate.ts asked in the editor: a modal warning naming the hosts, the
// answer "Allow" kept in the extension's global state.
import * as vscode from 'vscode';
import { ConsentPort, originOf } from './customHostGate';

const APPROVED_KEY = 'azureBilling.approvedCustomHosts';
/**
 * Unattended runs (the test host) name the hosts they set up here, comma-separated origins. A
 * workspace cannot set the editor's environment, which already holds the service principal's
 * own secret (SECURITY.md).
 */
export const ALLOWED_HOSTS_VARIABLE = 'AZURE_BILLING_ALLOWED_CUSTOM_HOSTS';

/** The port backed by the editor: remembered in global state, asked with a modal warning. */
export function editorConsentPort(globalState: vscode.Memento, env: NodeJS.ProcessEnv = process.env): ConsentPort {
  const fromEnvironment = (env[ALLOWED_HOSTS_VARIABLE] ?? '').split(',').map((s) => s.trim()).filter(Boolean).map(originOf);
  return {
    approved: () => [...globalState.get<string[]>(APPROVED_KEY, []), ...fromEnvironment],
    async remember(origins) {
      await globalState.update(APPROVED_KEY, [...new Set([...globalState.get<string[]>(APPROVED_KEY, []), ...origins])]);
    },
    async ask(origins) {
      const allow = vscode.l10n.t('Allow');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Send your Azure credentials to {0}?', origins.join(', ')),
        {
          modal: true,
          detail: vscode.l10n.t(
            'azureBilling.cloud is Custom, so Azure Billing would sign in to a host that is not a Microsoft cloud. Whoever runs it receives an access token (and, with a service principal, its client secret). Allow only a host you set up yourself.',
          ),
        },
        allow,
      );
      return answer === allow;
    },
  };
}
