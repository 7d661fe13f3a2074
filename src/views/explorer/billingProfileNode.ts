// An MCA billing profile: the unit that is invoiced and holds credits. Its children — credits,
// credit events, invoices, invoice sections, subscriptions — all start loading in the background
// the moment the profile is opened, side by side and bounded, each failing on its own.
import * as vscode from 'vscode';
import type { BillingProfile } from '../../billing/models/profile';
import { listSubscriptionsByProfile } from '../../billing/subscriptions';
import { BillingNode, BILLING_MARKS } from './billingNode';
import type { AccountScope } from './billingTree';
import { profileStatusReasonLabel, subscriptionStatusLabel, yesNo } from './billingValueLabels';
import { CreditEventsFolderNode } from './creditEventsFolderNode';
import { BudgetsFolderNode } from './budgetsFolderNode';
import { CreditsNode } from './creditsNode';
import type { ExplorerNode } from './explorerNode';
import { invoiceSectionsFolder } from './invoiceSectionNodes';
import { InvoicesFolderNode } from './invoicesFolderNode';
import { fieldsTooltip } from './nodeTooltip';
import { PagedFolderNode } from './pagedFolderNode';
import { plainSubscriptionsFolder } from './subscriptionsFolder';
import { profileDescription } from './treeDescriptions';

export class BillingProfileNode extends BillingNode {
  readonly id: string;
  readonly failedToLoadLabel = vscode.l10n.t('Could not load this billing profile');
  readonly profile: BillingProfile & { accountName: string };

  constructor(parent: ExplorerNode, scope: AccountScope, profile: BillingProfile) {
    super(parent, scope);
    this.profile = { ...profile, accountName: profile.accountName ?? scope.account.name };
    this.id = `${parent.id}/profile/${profile.name}`;
  }

  override get armId(): string | undefined {
    return this.profile.id || undefined;
  }

  /** The reference the credits and invoices modules take. */
  get ref() {
    return { accountName: this.profile.accountName, name: this.profile.name, displayName: this.profile.displayName };
  }

  getTreeItem(): vscode.TreeItem {
    const p = this.profile;
    const warned = p.status === 'Warned' || p.status === 'Disabled';
    const icon = new vscode.ThemeIcon('briefcase', warned ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
    const item = this.item(p.displayName, icon, 'billingProfile', true, BILLING_MARKS.creditBalance, BILLING_MARKS.creditEvents, BILLING_MARKS.invoices, BILLING_MARKS.usage);
    // "Past due" is what a person must act on: before the currency. The full status is in the tooltip.
    const trouble = p.status && p.status !== 'Active' ? profileStatusReasonLabel(p.statusReasonCode) ?? subscriptionStatusLabel(p.status) : undefined;
    item.description = profileDescription({ trouble, currency: p.currency });
    const billTo = p.billTo ? [p.billTo.companyName, p.billTo.addressLine1, p.billTo.city, p.billTo.postalCode, p.billTo.country].filter(Boolean).join(', ') : undefined;
    item.tooltip = fieldsTooltip(p.displayName, [
      [vscode.l10n.t('Billing profile'), p.displayName],
      [vscode.l10n.t('Currency'), p.currency],
      [vscode.l10n.t('Status'), subscriptionStatusLabel(p.status)],
      [vscode.l10n.t('Status reason'), profileStatusReasonLabel(p.statusReasonCode)],
      [vscode.l10n.t('Invoice day'), p.invoiceDay === undefined ? undefined : String(p.invoiceDay)],
      [vscode.l10n.t('Invoices by email'), yesNo(p.invoiceEmailOptIn)],
      [vscode.l10n.t('PO number'), p.poNumber],
      [vscode.l10n.t('Bill to'), billTo],
      [vscode.l10n.t('Spending limit'), p.spendingLimit],
      [vscode.l10n.t('Relationship'), p.billingRelationshipType],
      [vscode.l10n.t('Azure plans'), p.enabledAzurePlans.map((plan) => plan.skuDescription ?? plan.skuId).filter(Boolean).join(', ') || undefined],
      [vscode.l10n.t('System ID'), p.systemId],
      [vscode.l10n.t('Billing profile ID'), p.name],
    ]);
    return item;
  }

  loadChildren(signal: AbortSignal): Promise<ExplorerNode[]> {
    const scope = this.scope;
    const children: PagedFolderNode<unknown>[] = [
      new CreditsNode(this, scope, this.ref),
      new CreditEventsFolderNode(this, scope, this.ref),
      new InvoicesFolderNode(this, scope, { kind: 'profile', accountName: this.profile.accountName, profileName: this.profile.name, displayName: this.profile.displayName }),
      invoiceSectionsFolder(this, scope, this.profile),
      plainSubscriptionsFolder(this, scope, (s) => listSubscriptionsByProfile(scope.connection.transport, { accountName: this.profile.accountName, name: this.profile.name }, { signal: s })),
      new BudgetsFolderNode(this, scope, { kind: 'billingProfile', accountName: this.profile.accountName, profileName: this.profile.name, displayName: this.profile.displayName }, this.profile.currency),
    ] as PagedFolderNode<unknown>[];
    for (const child of children) { child.startLoading(signal); }
    return Promise.resolve(children);
  }
}
