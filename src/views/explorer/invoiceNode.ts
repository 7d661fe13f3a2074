// One invoice: its number, amount, due date and status. Downloadable from its context menu.
import * as vscode from 'vscode';
import type { Invoice } from '../../billing/models/invoice';
import { formatMoney } from '../format/displayFormat';
import { BillingNode, BILLING_MARKS } from './billingNode';
import type { AccountScope } from './billingTree';
import { documentTypeLabel, invoiceStatusLabel, invoiceTypeLabel, yesNo } from './billingValueLabels';
import { invoiceDescription } from './treeDescriptions';
import { dayText } from './dateText';
import type { ExplorerNode } from './explorerNode';
import { fieldsTooltip } from './nodeTooltip';

export class InvoiceNode extends BillingNode {
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    scope: AccountScope,
    readonly invoice: Invoice,
    /** The billing profile (or account) name the download folder is named after. */
    readonly folderName: string,
  ) {
    super(parent, scope);
    this.id = `${parent.id}/invoice/${invoice.name}`;
  }

  override get armId(): string | undefined {
    return this.invoice.id || undefined;
  }

  /** The amount an invoice is known by: its total when issued, else what was billed. */
  static amountOf(invoice: Invoice) {
    return invoice.totalAmount ?? invoice.billedAmount ?? invoice.amountDue;
  }

  getTreeItem(): vscode.TreeItem {
    const { invoice } = this;
    const language = this.scope.services.language();
    const money = (m: { amount: number; currency: string } | undefined) => (m ? formatMoney(m, language) : undefined);
    const amount = money(InvoiceNode.amountOf(invoice));
    const overdue = invoice.status === 'OverDue';
    const icon = overdue
      ? new vscode.ThemeIcon('file-pdf', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : new vscode.ThemeIcon(invoice.documentType === 'CreditNote' ? 'file-symlink-file' : 'file-pdf');
    const item = this.item(invoice.name, icon, 'invoice', false, BILLING_MARKS.invoice, 'leaf');
    const due = dayText(invoice.dueDate, language);
    item.description = invoiceDescription(
      { amount, status: invoice.status, dueDate: due },
      { due: (date) => vscode.l10n.t('due {0}', date), status: invoiceStatusLabel(invoice.status), creditNote: invoice.documentType === 'CreditNote' ? documentTypeLabel('CreditNote') : undefined },
    );
    const period = invoice.periodStart && invoice.periodEnd ? `${dayText(invoice.periodStart, language)} – ${dayText(invoice.periodEnd, language)}` : undefined;
    item.tooltip = fieldsTooltip(vscode.l10n.t('Invoice {0}', invoice.name), [
      [vscode.l10n.t('Status'), invoiceStatusLabel(invoice.status)],
      [vscode.l10n.t('Document type'), documentTypeLabel(invoice.documentType)],
      [vscode.l10n.t('Invoice type'), invoiceTypeLabel(invoice.invoiceType)],
      [vscode.l10n.t('Invoice date'), dayText(invoice.invoiceDate, language)],
      [vscode.l10n.t('Due date'), due],
      [vscode.l10n.t('Billing period'), period],
      [vscode.l10n.t('Total'), money(invoice.totalAmount)],
      [vscode.l10n.t('Amount due'), money(invoice.amountDue)],
      [vscode.l10n.t('Billed amount'), money(invoice.billedAmount)],
      [vscode.l10n.t('Subtotal'), money(invoice.subTotal)],
      [vscode.l10n.t('Tax'), money(invoice.taxAmount)],
      [vscode.l10n.t('Azure prepayment applied'), money(invoice.azurePrepaymentApplied)],
      [vscode.l10n.t('Azure credit applied'), money(invoice.freeAzureCreditApplied)],
      [vscode.l10n.t('Credit amount'), money(invoice.creditAmount)],
      [vscode.l10n.t('Monthly invoice'), yesNo(invoice.isMonthlyInvoice)],
      [vscode.l10n.t('Billing profile'), invoice.profileDisplayName ?? invoice.profileName],
      [vscode.l10n.t('Subscription'), invoice.subscriptionDisplayName ?? invoice.subscriptionId],
      [vscode.l10n.t('Purchase order'), invoice.purchaseOrderNumber],
      [vscode.l10n.t('Credit note for'), invoice.creditForDocumentId],
      [vscode.l10n.t('Documents'), invoice.documents.map((d) => [documentTypeLabel(d.kind), d.name].filter(Boolean).join(' ')).join(', ') || undefined],
      [vscode.l10n.t('Payments'), invoice.payments.map((p) => [money(p.amount), dayText(p.date, language), p.paymentMethodFamily].filter(Boolean).join(' ')).join(', ') || undefined],
      [vscode.l10n.t('Invoice ID'), invoice.name],
    ]);
    return item;
  }

  accessibleDetail(): string {
    return vscode.l10n.t('Invoice {0}', this.invoice.name);
  }
}
