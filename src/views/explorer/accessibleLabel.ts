// What a screen reader says for a node of the tree: what is shown first (the label, then the
// description), then a detail (a folder's explanation, an agreement type in full). One helper for
// every node, applied by the provider (explorerProvider.ts), so no node reads out a sentence in
// place of its visible name. No vscode values here, only its types: unit-tested in plain Node.
import type * as vscode from 'vscode';

/** "Credit events, last 12 months, Credits added, …": the visible text first, nothing twice. */
export function accessibleText(label: string, description?: string, detail?: string): string {
  const parts: string[] = [];
  for (const part of [label, description, detail]) {
    const text = part?.trim();
    if (text && !parts.includes(text)) { parts.push(text); }
  }
  return parts.join(', ');
}

/**
 * Sets `accessibilityInformation` from what the item shows. `detail` defaults to a plain-text
 * tooltip (folders explain themselves there); a tooltip of fields is left to be read on demand.
 */
export function withAccessibleLabel(item: vscode.TreeItem, detail?: string): vscode.TreeItem {
  const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
  const description = typeof item.description === 'string' ? item.description : undefined;
  const extra = detail ?? (typeof item.tooltip === 'string' ? item.tooltip : undefined);
  item.accessibilityInformation = { ...item.accessibilityInformation, label: accessibleText(label, description, extra) };
  return item;
}
