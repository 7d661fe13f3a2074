// The host side of the table panel: one webview per table, restored after a reload from the state
// the webview saved (registerWebviewPanelSerializer), with an Export button that runs `azureBilling.exportCsv`
// on the same rows. The panel keeps the table the host built; a restored panel only has what its
// page saved, which it shows but never trusts for a file name or folder (see exportTarget.ts).
import * as vscode from 'vscode';
import type { HostToWebviewMessage, TableDocument, TableWebviewState, WebviewToHostMessage } from '../../shared/tablePanelMessages';
import { bundlePageHtml, bundleWebviewOptions } from '../webview/webviewBundle';
import { isTableDocument, panelExportArgument } from './exportTarget';

export const TABLE_PANEL_VIEW_TYPE = 'azureBilling.table';

export class TablePanel implements vscode.Disposable {
  private static readonly open = new Set<TablePanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  static show(extensionUri: vscode.Uri, document: TableDocument): TablePanel {
    const panel = vscode.window.createWebviewPanel(TABLE_PANEL_VIEW_TYPE, document.title, vscode.ViewColumn.Active, webviewOptions(extensionUri));
    return new TablePanel(panel, extensionUri, document, document);
  }

  /** Registers the serializer that brings tables back after the window reloads. */
  static registerSerializer(extensionUri: vscode.Uri): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(TABLE_PANEL_VIEW_TYPE, {
      deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const saved = state as TableWebviewState | undefined;
        if (!isTableDocument(saved?.document)) {
          panel.dispose();
          return Promise.resolve();
        }
        panel.webview.options = webviewOptions(extensionUri);
        // No table of the host's own: the page's saved copy is shown, and exported only through a save dialog.
        new TablePanel(panel, extensionUri, saved.document, undefined);
        return Promise.resolve();
      },
    });
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    /** What the page shows. */
    private document: TableDocument,
    /** The table the host built in this session; undefined for a panel restored from page state. */
    private hostDocument: TableDocument | undefined,
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
    this.hostDocument = document;
    this.panel.title = document.title;
    if (this.ready) { void this.post({ type: 'show', document }); }
  }

  private async onMessage(message: WebviewToHostMessage): Promise<void> {
    switch (message?.type) {
      case 'ready':
        this.ready = true;
        await this.post({ type: 'show', document: this.document });
        return;
      case 'export':
        // Runs through the command so the one wrapper logs it and reports failures.
        await vscode.commands.executeCommand('azureBilling.exportCsv', panelExportArgument(this.hostDocument, this.document));
        return;
    }
  }

  private post(message: HostToWebviewMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  dispose(): void {
    TablePanel.open.delete(this);
    for (const d of this.disposables.splice(0)) { d.dispose(); }
    this.panel.dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { ...bundleWebviewOptions(extensionUri), enableFindWidget: true };
}
