// Small commands on tree nodes: Copy ID, Open in Azure Portal, Load more, and Refresh of a leaf
// (which reads its list again, since a leaf's data comes with its list).
import * as vscode from 'vscode';
import { BillingNode } from '../../explorer/billingNode';
import type { ExplorerNode } from '../../explorer/explorerNode';
import type { ExplorerProvider } from '../../explorer/explorerProvider';
import { LoadMoreNode } from '../../explorer/loadMoreNode';

export async function copyId(node: unknown): Promise<string | undefined> {
  const text = node instanceof BillingNode ? node.copyText() : undefined;
  if (!text) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Choose an item in the Azure Billing view to copy its ID.'));
    return undefined;
  }
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', text), 3000);
  return text;
}

export function openInPortal(node: unknown): string | undefined {
  const url = node instanceof BillingNode ? node.portalUrl() : undefined;
  if (!url) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Choose an item in the Azure Billing view to open it in the Azure portal.'));
    return undefined;
  }
  // The editor may ask the person first; whether they agree is theirs to decide, not a failure.
  void Promise.resolve(vscode.env.openExternal(vscode.Uri.parse(url, true))).catch(() => undefined);
  return url;
}

export function loadMore(provider: ExplorerProvider, node: unknown): void {
  if (!(node instanceof LoadMoreNode)) return;
  provider.loadMore(node.parent);
}

export function refreshItem(provider: ExplorerProvider, node: unknown): void {
  const target = (node as ExplorerNode | undefined)?.parent;
  provider.refresh(target);
}
