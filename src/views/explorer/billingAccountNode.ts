// A billing account in the tree: its display name, agreement type and status. Children (billing
// profiles, invoice sections, credits, invoices…) are added by giving the node a child loader in
// `accountChildren.ts`; the node itself does not change.
import * as vscode from 'vscode';
import type { BillingAccount } from '../../billing/models/account';
import type { TenantConnection } from '../session/billingSession';
import { CONTEXT, contextValue, ExplorerNode } from './explorerNode';
import { accountStatusLabel, accountTypeLabel, agreementTypeLabel, agreementTypeShortLabel } from './billingLabels';
import { accountDescription } from './treeDescriptions';

/** Loads what sits below an account; none yet, so accounts are leaves until one is registered. */
export type AccountChildrenLoader = (account: BillingAccountNode, signal: AbortSignal) => Promise<ExplorerNode[]>;

const INACTIVE = new Set(['Deleted', 'Disabled', 'Expired', 'Terminated', 'Transferred']);

export class BillingAccountNode implements ExplorerNode {
  readonly id: string;
  readonly failedToLoadLabel = vscode.l10n.t('Could not load this billing account');
  readonly loadChildren?: (signal: AbortSignal) => Promise<ExplorerNode[]>;

  constructor(
    readonly parent: ExplorerNode | undefined,
    readonly connection: TenantConnection,
    readonly account: BillingAccount,
    childrenLoader?: AccountChildrenLoader,
  ) {
    this.id = `tenant/${connection.tenant.tenantId}/account/${account.name}`;
    if (childrenLoader) { this.loadChildren = (signal) => childrenLoader(this, signal); }
  }

  getTreeItem(): vscode.TreeItem {
    const a = this.account;
    const item = new vscode.TreeItem(a.displayName, this.loadChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const trouble = a.accountStatus && a.accountStatus !== 'Active' ? accountStatusLabel(a.accountStatus) : undefined;
    item.description = accountDescription({ trouble, agreement: agreementTypeShortLabel(a.agreementType) });
    item.tooltip = this.tooltip();
    item.iconPath = new vscode.ThemeIcon('credit-card', INACTIVE.has(a.accountStatus ?? '') ? new vscode.ThemeColor('disabledForeground') : undefined);
    item.contextValue = contextValue('billingAccount', CONTEXT.refreshable, a.agreementType ? `agreement-${a.agreementType}` : '');
    return item;
  }

  /** The description abbreviates the agreement type; a screen reader says it in full. */
  accessibleDetail(): string | undefined {
    return agreementTypeLabel(this.account.agreementType);
  }

  private tooltip(): vscode.MarkdownString {
    const a = this.account;
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**');
    md.appendText(a.displayName);
    md.appendMarkdown('**\n\n');
    const rows: Array<[string, string | undefined]> = [
      [vscode.l10n.t('Agreement'), agreementTypeLabel(a.agreementType)],
      [vscode.l10n.t('Account type'), accountTypeLabel(a.accountType)],
      [vscode.l10n.t('Status'), accountStatusLabel(a.accountStatus)],
      [vscode.l10n.t('Sold to'), [a.soldTo?.companyName, a.soldTo?.country].filter(Boolean).join(', ') || undefined],
      [vscode.l10n.t('Currency'), a.enrollmentDetails?.currency],
      [vscode.l10n.t('Directory'), this.connection.tenant.displayName ?? this.connection.tenant.tenantId],
      [vscode.l10n.t('Billing account ID'), a.name],
    ];
    for (const [name, value] of rows) {
      if (!value) { continue; }
      md.appendText(`${name}: ${value}`);
      md.appendMarkdown('  \n');
    }
    if (a.hasReadAccess === false) {
      md.appendMarkdown('\n');
      md.appendText(vscode.l10n.t('You can see this account but not read its details: a billing role on it is needed.'));
    }
    return md;
  }
}
