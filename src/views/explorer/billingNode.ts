// The base of every node below a billing account: the account scope, Copy ID and Open in Portal
// (through `contextValue` marks that package.json menus match), and the tree item's common parts.
import * as vscode from 'vscode';
import { CONTEXT, contextValue, ExplorerNode } from './explorerNode';
import type { AccountScope } from './billingTree';
import { portalResourceUrl } from './portalLinks';

/** Marks my menus match on, beside the shell's `refreshable`/`retryable`. */
export const BILLING_MARKS = {
  copyId: 'copyId',
  portal: 'portal',
  creditBalance: 'creditBalance',
  creditEvents: 'creditEvents',
  invoices: 'invoices',
  invoice: 'invoice',
  lots: 'creditLots',
  /** The usage and cost panel opens on nodes with this mark (subscriptions, billing profiles). */
  usage: 'usage',
} as const;

export abstract class BillingNode implements ExplorerNode {
  abstract readonly id: string;

  constructor(
    readonly parent: ExplorerNode,
    readonly scope: AccountScope,
  ) {}

  /** The ARM id Copy ID copies and the portal opens; undefined for grouping nodes. */
  get armId(): string | undefined {
    return undefined;
  }

  /** What Copy ID puts on the clipboard. */
  copyText(): string | undefined {
    return this.armId;
  }

  portalUrl(): string | undefined {
    const id = this.armId;
    return id ? portalResourceUrl(this.scope.services.cloudName(), this.scope.connection.tenant.tenantId, id) : undefined;
  }

  abstract getTreeItem(): vscode.TreeItem;

  /** A tree item with id, icon and the context marks every billing node carries. */
  protected item(label: string, icon: string | vscode.ThemeIcon, kind: string, expandable: boolean, ...marks: string[]): vscode.TreeItem {
    const item = new vscode.TreeItem(label, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = typeof icon === 'string' ? new vscode.ThemeIcon(icon) : icon;
    const all = [...marks];
    if (expandable) { all.push(CONTEXT.refreshable); }
    if (this.copyText()) { all.push(BILLING_MARKS.copyId); }
    if (this.portalUrl()) { all.push(BILLING_MARKS.portal); }
    item.contextValue = contextValue(kind, ...all);
    return item;
  }
}
