// One entry of the credit ledger: what happened, when, by how much, and the balance after it.
import * as vscode from 'vscode';
import type { CreditEvent } from '../../billing/models/credit';
import { formatMoney } from '../format/displayFormat';
import { BillingNode } from './billingNode';
import type { AccountScope } from './billingTree';
import { eventTypeLabel, yesNo } from './billingValueLabels';
import { dayText } from './dateText';
import type { ExplorerNode } from './explorerNode';
import { fieldsTooltip } from './nodeTooltip';

export class CreditEventNode extends BillingNode {
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    scope: AccountScope,
    readonly event: CreditEvent,
  ) {
    super(parent, scope);
    this.id = `${parent.id}/event/${event.name}`;
  }

  override get armId(): string | undefined {
    return this.event.id || undefined;
  }

  override portalUrl(): string | undefined {
    return undefined;
  }

  getTreeItem(): vscode.TreeItem {
    const { event } = this;
    const language = this.scope.services.language();
    const money = (m: { amount: number; currency: string } | undefined) => (m ? formatMoney(m, language) : undefined);
    const label = event.description ?? eventTypeLabel(event.eventType) ?? event.name;
    const item = this.item(label, this.icon(), 'creditEvent', false, 'leaf');
    // The movement that defines the event: new credit in, charges or expiry out.
    const movement = nonZero(event.newCredit)
      ? `+${money(event.newCredit)}`
      : nonZero(event.charges)
        ? `−${money(event.charges)}`
        : nonZero(event.creditExpired)
          ? `−${money(event.creditExpired)}`
          : nonZero(event.adjustments)
            ? money(event.adjustments)
            : undefined;
    item.description = [dayText(event.transactionDate, language), movement, event.closedBalance && vscode.l10n.t('balance {0}', money(event.closedBalance)!)]
      .filter(Boolean)
      .join(' · ');
    item.tooltip = fieldsTooltip(label, [
      [vscode.l10n.t('Date'), dayText(event.transactionDate, language)],
      [vscode.l10n.t('Type'), eventTypeLabel(event.eventType)],
      [vscode.l10n.t('Description'), event.description],
      [vscode.l10n.t('New credit'), money(event.newCredit)],
      [vscode.l10n.t('Adjustments'), money(event.adjustments)],
      [vscode.l10n.t('Charges'), money(event.charges)],
      [vscode.l10n.t('Credit expired'), money(event.creditExpired)],
      [vscode.l10n.t('Credit cancelled'), money(event.canceledCredit)],
      [vscode.l10n.t('Balance after'), money(event.closedBalance)],
      [vscode.l10n.t('Charges (billing currency)'), money(event.chargesInBillingCurrency)],
      [vscode.l10n.t('Balance after (billing currency)'), money(event.closedBalanceInBillingCurrency)],
      [vscode.l10n.t('Invoice'), event.invoiceNumber],
      [vscode.l10n.t('Lot'), event.lotId],
      [vscode.l10n.t('Lot source'), event.lotSource],
      [vscode.l10n.t('Credit currency'), event.creditCurrency],
      [vscode.l10n.t('Billing currency'), event.billingCurrency],
      [vscode.l10n.t('Estimated'), yesNo(event.isEstimatedBalance)],
      [vscode.l10n.t('Event ID'), event.name],
    ]);
    return item;
  }

  private icon(): vscode.ThemeIcon {
    if (nonZero(this.event.newCredit)) { return new vscode.ThemeIcon('add'); }
    if (nonZero(this.event.creditExpired)) { return new vscode.ThemeIcon('history'); }
    if ((this.event.eventType ?? '').startsWith('Pending')) { return new vscode.ThemeIcon('clock'); }
    return new vscode.ThemeIcon('dash');
  }
}

function nonZero(money: { amount: number } | undefined): boolean {
  return money !== undefined && money.amount !== 0;
}
