// The chargeback report's panel: one per scope and period (running it again refreshes the open
// one), on the same page shell and Content-Security-Policy as the other panels, with the report sent
// as data. Its Export button writes the files through the host; a panel brought back after a reload
// shows the report its page kept, and asks for a new run before exporting (the host no longer has
// the allocation, and the page's copy is never trusted to write files).
import * as vscode from 'vscode';
import type { ChargebackDocument, ChargebackHostMessage, ChargebackPageMessage, ChargebackPageState } from '../../shared/chargebackMessages';
import { bundlePageHtml, bundleWebviewOptions } from '../webview/webviewBundle';

export const CHARGEBACK_PANEL_VIEW_TYPE = 'azureBilling.chargeback';

export class ChargebackPanel implements vscode.Disposable {
  private static readonly open = new Map<string, ChargebackPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  /** What was posted to the page, in order (extension-host tests read it). */
  readonly posted: ChargebackHostMessage[] = [];

  static show(extensionUri: vscode.Uri, key: string, document: ChargebackDocument, onExport: () => Promise<string | undefined>): ChargebackPanel {
    const existing = ChargebackPanel.open.get(key);
    if (existing) {
      existing.onExport = onExport;
      existing.update(document);
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(CHARGEBACK_PANEL_VIEW_TYPE, document.title, vscode.ViewColumn.Active, webviewOptions(extensionUri));
    return new ChargebackPanel(panel, extensionUri, key, document, onExport);
  }

  static registerSerializer(extensionUri: vscode.Uri): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(CHARGEBACK_PANEL_VIEW_TYPE, {
      deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const saved = (state as ChargebackPageState | undefined)?.document;
        if (!saved || typeof saved.title !== 'string' || !Array.isArray(saved.currencies)) {
          panel.dispose();
          return Promise.resolve();
        }
        panel.webview.options = webviewOptions(extensionUri);
        new ChargebackPanel(panel, extensionUri, `restored:${saved.title}`, saved, undefined);
        return Promise.resolve();
      },
    });
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly key: string,
    private current: ChargebackDocument,
    private onExport: (() => Promise<string | undefined>) | undefined,
  ) {
    ChargebackPanel.open.set(key, this);
    panel.title = current.title;
    // The chart's canvas is styled by chart.js through the CSSOM, which the policy allows.
    panel.webview.html = bundlePageHtml(panel.webview, extensionUri, { bundle: 'chargebackPanel', language: current.language, title: current.title }, { body: '<main id="app"></main>' });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: ChargebackPageMessage) => this.onMessage(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  get document(): ChargebackDocument {
    return this.current;
  }

  update(document: ChargebackDocument): void {
    this.current = document;
    this.panel.title = document.title;
    if (this.ready) {void this.post({ type: 'show', document });}
  }

  /** Runs the export as the page's button does; resolves with the words the page shows. */
  async export(): Promise<string | undefined> {
    const text = this.onExport ? await this.onExport() : vscode.l10n.t('Run the chargeback again to export this report.');
    if (text) {await this.post({ type: 'exported', text });}
    return text;
  }

  private async onMessage(message: ChargebackPageMessage): Promise<void> {
    switch (message?.type) {
      case 'ready':
        this.ready = true;
        await this.post({ type: 'show', document: this.current });
        return;
      case 'export':
        // The export the host gave is already inside the command wrapper: a failure is logged and told there.
        await this.export();
        return;
    }
  }

  private post(message: ChargebackHostMessage): Thenable<boolean> {
    this.posted.push(message);
    return this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (ChargebackPanel.open.get(this.key) === this) {ChargebackPanel.open.delete(this.key);}
    for (const d of this.disposables.splice(0)) {d.dispose();}
    this.panel.dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { ...bundleWebviewOptions(extensionUri), enableFindWidget: true, retainContextWhenHidden: false };
}
