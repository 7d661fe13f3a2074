// The Alerts folder at the top of each billing account: the monitor's active alerts for the
// account's scopes, each with Dismiss in its context menu. The folder lists what the monitor holds
// (no request of its own); it is refreshed when the monitor's alerts change.
import * as vscode from 'vscode';
import type { BillingAccountNode } from '../explorer/billingAccountNode';
import { contextValue, ExplorerNode } from '../explorer/explorerNode';
import { InfoNode } from '../explorer/messageNodes';
import type { ActiveAlert, AlertMonitor } from './alertMonitor';
import { alertMessage, kindIcon } from './alertText';

export const ALERT_CONTEXT = 'alert';

export class AlertsFolderNode implements ExplorerNode {
  readonly id: string;
  readonly failedToLoadLabel = vscode.l10n.t('Could not list the alerts');

  constructor(
    readonly parent: BillingAccountNode,
    private readonly monitor: AlertMonitor,
  ) {
    this.id = `${parent.id}/alerts`;
  }

  private alerts(): ActiveAlert[] {
    return this.monitor.activeAlerts({ accountName: this.parent.account.name });
  }

  getTreeItem(): vscode.TreeItem {
    const count = this.alerts().length;
    const item = new vscode.TreeItem(vscode.l10n.t('Alerts'), count ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = count ? vscode.l10n.t('{0} active', count) : undefined;
    item.iconPath = new vscode.ThemeIcon(count ? 'bell-dot' : 'bell');
    item.contextValue = contextValue('alertsFolder');
    return item;
  }

  loadChildren(): Promise<ExplorerNode[]> {
    const alerts = this.alerts();
    if (alerts.length === 0) {
      return Promise.resolve([new InfoNode(this, `${this.id}/none`, { label: vscode.l10n.t('No active alerts'), icon: 'check', tooltip: vscode.l10n.t('The alert monitor checks the scopes of this account every interval (azureBilling.alerts.intervalMinutes).') })]);
    }
    return Promise.resolve(alerts.map((a) => new AlertNode(this, a)));
  }
}

export class AlertNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: AlertsFolderNode,
    readonly alert: ActiveAlert,
  ) {
    this.id = `${parent.id}/${encodeURIComponent(alert.finding.key)}`;
  }

  getTreeItem(): vscode.TreeItem {
    const text = alertMessage(this.alert.finding, this.alert.scopeLabel, vscode.env.language);
    const item = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.tooltip = text;
    item.iconPath = new vscode.ThemeIcon(kindIcon(this.alert.finding.kind), new vscode.ThemeColor('list.warningForeground'));
    item.contextValue = contextValue(ALERT_CONTEXT);
    return item;
  }
}
