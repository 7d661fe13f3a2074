// Wires the layers together and does nothing else: no network call happens here (the tree asks
// for data when it is shown), so activation stays in the low milliseconds. The returned object
// lets extension-host tests read what the tree shows, what the last command failure was, and
// what reached the log.
import * as vscode from 'vscode';
import type { Logger } from './azure/log';
import { CommandRunner } from './views/commands/commandRunner';
import { registerSignInCommands } from './views/commands/signInCommands';
import { BillingExplorer, createBillingExplorer } from './views/explorer/explorerView';
import { createOutputChannelLogger } from './views/log/outputChannelLogger';
import { SessionManager } from './views/session/sessionManager';
import { registerUsagePanel } from './views/usagePanel/registerUsagePanel';
import { registerBillingCommands } from './views/commands/billing/registerBillingCommands';
import { registerStatusBar } from './views/statusBar/registerStatusBar';
import type { StatusBarGlance } from './views/statusBar/statusBarController';
import { registerChargebackDiagnostics } from './views/chargeback/ruleDiagnostics';
import { registerAlerts } from './views/alerts/registerAlerts';
import type { AlertMonitor } from './views/alerts/alertMonitor';
import { alertMessage } from './views/alerts/alertText';
import { costScopeOf } from './views/usagePanel/usageScope';
import { registerWhatIf } from './views/whatIf/registerWhatIf';
import { registerChargeback } from './views/chargeback/registerChargeback';
import { registerBudgetCommands } from './views/budgets/budgetCommands';

/** The walkthrough contributed in package.json (`contributes.walkthroughs`). */
export const WALKTHROUGH_ID = 'azureBilling.gettingStarted';

export interface AzureBillingApi {
  readonly explorer: BillingExplorer;
  readonly sessions: SessionManager;
  readonly commands: CommandRunner;
  /** The status bar item of the pinned scope. */
  readonly statusBar: StatusBarGlance;
  /** How long `activate` took, in milliseconds. */
  readonly activationMs: number;
  readonly log: ExtensionLog;
  /** The alert monitor. */
  readonly alerts: AlertMonitor;
}

/** The "Azure Billing" log as tests see it. */
export interface ExtensionLog {
  /** The folder VS Code writes this extension's log channel into (one `.log` file per channel). */
  readonly folder: vscode.Uri;
  /** The channel's level now (the person, or a test run, sets it). */
  readonly level: vscode.LogLevel;
  /** The logger every part of the extension writes through, redaction included. */
  readonly logger: Logger;
}

export function activate(context: vscode.ExtensionContext): AzureBillingApi {
  const started = performance.now();
  const { channel, logger } = createOutputChannelLogger();
  const runner = new CommandRunner(logger);
  const sessions = new SessionManager(context.globalState, logger, (context.extension.packageJSON as { version: string }).version);
  const explorer = createBillingExplorer(runner, sessions, logger);
  const usage = registerUsagePanel(context, runner, sessions, logger);
  const statusBar = registerStatusBar(context, runner, sessions, usage.panels, logger);
  context.subscriptions.push(
    channel,
    runner,
    sessions,
    ...explorer.disposables,
    ...registerSignInCommands(runner, sessions),
    ...usage.disposables,
    ...statusBar.disposables,
    ...registerBillingCommands(context, explorer, runner, sessions, logger, usage.panels),
    ...registerChargebackDiagnostics(),
    ...registerWhatIf(context, runner, sessions, usage.panels, logger),
    ...registerChargeback(context, runner, sessions, logger),
    ...registerBudgetCommands({ runner, provider: explorer.provider, sessions, logger, now: () => new Date() }),
    runner.register('azureBilling.showLog', () => channel.show(true)),
    runner.register('azureBilling.openWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false),
    ),
  );
  // After the tree's commands: the Alerts folder wraps the account children they set up.
  const alerts = registerAlerts(context, runner, sessions, explorer, usage.panels, logger);
  context.subscriptions.push(...alerts.disposables);
  statusBar.glance.alertLines = (scope) =>
    alerts.monitor.activeAlerts({ scope: costScopeOf(scope) }).map((a) => alertMessage(a.finding, a.scopeLabel, vscode.env.language));
  const activationMs = performance.now() - started;
  logger.info(`Azure Billing ${(context.extension.packageJSON as { version: string }).version} activated in ${activationMs.toFixed(1)} ms (UI language ${vscode.env.language}).`);
  const log: ExtensionLog = {
    folder: context.logUri,
    get level() {
      return channel.logLevel;
    },
    logger,
  };
  return { explorer, sessions, commands: runner, statusBar: statusBar.glance, activationMs, log, alerts: alerts.monitor };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
