// The shape every node of the Azure Billing tree has. Nodes are small objects that know how to
// show themselves and how to load their children; the provider (explorerProvider.ts) does the
// caching, cancellation, refresh and error handling once for all of them, so a new kind of node
// (billing profiles, credits, invoices…) is one small class below the node it belongs to.
import type * as vscode from 'vscode';

export interface ExplorerNode {
  /** Unique and stable across refreshes (VS Code keeps expansion and selection by it). Children extend their parent's id. */
  readonly id: string;
  /** Undefined for nodes on the first level. */
  readonly parent: ExplorerNode | undefined;
  getTreeItem(): vscode.TreeItem;
  /** Said after the label and description by screen readers; by default a plain-text tooltip. */
  accessibleDetail?(): string | undefined;
  /**
   * Present on nodes that have children. A thrown error becomes an error node with Retry in
   * place of the children; an AbortError (the node was refreshed meanwhile) is dropped.
   */
  loadChildren?(signal: AbortSignal): Promise<ExplorerNode[]>;
  /** What failed when `loadChildren` throws, as a person would say it ("Could not load billing accounts"). */
  readonly failedToLoadLabel?: string;
}

/** Marks in `contextValue` that `package.json` menus match with `viewItem =~ /\bword\b/`. */
export const CONTEXT = {
  refreshable: 'refreshable',
  retryable: 'retryable',
} as const;

export function contextValue(kind: string, ...marks: string[]): string {
  return ['azureBilling.' + kind, ...marks].join(' ');
}
