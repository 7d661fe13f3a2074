// The TreeDataProvider of the Azure Billing view. It asks nodes for their children once, keeps the
// answer until that node (or an ancestor) is refreshed, cancels loads that a refresh made stale,
// and turns a failed load into an error node with Retry, so one broken scope never breaks the tree.
// Three different things happen to a node: `refresh` forgets and reads its children again,
// `redraw` shows its item again with the children it has, and `loadMore` appends the next page.
import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import { adviseOnFailure } from '../commands/failureAdvice';
import { describeErrorChain } from '../commands/commandRunner';
import type { ExplorerNode } from './explorerNode';
import { withAccessibleLabel } from './accessibleLabel';
import type { LoadsMore } from './loadMoreNode';
import { ErrorNode } from './messageNodes';

/** The invisible parent of the first level. */
export interface ExplorerRoot {
  loadChildren(signal: AbortSignal): Promise<ExplorerNode[]>;
  readonly failedToLoadLabel: string;
}

interface PendingChildren {
  controller: AbortController;
  children: Promise<ExplorerNode[]>;
}

const ROOT_KEY = '';

export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly cache = new Map<string, PendingChildren>();

  constructor(
    private readonly root: ExplorerRoot,
    private readonly logger: Logger,
  ) {}

  /** Every node reads out what it shows first (accessibleLabel.ts). */
  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return withAccessibleLabel(node.getTreeItem(), node.accessibleDetail?.());
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const key = node?.id ?? ROOT_KEY;
    const cached = this.cache.get(key);
    if (cached) return cached.children;
    const source = node ?? this.root;
    if (!source.loadChildren) return Promise.resolve([]);
    const controller = new AbortController();
    const children = this.load(node, source, controller.signal);
    this.cache.set(key, { controller, children });
    return children;
  }

  /** Forget and reload `node`'s children (and everything below), or the whole tree. */
  refresh(node?: ExplorerNode): void {
    const prefix = node ? `${node.id}/` : undefined;
    for (const [key, pending] of [...this.cache]) {
      const stale = node === undefined || key === node.id || key.startsWith(prefix!);
      if (!stale) continue;
      pending.controller.abort();
      this.cache.delete(key);
    }
    this.changed.fire(node);
  }

  /** Shows `node`'s item again (its description changed) with the children already read. */
  redraw(node: ExplorerNode): void {
    this.changed.fire(node);
  }

  /**
   * Reads the next page of `node`'s list and shows it below what is there. The children already
   * read, and everything loaded below them, are kept; the load shares the cancellation of the
   * folder's first one, so a refresh stops both.
   */
  loadMore(node: LoadsMore): void {
    const controller = this.cache.get(node.id)?.controller ?? new AbortController();
    const more: ExplorerRoot = { loadChildren: (signal) => node.loadMore(signal), failedToLoadLabel: node.failedToLoadLabel ?? vscode.l10n.t('Could not load this') };
    this.cache.set(node.id, { controller, children: this.load(node, more, controller.signal) });
    this.changed.fire(node);
  }

  private async load(node: ExplorerNode | undefined, source: ExplorerRoot | ExplorerNode, signal: AbortSignal): Promise<ExplorerNode[]> {
    const started = Date.now();
    const what = node?.id ?? 'first level';
    try {
      const children = await source.loadChildren!(signal);
      this.logger.debug(`tree: ${what}: ${children.length} children in ${Date.now() - started} ms`);
      return children;
    } catch (error) {
      // A refresh replaced this load; VS Code asks again and gets the new one.
      if (signal.aborted) return [];
      const advice = adviseOnFailure(error);
      if (advice.kind === 'cancelled') return [];
      this.logger.warn(`tree: ${what}: loading failed after ${Date.now() - started} ms (${advice.kind}): ${describeErrorChain(error)}`);
      // A failure nobody foresaw is a bug: keep where it happened.
      if (advice.kind === 'unexpected' && error instanceof Error && error.stack) this.logger.debug(error.stack);
      return [new ErrorNode(node, node, source.failedToLoadLabel ?? vscode.l10n.t('Could not load this'), advice)];
    }
  }

  dispose(): void {
    for (const pending of this.cache.values()) pending.controller.abort();
    this.cache.clear();
    this.changed.dispose();
  }
}
