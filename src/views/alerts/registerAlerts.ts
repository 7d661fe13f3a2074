// The alert monitor's wiring: the monitor itself, its notifications with their actions (open the
// panel, show the budget, snooze for a day, turn this kind off), the Alerts folder at the top of each
// billing account, and the Dismiss command. extension.ts calls this once, after the tree's commands;
// nothing is read until the first pass, a few seconds after activation.
import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import type { CommandRunner } from '../commands/commandRunner';
import type { BillingExplorer } from '../explorer/explorerView';
import { formatCalendarDate, formatMoney } from '../format/displayFormat';
import type { SessionManager } from '../session/sessionManager';
import { PinnedScopeStore } from '../statusBar/pinnedScopeStore';
import type { UsagePanels } from '../usagePanel/registerUsagePanel';
import { ActiveAlert, AlertMonitor } from './alertMonitor';
import { AlertNode, AlertsFolderNode } from './alertsFolderNode';
import { alertMessage, kindLabel } from './alertText';
import { readAlertSettings } from './alertSettings';

export const DISMISS_ALERT_COMMAND = 'azureBilling.dismissAlert';
const SHOW_USAGE_COMMAND = 'azureBilling.showUsageAndCost';

export function registerAlerts(
  context: vscode.ExtensionContext,
  runner: CommandRunner,
  sessions: SessionManager,
  explorer: BillingExplorer,
  panels: UsagePanels,
  logger: Logger,
): { monitor: AlertMonitor; disposables: vscode.Disposable[] } {
  const folders = new Set<AlertsFolderNode>();
  const monitor: AlertMonitor = new AlertMonitor({
    memento: context.globalState,
    sessions,
    logger,
    pinned: new PinnedScopeStore(context.globalState),
    source: (scope) => panels.sourceFor(scope),
    notify: (alerts) => notifyAll(monitor, alerts, logger),
  });
  const inner = explorer.root.accountChildren;
  if (inner) {
    // With the monitor off there are no alerts to list: the account shows what it showed before.
    explorer.root.accountChildren = async (node, signal) => {
      if (!readAlertSettings().enabled) {return inner(node, signal);}
      const folder = new AlertsFolderNode(node, monitor);
      folders.add(folder);
      return [folder, ...(await inner(node, signal))];
    };
  }
  const disposables: vscode.Disposable[] = [
    monitor,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('azureBilling.alerts.enabled')) {
        folders.clear();
        explorer.provider.refresh();
      }
    }),
    monitor.onDidChange(() => {
      for (const folder of folders) {explorer.provider.refresh(folder);}
    }),
    runner.register(DISMISS_ALERT_COMMAND, async (arg?: unknown) => {
      const key = arg instanceof AlertNode ? arg.alert.finding.key : typeof arg === 'string' ? arg : await pickAlert(monitor);
      if (!key) {return undefined;}
      await vscode.window.withProgress({ location: { viewId: 'azureBilling.explorer' } }, () => monitor.dismiss(key));
      return key;
    }),
  ];
  monitor.start();
  return { monitor, disposables };
}

async function pickAlert(monitor: AlertMonitor): Promise<string | undefined> {
  const items = monitor.activeAlerts().map((a) => ({ label: alertMessage(a.finding, a.scopeLabel, vscode.env.language), key: a.finding.key }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no active alerts.'));
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Dismiss Alert'), placeHolder: vscode.l10n.t('Pick the alert to dismiss') }))?.key;
}

/** The order notifications come in: money at stake first. */
const PRIORITY = ['budget', 'creditExpiry', 'creditRunway', 'spike', 'newMeter', 'rise', 'costManagement'];
/** More alerts than this in one pass (the first pass after installing, say) are summed up in one message. */
export const MAX_NOTIFICATIONS = 3;

function notifyAll(monitor: AlertMonitor, alerts: ActiveAlert[], logger: Logger): void {
  const sorted = [...alerts].sort((a, b) => PRIORITY.indexOf(a.finding.kind) - PRIORITY.indexOf(b.finding.kind));
  const shown = sorted.length > MAX_NOTIFICATIONS ? sorted.slice(0, MAX_NOTIFICATIONS - 1) : sorted;
  for (const alert of shown) {void notify(monitor, alert, logger);}
  const rest = sorted.length - shown.length;
  if (rest > 0) {
    const show = vscode.l10n.t('Show Alerts');
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} more alerts: see the Alerts folder of each billing account in the Azure Billing view.', rest), show).then((picked) => {
      if (picked === show) {void vscode.commands.executeCommand('azureBilling.explorer.focus');}
    });
  }
}

async function notify(monitor: AlertMonitor, alert: ActiveAlert, logger: Logger): Promise<void> {
  const f = alert.finding;
  const language = vscode.env.language;
  const open = vscode.l10n.t('Open Usage and Cost');
  const showBudget = vscode.l10n.t('Show Budget');
  const later = vscode.l10n.t('Snooze for a Day');
  const off = vscode.l10n.t('Turn Off {0}', kindLabel(f.kind));
  const actions = f.kind === 'budget' ? [open, showBudget, later, off] : [open, later, off];
  const picked = await vscode.window.showWarningMessage(alertMessage(f, alert.scopeLabel, language), ...actions);
  try {
    if (picked === open) {await vscode.commands.executeCommand(SHOW_USAGE_COMMAND, alert.usage);}
    else if (picked === showBudget && f.kind === 'budget') {
      const lines = [
        vscode.l10n.t('Amount: {0}', formatMoney(f.amount, language)),
        vscode.l10n.t('Spend: {0} ({1})', formatMoney(f.spend, language), f.thresholdType === 'Forecasted' ? vscode.l10n.t('forecast') : vscode.l10n.t('actual')),
        vscode.l10n.t('Period from {0}', formatCalendarDate(f.periodStart, language)),
        vscode.l10n.t('Threshold: {0} %', f.threshold),
        f.budgetId,
      ];
      await vscode.window.showInformationMessage(vscode.l10n.t('Budget {0}', f.budgetName), { modal: true, detail: lines.join('\n') });
    } else if (picked === later) {await monitor.snoozeForADay(f.key);}
    else if (picked === off) {await monitor.turnOff(f.kind);}
  } catch (error) {
    logger.warn(`Alerts: the action '${picked ?? ''}' failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
