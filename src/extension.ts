// Wires the layers together and does nothing else: no network call happens here (the tree asks
// for data when it is shown), so activation stays in the low milliseconds. The returned object
// lets extension-host tests read what the tree shows and what the last command failure was.
import * as vscode from 'vscode';
import { CommandRunner } from './views/commands/commandRunner';
import { registerSignInCommands } from './views/commands/signInCommands';
import { BillingExplorer, createBillingExplorer } from './views/explorer/explorerView';
import { createOutputChannelLogger } from './views/log/outputChannelLogger';
import { SessionManager } from './views/session/sessionManager';
import { registerUsagePanel } from './views/usagePanel/registerUsagePanel';
import { registerBillingCommands } from './views/commands/billing/registerBillingCommands';

export interface AzureBillingApi {
  readonly explorer: BillingExplorer;
  readonly sessions: SessionManager;
  readonly commands: CommandRunner;
  /** How long `activate` took, in milliseconds. */
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): AzureBillingApi {
  const started = performance.now();
  const { channel, logger } = createOutputChannelLogger();
  const runner = new CommandRunner(logger);
  const sessions = new SessionManager(context.globalState, logger);
  const explorer = createBillingExplorer(runner, sessions, logger);
  context.subscriptions.push(
    channel,
    runner,
    sessions,
    ...explorer.disposables,
    ...registerSignInCommands(runner, sessions),
    ...registerUsagePanel(context, runner, sessions, logger).disposables,
    ...registerBillingCommands(context, explorer, runner, sessions, logger),
    runner.register('azureBilling.showLog', () => channel.show(true)),
  );
  const activationMs = performance.now() - started;
  logger.info(`Azure Billing ${context.extension.packageJSON.version} activated in ${activationMs.toFixed(1)} ms (UI language ${vscode.env.language}).`);
  return { explorer, sessions, commands: runner, activationMs };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
