// A directory (tenant) on the first level, shown when the sign-in reaches more than one. Its
// children are the billing accounts visible there, or a node that says why there are none.
import * as vscode from 'vscode';
import { adviseOnFailure } from '../commands/failureAdvice';
import type { TenantConnection } from '../session/billingSession';
import { tenantLabel } from '../session/tenantDirectory';
import { loadBillingAccountNodes } from './accountList';
import type { AccountChildrenLoader } from './billingAccountNode';
import { CONTEXT, contextValue, ExplorerNode } from './explorerNode';
import { InfoNode } from './messageNodes';

export class TenantNode implements ExplorerNode {
  readonly id: string;
  readonly parent = undefined;
  readonly failedToLoadLabel = vscode.l10n.t('Could not load billing accounts');

  constructor(
    readonly connection: TenantConnection,
    /** The editor's sign-in can be asked for a session in this tenant (MFA, consent). */
    private readonly canSignInToTenant: boolean,
    private readonly accountChildren?: AccountChildrenLoader,
  ) {
    this.id = `tenant/${connection.tenant.tenantId}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { tenant } = this.connection;
    const label = tenantLabel(tenant);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = tenant.defaultDomain && tenant.defaultDomain !== label ? tenant.defaultDomain : undefined;
    item.tooltip = vscode.l10n.t('Directory {0}\nTenant ID: {1}', label, tenant.tenantId);
    item.iconPath = new vscode.ThemeIcon('organization');
    item.contextValue = contextValue('tenant', CONTEXT.refreshable);
    return item;
  }

  async loadChildren(signal: AbortSignal): Promise<ExplorerNode[]> {
    try {
      return await loadBillingAccountNodes(this, this.connection, signal, this.accountChildren);
    } catch (error) {
      // The editor holds no session for this directory yet (it may ask for MFA): offer that, not an error.
      if (this.canSignInToTenant && adviseOnFailure(error).kind === 'credentialsUnavailable') {
        return [
          new InfoNode(this, `${this.id}/signIn`, {
            label: vscode.l10n.t('Sign in to this directory'),
            description: vscode.l10n.t('to see its billing accounts'),
            icon: 'sign-in',
            command: { title: vscode.l10n.t('Sign In'), command: 'azureBilling.signInToTenant', arguments: [this.connection.tenant.tenantId] },
          }),
        ];
      }
      throw error;
    }
  }
}
