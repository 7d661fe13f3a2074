// The last child of a long list: "Load more…", which asks its folder for the next page.
import * as vscode from 'vscode';
import { contextValue, ExplorerNode } from './explorerNode';

/** A folder whose list continues: it reads the next page and answers with all its children. */
export interface LoadsMore extends ExplorerNode {
  loadMore(signal: AbortSignal): Promise<ExplorerNode[]>;
}

export class LoadMoreNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: LoadsMore,
    private readonly shown: number,
  ) {
    this.id = `${parent.id}/loadMore`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = vscode.l10n.t('{0} shown', this.shown);
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = contextValue('loadMore');
    item.command = { title: vscode.l10n.t('Load more…'), command: 'azureBilling.loadMore', arguments: [this] };
    return item;
  }
}
