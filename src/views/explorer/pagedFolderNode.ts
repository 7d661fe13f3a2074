// A node whose children are a list from Azure, shown a page at a time with "Load more". The first
// page starts loading in the background as soon as the folder appears (bounded by the tree's
// semaphore), so opening it is quick and siblings load side by side; a slow or failing list only
// ever affects its own folder. "Does not apply to this agreement" answers become an info node.
import * as vscode from 'vscode';
import { isNotApplicable } from '../../billing/notApplicable';
import { BillingNode } from './billingNode';
import type { AccountScope } from './billingTree';
import type { ExplorerNode } from './explorerNode';
import { LoadMoreNode } from './loadMoreNode';
import { notApplicableNode } from './notApplicableNode';
import { Pager } from './pager';

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

export class PagedFolderNode<T> extends BillingNode {
  readonly id: string;
  readonly failedToLoadLabel: string;
  readonly pager: Pager<T>;
  /** The latest read of the pager: the background first page, a refresh, or a Load more. */
  private loading: Promise<unknown> | undefined;
  /** The background first page has not been handed to a loadChildren yet. */
  private prefetched = false;
  private wantsMore = false;
  private keepNext = false;

  constructor(
    parent: ExplorerNode,
    scope: AccountScope,
    readonly options: FolderOptions<T>,
  ) {
    super(parent, scope);
    this.id = `${parent.id}/${options.idSuffix}`;
    this.failedToLoadLabel = options.failedToLoadLabel;
    this.pager = new Pager((signal) => options.open(signal), scope.services.pageSize());
  }

  /**
   * Starts reading the first page now, in the background. `signal` is the parent's load: when the
   * parent is refreshed this folder is gone, and so is its background work.
   */
  startLoading(signal: AbortSignal): this {
    const slots = this.scope.services.backgroundLoads;
    this.loading = slots.acquire(signal).then(async (release) => {
      try {
        return await this.pager.first(signal);
      } finally {
        release();
      }
    });
    this.prefetched = true;
    // Failures surface when the folder is opened; an unobserved rejection must not be reported.
    this.loading.catch(() => undefined);
    return this;
  }

  override get armId(): string | undefined {
    return this.options.armId;
  }

  override copyText(): string | undefined {
    return this.options.copyText ?? this.options.armId;
  }

  /** Shows the folder's item again (its description changed) and keeps the children already read. */
  protected redrawKeepingChildren(): void {
    this.keepNext = true;
    this.scope.services.redraw(this);
  }

  /** The next load reads one more page instead of starting over (the Load more command). */
  requestMore(): void {
    this.wantsMore = true;
  }

  getTreeItem(): vscode.TreeItem {
    const item = this.item(this.options.label, this.options.icon, this.options.kind, true, ...(this.options.marks ?? []));
    item.description = this.options.description;
    item.tooltip = this.options.tooltip;
    return item;
  }

  async loadChildren(signal: AbortSignal): Promise<ExplorerNode[]> {
    try {
      await this.read(signal);
    } catch (error) {
      if (isNotApplicable(error)) { return [notApplicableNode(this, error)]; }
      throw error;
    }
    const children = this.pager.items.map((item) => this.options.child(item, this));
    if (children.length === 0) {
      return [notApplicableNode(this, undefined, this.options.emptyLabel)];
    }
    if (this.pager.hasMore) { children.push(new LoadMoreNode(this, this.pager.items.length)); }
    return children;
  }

  /** Decides what this load means: keep (a redraw), next page, the prefetched first page, or start over. */
  private async read(signal: AbortSignal): Promise<void> {
    if (this.keepNext) {
      this.keepNext = false;
      this.prefetched = false;
      if (this.loading) {
        try {
          await this.loading;
          return;
        } catch {
          // The read that was running was cancelled by the redraw itself: read again below.
        }
      }
    }
    if (this.wantsMore) {
      this.wantsMore = false;
      this.loading = this.pager.more(signal);
    } else if (this.prefetched && this.loading) {
      this.prefetched = false;
    } else {
      this.loading = this.pager.first(signal);
    }
    this.prefetched = false;
    await this.loading;
  }
}
