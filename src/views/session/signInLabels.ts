// How each sign-in method is named to people: in the method picker, in messages, and beside
// the view's title while signed in.
import * as vscode from 'vscode';
import type { AuthenticationMethod } from './cloudChoice';

export function signInMethodLabel(method: AuthenticationMethod): string {
  switch (method) {
    case 'editor':
      return vscode.l10n.t("The editor's Microsoft account");
    case 'azureCli':
      return vscode.l10n.t('Azure CLI');
    case 'servicePrincipal':
      return vscode.l10n.t('Service principal (AZURE_* environment variables)');
    case 'managedIdentity':
      return vscode.l10n.t('Managed identity');
  }
}

/** Short, for the view's description: the account's name, or the method that signs in. */
export function signedInAsLabel(method: AuthenticationMethod, accountLabel: string | undefined): string {
  if (method === 'editor' && accountLabel) { return accountLabel; }
  switch (method) {
    case 'azureCli':
      return vscode.l10n.t('Azure CLI');
    case 'servicePrincipal':
      return vscode.l10n.t('service principal');
    case 'managedIdentity':
      return vscode.l10n.t('managed identity');
    default:
      return signInMethodLabel(method);
  }
}
