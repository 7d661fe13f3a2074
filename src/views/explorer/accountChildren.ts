// What sits below a billing account, by agreement type (the hook the shell's BillingAccountNode
// calls). Microsoft Customer Agreement (and Partner Agreement): billing profiles. Enterprise
// Agreement: departments, enrollment accounts, invoices, and a credits node that says why credits
// do not apply. Pay-as-you-go (MOSP): subscriptions and invoices. Anything else: what any account has.
import * as vscode from 'vscode';
import { NotApplicableError } from '../../billing/notApplicable';
import { listBillingProfiles } from '../../billing/profiles';
import { hasBillingProfiles } from '../../billing/refs';
import { listSubscriptionsByAccount } from '../../billing/subscriptions';
import type { BillingAccountNode } from './billingAccountNode';
import { BillingProfileNode } from './billingProfileNode';
import { BudgetsFolderNode } from './budgetsFolderNode';
import type { AccountScope, TreeServices } from './billingTree';
import { departmentsFolder, enrollmentAccountsFolder } from './enterpriseNodes';
import type { ExplorerNode } from './explorerNode';
import { InvoicesFolderNode } from './invoicesFolderNode';
import { NotApplicableFolderNode, notApplicableNode } from './notApplicableNode';
import { PagedFolderNode } from './pagedFolderNode';
import { plainSubscriptionsFolder } from './subscriptionsFolder';

export function accountChildrenLoader(services: TreeServices) {
  return async (accountNode: BillingAccountNode, signal: AbortSignal): Promise<ExplorerNode[]> => {
    const scope: AccountScope = { connection: accountNode.connection, account: accountNode.account, services };
    const children = await childrenOf(accountNode, scope, signal);
    for (const child of children) { if (child instanceof PagedFolderNode) { child.startLoading(signal); } }
    return children;
  };
}

async function childrenOf(parent: BillingAccountNode, scope: AccountScope, signal: AbortSignal): Promise<ExplorerNode[]> {
  const { account } = scope;
  const invoices = () =>
    new InvoicesFolderNode(parent, scope, { kind: 'account', accountName: account.name, agreementType: account.agreementType, displayName: account.displayName });
  const budgets = () => new BudgetsFolderNode(parent, scope, { kind: 'billingAccount', accountName: account.name, displayName: account.displayName }, account.enrollmentDetails?.currency);
  const subscriptions = () => plainSubscriptionsFolder(parent, scope, (signal) => listSubscriptionsByAccount(scope.connection.transport, account, { signal }));
  switch (account.agreementType) {
    case 'EnterpriseAgreement':
      return [departmentsFolder(parent, scope), enrollmentAccountsFolder(parent, scope), invoices(), creditsDoNotApply(parent, scope), budgets()];
    case 'MicrosoftOnlineServicesProgram':
      return [subscriptions(), invoices()];
    default:
      if (hasBillingProfiles(account.agreementType)) { return profileNodes(parent, scope, signal); }
      return [subscriptions(), invoices()];
  }
}

/** Billing profiles are the account's own children; they usually came with the account (`$expand`). */
async function profileNodes(parent: BillingAccountNode, scope: AccountScope, signal: AbortSignal): Promise<ExplorerNode[]> {
  const inline = scope.account.billingProfiles;
  const profiles =
    inline && !inline.hasMoreResults
      ? inline.items
      : (await listBillingProfiles(scope.connection.transport, { name: scope.account.name, agreementType: scope.account.agreementType }, { signal }).all()).items;
  if (profiles.length === 0) { return [notApplicableNode(parent, undefined, vscode.l10n.t('No billing profiles'))]; }
  const collator = new Intl.Collator(scope.services.language(), { sensitivity: 'base', numeric: true });
  return [...profiles].sort((a, b) => collator.compare(a.displayName, b.displayName)).map((profile) => new BillingProfileNode(parent, scope, profile));
}

/** EA keeps no Azure credit lots per billing profile: say so where a person would look for them. */
function creditsDoNotApply(parent: BillingAccountNode, scope: AccountScope): ExplorerNode {
  const reason = new NotApplicableError('creditsNeedMcaProfile', 'Credits apply to MCA billing profiles.', scope.account.agreementType);
  return new NotApplicableFolderNode(parent, 'credits', { label: vscode.l10n.t('Credits'), icon: 'credit-card', kind: 'creditsNotApplicable', reason });
}
