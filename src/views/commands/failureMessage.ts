// Failure advice in words a person reads, in the editor's language, with the buttons that do the
// next step. Used by the command wrapper (notifications) and by error nodes in the tree.
import * as vscode from 'vscode';
import { INVOICE_FOLDER_SETTING } from '../downloads/downloadDestination';
import { formatWait } from '../format/displayFormat';
import { FailureAdvice } from './failureAdvice';

export interface FailureAction {
  title: string;
  command: string;
  args?: unknown[];
}

export interface FailureText {
  /** One line: a tree node's description, or the start of a notification. */
  summary: string;
  /** What to do next, in a sentence or two. */
  nextStep: string;
  actions: FailureAction[];
  /** Permission and throttling are conditions to act on, not faults of the extension. */
  severity: 'warning' | 'error';
}

const BILLING_ROLES_DOC = 'https://learn.microsoft.com/azure/cost-management-billing/manage/understand-mca-roles';
const COST_ROLES_DOC = 'https://learn.microsoft.com/azure/cost-management-billing/costs/assign-access-acm-data';

function openLink(title: string, url: string): FailureAction {
  return { title, command: 'vscode.open', args: [vscode.Uri.parse(url)] };
}

const showLog = (): FailureAction => ({ title: vscode.l10n.t('Show Log'), command: 'azureBilling.showLog' });
const signIn = (): FailureAction => ({ title: vscode.l10n.t('Sign In'), command: 'azureBilling.signIn' });

export function describeFailure(advice: FailureAdvice): FailureText {
  switch (advice.kind) {
    case 'cancelled':
      return { summary: vscode.l10n.t('Cancelled.'), nextStep: '', actions: [], severity: 'warning' };
    case 'signInAgain':
      return {
        summary: vscode.l10n.t('Your Azure sign-in has expired or was refused.'),
        nextStep: vscode.l10n.t('Sign in again, then retry.'),
        actions: [signIn(), showLog()],
        severity: 'warning',
      };
    case 'credentialsUnavailable':
      return {
        summary: vscode.l10n.t('Not signed in to Azure.'),
        nextStep: vscode.l10n.t('Sign in, or choose another way to sign in (Azure CLI, service principal, managed identity).'),
        actions: [signIn(), { title: vscode.l10n.t('Choose How to Sign In'), command: 'azureBilling.chooseAuthentication' }],
        severity: 'warning',
      };
    case 'missingBillingRole':
      return {
        summary: vscode.l10n.t('The billing role "{0}" is needed here.', advice.role),
        nextStep: vscode.l10n.t(
          'Ask a billing account owner to assign you "{0}" (or a higher billing role) in the Azure portal under Cost Management + Billing → Access control. An Azure role on a subscription, such as Owner, does not grant it.',
          advice.role,
        ),
        actions: [openLink(vscode.l10n.t('About Billing Roles'), BILLING_ROLES_DOC), showLog()],
        severity: 'warning',
      };
    case 'missingRole':
      return {
        summary: vscode.l10n.t('The Azure role "{0}" is needed here.', advice.role),
        nextStep: vscode.l10n.t('Ask an owner of the subscription to assign you "{0}" in Access control (IAM).', advice.role),
        actions: [openLink(vscode.l10n.t('About Cost Access'), COST_ROLES_DOC), showLog()],
        severity: 'warning',
      };
    case 'throttled':
      return {
        summary: vscode.l10n.t('Azure is limiting how often this can be asked.'),
        nextStep:
          advice.waitSeconds === undefined
            ? vscode.l10n.t('Wait a minute, then retry.')
            : vscode.l10n.t('Retry in {0}.', formatWait(advice.waitSeconds, vscode.env.language)),
        actions: [showLog()],
        severity: 'warning',
      };
    case 'network':
      return {
        summary: vscode.l10n.t('Azure could not be reached.'),
        nextStep: vscode.l10n.t('Check the network connection and the proxy settings (http.proxy), then retry.'),
        actions: [showLog()],
        severity: 'error',
      };
    case 'serviceUnavailable':
      return {
        summary: vscode.l10n.t('Azure did not answer properly.'),
        nextStep: vscode.l10n.t('This is usually temporary; retry in a few minutes. The log has the request id for support.'),
        actions: [showLog()],
        severity: 'error',
      };
    case 'notFound':
      return {
        summary: vscode.l10n.t('This no longer exists or is no longer visible to you.'),
        nextStep: vscode.l10n.t('Refresh the Azure Billing view.'),
        actions: [{ title: vscode.l10n.t('Refresh'), command: 'azureBilling.refresh' }],
        severity: 'warning',
      };
    case 'linkRefused':
      return advice.expired
        ? {
            summary: vscode.l10n.t('The download link expired before it could be used.'),
            nextStep: vscode.l10n.t('Check that this computer\'s clock is right, then retry.'),
            actions: [showLog()],
            severity: 'error',
          }
        : {
            summary: vscode.l10n.t('Azure Storage refused the download link.'),
            nextStep: vscode.l10n.t('Retry. If it keeps happening, a proxy or firewall may be changing requests to Azure Storage.'),
            actions: [showLog()],
            severity: 'error',
          };
    case 'folderOutsideWorkspace':
      return {
        summary:
          advice.target === undefined
            ? vscode.l10n.t('{0} is a link, and where it leads cannot be checked, so nothing was saved.', advice.folder)
            : vscode.l10n.t('{0} is a link to {1}, outside the workspace folder, so nothing was saved.', advice.folder, advice.target),
        nextStep: vscode.l10n.t('Remove the link, or change the setting {0} to a folder inside the workspace.', INVOICE_FOLDER_SETTING),
        actions: [{ title: vscode.l10n.t('Open Settings'), command: 'workbench.action.openSettings', args: [INVOICE_FOLDER_SETTING] }],
        severity: 'error',
      };
    case 'unexpected':
      return {
        summary: advice.detail,
        nextStep: vscode.l10n.t('The log has the details.'),
        actions: [showLog()],
        severity: 'error',
      };
  }
}
