// Lists of billing subscriptions: under a billing profile, an invoice section, an enrollment
// account or a whole account. Each is a paged folder whose children are SubscriptionNodes.
import * as vscode from 'vscode';
import type { BillingSubscription } from '../../billing/models/subscription';
import type { AccountScope } from './billingTree';
import type { ExplorerNode } from './explorerNode';
import { FolderOptions, PagedFolderNode } from './pagedFolderNode';
import { SubscriptionNode } from './subscriptionNode';

/** What differs between the places subscriptions are listed. */
export type SubscriptionListOptions = Omit<FolderOptions<BillingSubscription>, 'child' | 'emptyLabel' | 'failedToLoadLabel'> & {
  failedToLoadLabel?: string;
};

export function subscriptionsFolder(parent: ExplorerNode, scope: AccountScope, options: SubscriptionListOptions): PagedFolderNode<BillingSubscription> {
  return new PagedFolderNode<BillingSubscription>(parent, scope, {
    failedToLoadLabel: vscode.l10n.t('Could not load subscriptions'),
    emptyLabel: vscode.l10n.t('No subscriptions'),
    ...options,
    child: (subscription, folder) => new SubscriptionNode(folder, scope, subscription),
  });
}

/** The plain "Subscriptions" folder. */
export function plainSubscriptionsFolder(
  parent: ExplorerNode,
  scope: AccountScope,
  open: (signal: AbortSignal) => AsyncIterable<BillingSubscription>,
): PagedFolderNode<BillingSubscription> {
  return subscriptionsFolder(parent, scope, { idSuffix: 'subscriptions', label: vscode.l10n.t('Subscriptions'), icon: 'key', kind: 'subscriptionsFolder', open });
}
