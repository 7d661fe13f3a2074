// One credit lot: source and original amount, what is left, when it expires. Lots expiring within
// 90 days with money left are marked, because that money is lost if not used.
import * as vscode from 'vscode';
import type { CreditLot } from '../../billing/models/credit';
import { formatMoney } from '../format/displayFormat';
import { BillingNode, BILLING_MARKS } from './billingNode';
import type { AccountScope } from './billingTree';
import { lotSourceLabel, lotSourceShortLabel, lotStatusLabel, yesNo } from './billingValueLabels';
import { dayText } from './dateText';
import type { ExplorerNode } from './explorerNode';
import { daysLeft, EXPIRING_SOON_DAYS, lotExpiryState } from './lotExpiry';
import { fieldsTooltip } from './nodeTooltip';
import { LotWords, lotDescription } from './treeDescriptions';

function lotWords(): LotWords {
  return {
    left: (amount) => vscode.l10n.t('{0} left', amount),
    of: (amount) => vscode.l10n.t('of {0}', amount),
    expired: vscode.l10n.t('expired'),
    usedUp: vscode.l10n.t('used up'),
    expiresIn: (days) => vscode.l10n.t('⚠ expires in {0} days', days),
    expires: (date) => vscode.l10n.t('expires {0}', date),
  };
}

export class CreditLotNode extends BillingNode {
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    scope: AccountScope,
    readonly lot: CreditLot,
  ) {
    super(parent, scope);
    this.id = `${parent.id}/lot/${lot.name}`;
  }

  override get armId(): string | undefined {
    return this.lot.id || undefined;
  }

  /** The portal has no page per lot; the credits page of the profile is where lots are shown. */
  override portalUrl(): string | undefined {
    return undefined;
  }

  /** The label shortens the source; a screen reader says it in full. */
  accessibleDetail(): string | undefined {
    return lotSourceLabel(this.lot.source);
  }

  getTreeItem(): vscode.TreeItem {
    const { lot } = this;
    const language = this.scope.services.language();
    const now = this.scope.services.now();
    const state = lotExpiryState(lot, now);
    const original = lot.originalAmount ? formatMoney(lot.originalAmount, language) : undefined;
    // The label stays short (the source, in a word); the amounts and the state are the description.
    const label = lotSourceShortLabel(lot.source) ?? vscode.l10n.t('Credit lot');
    const item = this.item(label, this.icon(state), 'creditLot', false, BILLING_MARKS.lots, 'leaf');
    const expiry = dayText(lot.expirationDate, language);
    const remaining = lot.closedBalance && formatMoney(lot.closedBalance, language);
    item.description = lotDescription({ remaining, original, state, daysLeft: daysLeft(lot, now), expiry }, lotWords());
    item.tooltip = fieldsTooltip(
      lotSourceLabel(lot.source) ?? label,
      [
        [vscode.l10n.t('Source'), lotSourceLabel(lot.source)],
        [vscode.l10n.t('Status'), lotStatusLabel(lot.status)],
        [vscode.l10n.t('Original amount'), original],
        [vscode.l10n.t('Remaining balance'), lot.closedBalance && formatMoney(lot.closedBalance, language)],
        [vscode.l10n.t('Used'), lot.usedAmount && formatMoney(lot.usedAmount, language)],
        [vscode.l10n.t('Original amount (billing currency)'), lot.originalAmountInBillingCurrency && formatMoney(lot.originalAmountInBillingCurrency, language)],
        [vscode.l10n.t('Remaining balance (billing currency)'), lot.closedBalanceInBillingCurrency && formatMoney(lot.closedBalanceInBillingCurrency, language)],
        [vscode.l10n.t('Start date'), dayText(lot.startDate, language)],
        [vscode.l10n.t('Expiry date'), expiry],
        [vscode.l10n.t('Purchased'), dayText(lot.purchasedDate, language)],
        [vscode.l10n.t('PO number'), lot.poNumber],
        [vscode.l10n.t('Credit currency'), lot.creditCurrency],
        [vscode.l10n.t('Billing currency'), lot.billingCurrency],
        [vscode.l10n.t('Estimated balance'), yesNo(lot.isEstimatedBalance)],
        [vscode.l10n.t('Organisation'), lot.organizationType],
        [vscode.l10n.t('Reseller'), lot.reseller?.resellerDescription ?? lot.reseller?.resellerId],
        [vscode.l10n.t('Lot ID'), lot.name],
      ],
      state === 'expiringSoon' ? vscode.l10n.t('This lot expires within {0} days with money left on it.', EXPIRING_SOON_DAYS) : undefined,
    );
    return item;
  }

  private icon(state: ReturnType<typeof lotExpiryState>): vscode.ThemeIcon {
    switch (state) {
      case 'expiringSoon':
        return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      case 'expired':
        return new vscode.ThemeIcon('history', new vscode.ThemeColor('disabledForeground'));
      case 'usedUp':
        return new vscode.ThemeIcon('pass', new vscode.ThemeColor('disabledForeground'));
      default:
        return new vscode.ThemeIcon('gift');
    }
  }
}
