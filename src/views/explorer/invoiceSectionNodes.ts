// Invoice sections of an MCA billing profile, each a folder of its subscriptions. The sections
// usually came with the profile (`$expand`), so listing them costs no request.
import * as vscode from 'vscode';
import { listInvoiceSections } from '../../billing/invoiceSections';
import { listingOf } from '../../azure/listing';
import type { BillingProfile, InvoiceSection } from '../../billing/models/profile';
import { listSubscriptionsByInvoiceSection } from '../../billing/subscriptions';
import type { AccountScope } from './billingTree';
import type { ExplorerNode } from './explorerNode';
import { fieldsTooltip } from './nodeTooltip';
import { PagedFolderNode } from './pagedFolderNode';
import { subscriptionsFolder } from './subscriptionsFolder';

export function invoiceSectionsFolder(parent: ExplorerNode, scope: AccountScope, profile: BillingProfile & { accountName: string }): PagedFolderNode<InvoiceSection> {
  const expanded = profile.invoiceSections;
  return new PagedFolderNode<InvoiceSection>(parent, scope, {
    idSuffix: 'invoiceSections',
    label: vscode.l10n.t('Invoice sections'),
    icon: 'list-tree',
    kind: 'invoiceSectionsFolder',
    failedToLoadLabel: vscode.l10n.t('Could not load invoice sections'),
    emptyLabel: vscode.l10n.t('No invoice sections'),
    open: (signal) =>
      expanded && !expanded.hasMoreResults
        ? listingOf(expanded.items)
        : listInvoiceSections(scope.connection.transport, { accountName: profile.accountName, name: profile.name }, { signal }),
    child: (section, folder) => invoiceSectionNode(folder, scope, profile, section),
  });
}

export function invoiceSectionNode(parent: ExplorerNode, scope: AccountScope, profile: BillingProfile & { accountName: string }, section: InvoiceSection) {
  const labels = Object.entries(section.labels).map(([k, v]) => `${k}=${v}`).join(', ');
  return subscriptionsFolder(parent, scope, {
    idSuffix: `section/${section.name}`,
    label: section.displayName,
    description: section.state,
    tooltip: fieldsTooltip(section.displayName, [
      [vscode.l10n.t('Invoice section'), section.displayName],
      [vscode.l10n.t('Billing profile'), profile.displayName],
      [vscode.l10n.t('State'), section.state],
      [vscode.l10n.t('Labels'), labels || undefined],
      [vscode.l10n.t('System ID'), section.systemId],
      [vscode.l10n.t('Invoice section ID'), section.name],
    ]),
    icon: 'symbol-folder',
    kind: 'invoiceSection',
    armId: section.id || undefined,
    failedToLoadLabel: vscode.l10n.t('Could not load the subscriptions of this invoice section'),
    open: (signal) =>
      listSubscriptionsByInvoiceSection(scope.connection.transport, { accountName: profile.accountName, profileName: profile.name, name: section.name }, { signal }),
  });
}
