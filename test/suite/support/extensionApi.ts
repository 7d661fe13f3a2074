// The running extension as suites see it: its public API and helpers to read the tree the way
// the view shows it (labels, descriptions, context values), without going through the UI.
import * as vscode from 'vscode';
import type { AzureBillingApi } from '../../../src/extension';

export const EXTENSION_ID = 'azure-billing-insight.azure-billing-insight';

export async function extensionApi(): Promise<AzureBillingApi> {
  const extension = vscode.extensions.getExtension<AzureBillingApi>(EXTENSION_ID);
  if (!extension) { throw new Error(`${EXTENSION_ID} is not installed in this host.`); }
  return extension.activate();
}

/** A node of the tree as a person would read it. */
export interface ShownNode {
  node: unknown;
  label: string;
  description: string;
  contextValue: string;
  command?: string;
  tooltip: string;
  /** What a screen reader says (accessibilityInformation.label). */
  accessibleLabel: string;
  collapsible: boolean;
}

/** Markdown as it reads on screen: MarkdownString.appendText writes spaces as &nbsp; and escapes punctuation. */
function readableMarkdown(value: string): string {
  return value.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1').replace(/\n{2,}/g, '\n');
}

type Node = Parameters<AzureBillingApi['explorer']['provider']['getTreeItem']>[0];

export async function shownChildren(api: AzureBillingApi, parent?: unknown): Promise<ShownNode[]> {
  const provider = api.explorer.provider;
  const children = await provider.getChildren(parent as Node | undefined);
  return children.map((node) => {
    const item = provider.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    const tooltip = typeof item.tooltip === 'string' ? item.tooltip : readableMarkdown(item.tooltip?.value ?? '');
    return {
      node,
      label,
      description: typeof item.description === 'string' ? item.description : '',
      contextValue: item.contextValue ?? '',
      command: item.command?.command,
      tooltip,
      accessibleLabel: item.accessibilityInformation?.label ?? '',
      collapsible: item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None,
    };
  });
}

/** Reloads `node` (or the whole tree) the way the view's Refresh button does. */
export async function refresh(node?: unknown): Promise<void> {
  await vscode.commands.executeCommand(node ? 'azureBilling.refreshNode' : 'azureBilling.refresh', node);
}
