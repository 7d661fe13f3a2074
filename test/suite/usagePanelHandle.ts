// The usage panel as the suites hold it: `azureBilling.showUsageAndCost` returns its controller,
// whose record of what it posted to the page is what the suites check.
import type * as vscode from 'vscode';
import type { HostToWebview, PanelSelection } from '../../src/shared/usagePanelMessages';

export interface PanelHandle {
  panel: vscode.WebviewPanel;
  lastPosted: HostToWebview | undefined;
  posted: HostToWebview[];
  show(selection: PanelSelection): void;
  whenSettled(): Promise<void>;
}

/** Polls `read` every 200 ms until it gives a value, or gives up after `timeoutMs` with undefined. */
export async function until<T>(read: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined || Date.now() > deadline) { return value; }
    await new Promise((r) => setTimeout(r, 200));
  }
}
