// A billing subscription: the Azure subscription as billing sees it, with its month-to-date and
// last month's charges (a cheap cost summary that needs no Cost Management call). Its child is its
// Budgets folder, when billing names the Azure subscription id.
import * as vscode from 'vscode';
import type { BillingSubscription } from '../../billing/models/subscription';
import { formatMoney } from '../format/displayFormat';
import { BillingNode, BILLING_MARKS } from './billingNode';
import { BudgetsFolderNode } from './budgetsFolderNode';
import type { AccountScope } from './billingTree';
import { subscriptionStatusLabel } from './billingValueLabels';
import { subscriptionDescription } from './treeDescriptions';
import type { ExplorerNode } from './explorerNode';
import { fieldsTooltip } from './nodeTooltip';
import { portalSubscriptionUrl } from './portalLinks';

const INACTIVE = new Set(['Inactive', 'Disabled', 'Deleted', 'Abandoned', 'Expired']);

export class SubscriptionNode extends BillingNode {
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    scope: AccountScope,
    readonly subscription: BillingSubscription,
  ) {
    super(parent, scope);
    this.id = `${parent.id}/subscription/${subscription.name}`;
  }

  override get armId(): string | undefined {
    return this.subscription.id || undefined;
  }

  /** People look subscriptions up by their GUID, not by the billing resource id. */
  override copyText(): string | undefined {
    return this.subscription.subscriptionId ?? this.armId;
  }

  override portalUrl(): string | undefined {
    const id = this.subscription.subscriptionId;
    return id ? portalSubscriptionUrl(this.scope.services.cloudName(), this.scope.connection.tenant.tenantId, id) : super.portalUrl();
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.subscription;
    const language = this.scope.services.language();
    const money = (m: { amount: number; currency: string } | undefined) => (m ? formatMoney(m, language) : undefined);
    const inactive = INACTIVE.has(s.status ?? '');
    const icon = new vscode.ThemeIcon('key', inactive ? new vscode.ThemeColor('disabledForeground') : undefined);
    const expandable = this.subscription.subscriptionId !== undefined;
    const item = this.item(s.displayName, icon, 'subscription', expandable, ...(expandable ? [] : ['leaf']), BILLING_MARKS.usage);
    const mtd = money(s.monthToDateCharges);
    // An active subscription is the usual case: its status is in the tooltip, the description leads with its month.
    const trouble = s.status && s.status !== 'Active' ? subscriptionStatusLabel(s.status) : undefined;
    item.description = subscriptionDescription({ trouble, monthToDate: mtd && vscode.l10n.t('{0} this month', mtd) });
    item.tooltip = fieldsTooltip(s.displayName, [
      [vscode.l10n.t('Subscription ID'), s.subscriptionId],
      [vscode.l10n.t('Status'), subscriptionStatusLabel(s.status)],
      [vscode.l10n.t('Charges this month'), mtd],
      [vscode.l10n.t('Charges last month'), money(s.lastMonthCharges)],
      [vscode.l10n.t('Billing profile'), s.profileDisplayName ?? s.profileName],
      [vscode.l10n.t('Invoice section'), s.invoiceSectionDisplayName ?? s.invoiceSectionName],
      [vscode.l10n.t('Enrollment account'), s.enrollmentAccountDisplayName ?? s.enrollmentAccountName],
      [vscode.l10n.t('Customer'), s.customerDisplayName ?? s.customerName],
      [vscode.l10n.t('Cost center'), s.costCenter],
      [vscode.l10n.t('Plan'), s.skuDescription ?? s.skuId],
      [vscode.l10n.t('Offer'), s.offerId],
      [vscode.l10n.t('Reseller'), s.reseller?.description ?? s.reseller?.resellerId],
    ]);
    return item;
  }

  loadChildren(signal: AbortSignal): Promise<ExplorerNode[]> {
    const id = this.subscription.subscriptionId;
    if (!id) { return Promise.resolve([]); }
    return Promise.resolve([new BudgetsFolderNode(this, this.scope, { kind: 'subscription', subscriptionId: id, displayName: this.subscription.displayName }, this.subscription.monthToDateCharges?.currency).startLoading(signal)]);
  }
}
