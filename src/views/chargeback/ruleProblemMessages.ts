// The Problems panel's words for what readRules.ts finds, in the person's language.
import * as vscode from 'vscode';
import type { RuleProblem } from './ruleProblems';

export function ruleProblemMessage(p: RuleProblem): string {
  const a = p.args;
  switch (p.code) {
    case 'syntax':
      return vscode.l10n.t('This is not valid JSON here ({0}).', a.error ?? '');
    case 'notAnObject':
      return vscode.l10n.t('A chargeback file is one JSON object: {"scope": …, "tagKeys": …, "owners": …}.');
    case 'unknownKey':
      return vscode.l10n.t('"{0}" is not a chargeback setting here. Allowed: {1}.', a.key ?? '', a.allowed ?? '');
    case 'missingKey':
      return vscode.l10n.t('"{0}" is missing.', a.key ?? '');
    case 'wrongType':
      return vscode.l10n.t('"{0}" must be a non-empty {1}.', a.key ?? '', a.expected ?? '');
    case 'notOneOf':
      return vscode.l10n.t('"{0}" must be one of: {1}.', a.key ?? '', a.allowed ?? '');
    case 'scopeNotOne':
      return vscode.l10n.t('The scope must be exactly one of subscriptions, billingProfile or billingAccount.');
    case 'badSubscriptionId':
      return vscode.l10n.t('"{0}" is not a subscription id (a GUID such as 00000000-0000-0000-0000-000000000000).', a.value ?? '');
    case 'badScopeId':
      return vscode.l10n.t('"{0}" is not a {1} id. Use Copy ID on the node in the Azure Billing view (it starts with /providers/Microsoft.Billing/billingAccounts/).', a.value ?? '', a.key ?? '');
    case 'emptyList':
      return vscode.l10n.t('"{0}" is empty.', a.key ?? '');
    case 'percentagesNot100':
      return vscode.l10n.t('The percentages add up to {0}, not 100.', a.sum ?? '');
    case 'negativePercentage':
      return vscode.l10n.t('A percentage cannot be negative ({0}).', a.value ?? '');
    case 'undefinedOwner':
      return vscode.l10n.t('Owner "{0}" is not defined under "owners".', a.owner ?? '');
    case 'emptyMatch':
      return vscode.l10n.t('A shared rule must match on at least one of resourceGroup, subscription, meterCategory or tag.');
    case 'duplicateName':
      return vscode.l10n.t('Another shared rule is already named "{0}".', a.value ?? '');
  }
}
