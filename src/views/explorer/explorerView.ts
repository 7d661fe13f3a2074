// The "Azure Billing" tree view and its refresh commands. The view is named like its container, so
// the side bar's title reads just "Azure Billing" instead of a name cut at the default width.
// Creating the view costs nothing: VS Code asks for the first level only when the view is
// visible, which is when the network is used.
import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import type { CommandRunner } from '../commands/commandRunner';
import type { SessionManager } from '../session/sessionManager';
import type { ExplorerNode } from './explorerNode';
import { BillingExplorerRoot } from './explorerRoot';
import { ExplorerProvider } from './explorerProvider';
import { ErrorNode } from './messageNodes';

export const EXPLORER_VIEW_ID = 'azureBilling.explorer';

export interface BillingExplorer {
  provider: ExplorerProvider;
  root: BillingExplorerRoot;
  view: vscode.TreeView<ExplorerNode>;
  disposables: vscode.Disposable[];
}

export function createBillingExplorer(runner: CommandRunner, sessions: SessionManager, logger: Logger): BillingExplorer {
  // eslint-disable-next-line prefer-const -- the root's callback below may run before the view exists
  let view: vscode.TreeView<ExplorerNode> | undefined;
  const root = new BillingExplorerRoot(sessions, (signedInAs) => {
    if (view) { view.description = signedInAs; }
  });
  const provider = new ExplorerProvider(root, logger);
  view = vscode.window.createTreeView(EXPLORER_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const disposables: vscode.Disposable[] = [
    provider,
    view,
    sessions.onDidChange(() => provider.refresh()),
    runner.register('azureBilling.refresh', () => provider.refresh()),
    runner.register('azureBilling.refreshNode', (node?: ExplorerNode) => provider.refresh(node)),
    runner.register('azureBilling.retry', (node?: ExplorerNode) => provider.refresh(node instanceof ErrorNode ? node.retryTarget : node)),
  ];
  return { provider, root, view, disposables };
}
