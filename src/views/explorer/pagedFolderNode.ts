// A node whose children are a list from Azure, shown a page at a time with "Load more". The first
// page starts loading in the background as soon as the folder appears (bounded by the tree's
// semaphore), so opening it is quick and siblings load side by side; a slow or failing list only
// ever affects its own folder. "Does not apply to this agreement" answers become an info node.
// Opening, Refresh and Retry read the first page (`loadChildren`); Load more reads the next one and
// appends it to the nodes already made (`loadMore`, through the provider). Drawing the folder's
// item again (a description that arrived later) is the provider's `redraw` and never reads the list.
import * as vscode from 'vscode';
import { ListCursor } from '../../azure/listCursor';
import { isNotApplicable } from '../../billing/notApplicable';
import { BillingNode } from './billingNode';
import type { AccountScope } from './billingTree';
import type { ExplorerNode } from './explorerNode';
import { LoadMoreNode, LoadsMore } from './loadMoreNode';
import { notApplicableNode } from './notApplicableNode';

export interface FolderOptions<T> {
  /** Appended to the parent's id. */
  idSuffix: string;
  label: string;
  description?: string;
  tooltip?: string | vscode.MarkdownString;
  icon: string;
  /** `contextValue` kind, e.g. `invoicesFolder`. */
  kind: string;
  marks?: string[];
  failedToLoadLabel: string;
  /** For folders that are Azure resources themselves (sections, departments, enrollment accounts). */
  armId?: string;
  /** What Copy ID copies, when not the ARM id. */
  copyText?: string;
  /** Opens the list; called again on refresh. */
  open(signal: AbortSignal): AsyncIterable<T>;
  /** Makes the node of one item. */
  child(item: T, folder: PagedFolderNode<T>): ExplorerNode;
  /** Shown when the list is empty. */
  emptyLabel: string;
}

export class PagedFolderNode<T> extends BillingNode implements LoadsMore {
  readonly id: string;
  readonly failedToLoadLabel: string;
  readonly cursor: ListCursor<T>;
  /** The first page read in the background, until the folder is opened and takes it. */
  private background: Promise<unknown> | undefined;
  /** The node of each item read, in order: Load more appends, so nodes already shown stay the same. */
  private readonly nodes: ExplorerNode[] = [];

  constructor(
    parent: ExplorerNode,
    scope: AccountScope,
    readonly options: FolderOptions<T>,
  ) {
    super(parent, scope);
    this.id = `${parent.id}/${options.idSuffix}`;
    this.failedToLoadLabel = options.failedToLoadLabel;
    this.cursor = new ListCursor((signal) => options.open(signal), scope.services.pageSize());
  }

  /**
   * Starts reading the first page now, in the background. `signal` is the parent's load: when the
   * parent is refreshed this folder is gone, and so is its background work.
   */
  startLoading(signal: AbortSignal): this {
    const slots = this.scope.services.backgroundLoads;
    this.background = slots.acquire(signal).then(async (release) => {
      try {
        return await this.cursor.first(signal);
      } finally {
        release();
      }
    });
    // Failures surface when the folder is opened; an unobserved rejection must not be reported.
    void this.background.catch(() => undefined);
    return this;
  }

  override get armId(): string | undefined {
    return this.options.armId;
  }

  override copyText(): string | undefined {
    return this.options.copyText ?? this.options.armId;
  }

  getTreeItem(): vscode.TreeItem {
    const item = this.item(this.options.label, this.options.icon, this.options.kind, true, ...(this.options.marks ?? []));
    item.description = this.options.description;
    item.tooltip = this.options.tooltip;
    return item;
  }

  /** The first page: the one read in the background if it is there, else read now (opened, refreshed, retried). */
  async loadChildren(signal: AbortSignal): Promise<ExplorerNode[]> {
    const background = this.background;
    this.background = undefined;
    return this.children(async () => {
      this.nodes.length = 0;
      if (background) await background;
      else await this.cursor.first(signal);
    });
  }

  /** The next page, after what is shown (the Load more command); nothing already read is read again. */
  async loadMore(signal: AbortSignal): Promise<ExplorerNode[]> {
    return this.children(() => this.cursor.more(signal));
  }

  private async children(read: () => Promise<unknown>): Promise<ExplorerNode[]> {
    try {
      await read();
    } catch (error) {
      this.nodes.length = 0;
      if (isNotApplicable(error)) return [notApplicableNode(this, error)];
      throw error;
    }
    const items = this.cursor.items;
    for (let i = this.nodes.length; i < items.length; i++) this.nodes.push(this.options.child(items[i], this));
    if (this.nodes.length === 0) {
      return [notApplicableNode(this, undefined, this.options.emptyLabel)];
    }
    return this.cursor.hasMore ? [...this.nodes, new LoadMoreNode(this, items.length)] : [...this.nodes];
  }
}
