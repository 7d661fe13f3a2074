// Leaves that say something instead of showing data: an empty or no-permission state, and the
// error node that replaces children that failed to load (with Retry, and the next step).
import * as vscode from 'vscode';
import type { FailureAdvice } from '../commands/failureAdvice';
import { describeFailure } from '../commands/failureMessage';
import { CONTEXT, contextValue, ExplorerNode } from './explorerNode';

export interface InfoNodeOptions {
  label: string;
  description?: string;
  tooltip?: string;
  icon: string;
  /** Run on click, e.g. sign in to a directory. */
  command?: vscode.Command;
}

/** A state, not data: "No billing role in this directory", "More accounts not shown". */
export class InfoNode implements ExplorerNode {
  constructor(
    readonly parent: ExplorerNode | undefined,
    readonly id: string,
    private readonly options: InfoNodeOptions,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.options.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.options.description;
    item.tooltip = this.options.tooltip;
    item.iconPath = new vscode.ThemeIcon(this.options.icon);
    item.command = this.options.command;
    item.contextValue = contextValue('info');
    return item;
  }
}

/** Stands where children failed to load; Retry reloads `retryTarget` (undefined: the whole view). */
export class ErrorNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ExplorerNode | undefined,
    readonly retryTarget: ExplorerNode | undefined,
    private readonly failedToLoad: string,
    readonly advice: FailureAdvice,
  ) {
    this.id = `${retryTarget?.id ?? 'root'}/error`;
  }

  getTreeItem(): vscode.TreeItem {
    const text = describeFailure(this.advice);
    const item = new vscode.TreeItem(this.failedToLoad, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = text.summary;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendText(`${this.failedToLoad}\n\n${text.summary}\n\n`);
    if (text.nextStep) { tooltip.appendText(`${text.nextStep}\n\n`); }
    tooltip.appendMarkdown(vscode.l10n.t('Click to retry.'));
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(
      text.severity === 'error' ? 'error' : 'warning',
      new vscode.ThemeColor(text.severity === 'error' ? 'problemsErrorIcon.foreground' : 'problemsWarningIcon.foreground'),
    );
    item.contextValue = contextValue('error', CONTEXT.retryable);
    item.command = { title: vscode.l10n.t('Retry'), command: 'azureBilling.retry', arguments: [this] };
    return item;
  }
}
