// "Invoices": the last 12 months, newest first, each with amount, due date and status.
import * as vscode from 'vscode';
import type { Invoice } from '../../billing/models/invoice';
import { BILLING_MARKS } from './billingNode';
import type { AccountScope } from './billingTree';
import type { ExplorerNode } from './explorerNode';
import { InvoiceNode } from './invoiceNode';
import { InvoiceSource, issuedIn, issuedInQueryWindow, listInvoicesFrom } from './invoiceSource';
import { PagedFolderNode } from './pagedFolderNode';
import { recentFolderOptions } from './recentFolder';

export class InvoicesFolderNode extends PagedFolderNode<Invoice> {
  constructor(
    parent: ExplorerNode,
    scope: AccountScope,
    readonly source: InvoiceSource,
  ) {
    super(parent, scope, recentFolderOptions(scope, {
      idSuffix: 'invoices',
      label: vscode.l10n.t('Invoices'),
      tooltip: vscode.l10n.t('Invoices of {0} issued in the last 12 months, newest first.', source.displayName),
      icon: 'files',
      kind: 'invoicesFolder',
      marks: [BILLING_MARKS.invoices],
      failedToLoadLabel: vscode.l10n.t('Could not load invoices'),
      emptyLabel: vscode.l10n.t('No invoices in the last 12 months'),
      read: (window, signal) => issuedIn(listInvoicesFrom(scope.connection.transport, source, issuedInQueryWindow(window), signal), window.from, window.to),
      dateOf: (invoice) => invoice.invoiceDate,
      child: (invoice, folder) => new InvoiceNode(folder, scope, invoice, source.displayName),
    }));
  }
}
