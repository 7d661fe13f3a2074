// The host side of the table panel: one webview per table, restored after a reload from the state
// the webview saved (registerWebviewPanelSerializer), with an Export button that runs `azureBilling.exportCsv`
// on the same rows.
import * as vscode from 'vscode';
import type { HostToWebviewMessage, TableDocument, TableWebviewState, WebviewToHostMessage } from '../../shared/tablePanelMessages';
import { bundlePageHtml, bundleWebviewOptions } from '../webview/webviewBundle';

export const TABLE_PANEL_VIEW_TYPE = 'azureBilling.table';

export class TablePanel implements vscode.Disposable {
  private static readonly open = new Set<TablePanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  static show(extensionUri: vscode.Uri, document: TableDocument): TablePanel {
    const panel = vscode.window.createWebviewPanel(TABLE_PANEL_VIEW_TYPE, document.title, vscode.ViewColumn.Active, webviewOptions(extensionUri));
    return new TablePanel(panel, extensionUri, document);
  }

  /** Registers the serializer that brings tables back after the window reloads. */
  static registerSerializer(extensionUri: vscode.Uri): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(TABLE_PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const saved = state as TableWebviewState | undefined;
        if (!saved?.document) {
          panel.dispose();
          return;
        }
        panel.webview.options = webviewOptions(extensionUri);
        new TablePanel(panel, extensionUri, saved.document);
      },
    });
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private document: TableDocument,
  ) {
    TablePanel.open.add(this);
    panel.webview.html = bundlePageHtml(
      panel.webview,
      extensionUri,
      { bundle: 'tablePanel', language: document.language, title: document.title },
      // The table is announced as it changes (sorting, a new document).
      { body: '<main id="app" aria-live="polite"></main>' },
    );
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: WebviewToHostMessage) => this.onMessage(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Shows another table in the same panel. */
  update(document: TableDocument): void {
    this.document = document;
    this.panel.title = document.title;
    if (this.ready) void this.post({ type: 'show', document });
  }

  private async onMessage(message: WebviewToHostMessage): Promise<void> {
    switch (message?.type) {
      case 'ready':
        this.ready = true;
        await this.post({ type: 'show', document: this.document });
        return;
      case 'export':
        // Runs through the command so the one wrapper logs it and reports failures.
        await vscode.commands.executeCommand('azureBilling.exportCsv', this.document);
        return;
    }
  }

  private post(message: HostToWebviewMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  dispose(): void {
    TablePanel.open.delete(this);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { ...bundleWebviewOptions(extensionUri), enableFindWidget: true };
}
