// "Invoices": the last 12 months, newest first, each with amount, due date and status.
import * as vscode from 'vscode';
import type { Invoice } from '../../billing/models/invoice';
import { BILLING_MARKS } from './billingNode';
import type { AccountScope } from './billingTree';
import type { ExplorerNode } from './explorerNode';
import { InvoiceNode } from './invoiceNode';
import { InvoiceSource, issuedIn, issuedInQueryWindow, listInvoicesFrom } from './invoiceSource';
import { sortedAfterReading } from './pager';
import { PagedFolderNode } from './pagedFolderNode';
import { lastTwelveMonths, newestFirst } from './recentWindow';

export class InvoicesFolderNode extends PagedFolderNode<Invoice> {
  constructor(
    parent: ExplorerNode,
    scope: AccountScope,
    readonly source: InvoiceSource,
  ) {
    super(parent, scope, {
      idSuffix: 'invoices',
      label: vscode.l10n.t('Invoices'),
      description: vscode.l10n.t('last 12 months'),
      tooltip: vscode.l10n.t('Invoices of {0} issued in the last 12 months, newest first.', source.displayName),
      icon: 'files',
      kind: 'invoicesFolder',
      marks: [BILLING_MARKS.invoices],
      failedToLoadLabel: vscode.l10n.t('Could not load invoices'),
      emptyLabel: vscode.l10n.t('No invoices in the last 12 months'),
      open: (signal) => {
        const window = lastTwelveMonths(scope.services.now());
        const invoices = listInvoicesFrom(scope.connection.transport, source, issuedInQueryWindow(window), signal);
        return sortedAfterReading(issuedIn(invoices, window.from, window.to), newestFirst((i: Invoice) => i.invoiceDate, (i) => i.name));
      },
      child: (invoice, folder) => new InvoiceNode(folder, scope, invoice, source.displayName),
    });
  }
}
