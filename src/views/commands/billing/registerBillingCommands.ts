// Hangs the billing explorer below each account and registers the billing commands, all through
// the shell's command wrapper (logging, next-step messages, silence on cancel).
import * as vscode from 'vscode';
import { Semaphore } from '../../../azure/concurrency';
import type { Logger } from '../../../azure/log';
import type { CommandRunner } from '../commandRunner';
import { accountChildrenLoader } from '../../explorer/accountChildren';
import type { TreeServices } from '../../explorer/billingTree';
import type { BillingExplorer } from '../../explorer/explorerView';
import type { SessionManager } from '../../session/sessionManager';
import { TablePanel } from '../../tablePanel/tablePanel';
import { TargetResolver, NoChoiceError } from './billingTargets';
import { showCreditBalance, showCreditEvents } from './creditCommands';
import { exportCsv } from './exportCsvCommand';
import { downloadInvoiceCommand, downloadInvoicesCommand, showInvoices } from './invoiceCommands';
import { copyId, loadMore, openInPortal, refreshItem } from './nodeCommands';

/** Background loads in flight at once across the tree (credits, invoices, lists below profiles). */
const BACKGROUND_LOADS = 4;
export const PAGE_SIZE_SETTING = 'azureBilling.treePageSize';

export function registerBillingCommands(
  context: vscode.ExtensionContext,
  explorer: BillingExplorer,
  runner: CommandRunner,
  sessions: SessionManager,
  logger: Logger,
): vscode.Disposable[] {
  const services: TreeServices = {
    language: () => vscode.env.language,
    now: () => new Date(),
    redraw: (node) => explorer.provider.redraw(node),
    backgroundLoads: new Semaphore(BACKGROUND_LOADS),
    pageSize: () => Math.max(1, Math.floor(vscode.workspace.getConfiguration().get<number>(PAGE_SIZE_SETTING) ?? 50)),
    cloudName: () => sessions.session().cloud.name,
  };
  explorer.root.accountChildren = accountChildrenLoader(services);

  const targets = new TargetResolver(sessions, logger);
  const deps = { targets, provider: explorer.provider, view: explorer.view as vscode.TreeView<unknown>, extensionUri: context.extensionUri, logger, now: services.now };
  const explained = <A extends unknown[], R>(work: (...args: A) => Promise<R>) => async (...args: A): Promise<R | undefined> => {
    try {
      return await work(...args);
    } catch (error) {
      // "Nothing to choose from" is a state, not a failure: say it plainly.
      if (error instanceof NoChoiceError) {
        void vscode.window.showInformationMessage(error.message);
        return undefined;
      }
      throw error;
    }
  };

  return [
    TablePanel.registerSerializer(context.extensionUri),
    runner.register('azureBilling.showCreditBalance', explained((node?: unknown) => showCreditBalance(deps, node))),
    runner.register('azureBilling.showCreditEvents', explained((node?: unknown, args?: object) => showCreditEvents(deps, node, args))),
    runner.register('azureBilling.showInvoices', explained((node?: unknown, args?: object) => showInvoices(deps, node, args))),
    runner.register('azureBilling.downloadInvoice', explained((node?: unknown, options?: object) => downloadInvoiceCommand(deps, node, options))),
    runner.register('azureBilling.downloadInvoices', explained((node?: unknown, args?: object) => downloadInvoicesCommand(deps, node, args))),
    runner.register('azureBilling.exportCsv', explained((target?: unknown, args?: object) => exportCsv(deps, target, args))),
    runner.register('azureBilling.copyId', (node?: unknown) => copyId(node)),
    runner.register('azureBilling.openInPortal', (node?: unknown) => openInPortal(node)),
    runner.register('azureBilling.loadMore', (node?: unknown) => loadMore(explorer.provider, node)),
    runner.register('azureBilling.refreshItem', (node?: unknown) => refreshItem(explorer.provider, node)),
  ];
}
