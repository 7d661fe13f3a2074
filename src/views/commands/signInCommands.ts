// Sign in, sign out, sign in to one more directory, and choose how to sign in. The editor's
// sign-in is the editor's: "Sign Out" here only stops this extension from using the account
// (VS Code offers no way for an extension to end a session it did not create).
import * as vscode from 'vscode';
import { cancelledError } from '../../azure/errors';
import type { SessionManager } from '../session/sessionManager';
import { AUTHENTICATION_METHODS } from '../session/cloudChoice';
import { signInMethodLabel } from '../session/signInLabels';
import type { CommandRunner } from './commandRunner';

/** VS Code rejects `getSession(createIfNone)` when the person closes the dialog; that is a cancel. */
function isDeclined(error: unknown): boolean {
  if (!(error instanceof Error)) { return false; }
  return error.name === 'Canceled' || /did not consent|cancel/i.test(error.message);
}

async function signInWithEditor(sessions: SessionManager, tenantId?: string): Promise<void> {
  const editor = sessions.editor();
  if (!editor) { return; }
  let account;
  try {
    account = await editor.signIn(tenantId);
  } catch (error) {
    if (isDeclined(error)) { throw cancelledError('Signing in'); }
    throw error;
  }
  if (!account) { throw cancelledError('Signing in'); }
  await sessions.setSignedOutByPerson(false);
  // The account's label is its e-mail address: the log says that a sign-in happened, not who.
  sessions.reconnect(tenantId ? `signed in to directory ${tenantId}` : "signed in with the editor's account");
}

export function registerSignInCommands(runner: CommandRunner, sessions: SessionManager): vscode.Disposable[] {
  return [
    runner.register('azureBilling.signIn', async () => {
      const method = sessions.settings().authentication;
      if (method === 'editor') { return signInWithEditor(sessions); }
      if (method === 'azureCli') {
        // The CLI keeps its own sign-in: start it where the person can answer its prompts.
        const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Azure CLI sign-in') });
        terminal.show();
        terminal.sendText('az login');
        void vscode.window.showInformationMessage(vscode.l10n.t('Finish signing in to the Azure CLI in the terminal, then refresh the Azure Billing view.'));
        return;
      }
      // Service principal and managed identity come from the environment: trying again is all there is.
      sessions.reconnect('sign-in requested');
    }),
    runner.register('azureBilling.signInToTenant', async (tenantId?: string) => {
      if (typeof tenantId !== 'string' || !tenantId) { return; }
      await signInWithEditor(sessions, tenantId);
    }),
    runner.register('azureBilling.signOut', async () => {
      const method = sessions.settings().authentication;
      if (method === 'editor') {
        await sessions.setSignedOutByPerson(true);
        sessions.reconnect('signed out');
        const manage = vscode.l10n.t('Manage Accounts');
        const chosen = await vscode.window.showInformationMessage(
          vscode.l10n.t('Azure Billing no longer uses your Microsoft account. The account stays signed in to VS Code for other extensions; remove it in the Accounts menu to sign out everywhere.'),
          manage,
        );
        if (chosen === manage) { await vscode.commands.executeCommand('workbench.action.manageAccounts'); }
        return;
      }
      const choose = vscode.l10n.t('Choose How to Sign In');
      const chosen = await vscode.window.showInformationMessage(
        method === 'azureCli'
          ? vscode.l10n.t('Azure Billing signs in with the Azure CLI. To stop, run "az logout" or choose another way to sign in.')
          : vscode.l10n.t('Azure Billing signs in with: {0}. To stop, choose another way to sign in.', signInMethodLabel(method)),
        choose,
      );
      if (chosen === choose) { await vscode.commands.executeCommand('azureBilling.chooseAuthentication'); }
    }),
    runner.register('azureBilling.chooseAuthentication', async () => {
      const current = sessions.settings().authentication;
      const picked = await vscode.window.showQuickPick(
        AUTHENTICATION_METHODS.map((method) => ({
          label: signInMethodLabel(method),
          description: method === current ? vscode.l10n.t('(current)') : undefined,
          method,
        })),
        { title: vscode.l10n.t('How should Azure Billing sign in to Azure?') },
      );
      if (!picked) { throw cancelledError('Choosing how to sign in'); }
      if (picked.method === current) { return; }
      await vscode.workspace.getConfiguration('azureBilling').update('authentication', picked.method, vscode.ConfigurationTarget.Global);
    }),
  ];
}
