// The what-if results panel: the same page shell, CSP and theming as the other panels
// (webviewBundle.ts), one panel per subscription, brought forward when asked again. Exports go into
// the workspace folder, written atomically (a temporary file renamed into place).
import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import { reportCsv, reportMarkdown } from '../../insight/whatIf/whatIfExport';
import type { WhatIfReport } from '../../insight/whatIf/whatIfReport';
import type { WhatIfHostToWebview, WhatIfView, WhatIfWebviewToHost } from '../../shared/whatIfMessages';
import { WorkspaceFolderPort } from '../downloads/workspaceFolderPort';
import { safePathSegment } from '../downloads/invoiceFileName';
import { bundlePageHtml, bundleWebviewOptions } from '../webview/webviewBundle';
import { exportHeadings, whatIfView } from './whatIfView';

export const WHAT_IF_VIEW_TYPE = 'azureBilling.whatIf';

export class WhatIfPanel implements vscode.Disposable {
  private static readonly open = new Map<string, WhatIfPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  /** What the page was last sent (extension-host tests read it). */
  view: WhatIfView;
  /** Files written by exports, newest last (tests read them). */
  readonly exported: vscode.Uri[] = [];

  static show(extensionUri: vscode.Uri, key: string, report: WhatIfReport, scopeLabel: string, logger: Logger): WhatIfPanel {
    const existing = WhatIfPanel.open.get(key);
    if (existing) {
      existing.update(report);
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(WHAT_IF_VIEW_TYPE, vscode.l10n.t('What if: {0}', scopeLabel), vscode.ViewColumn.Active, {
      ...bundleWebviewOptions(extensionUri),
      enableFindWidget: true,
    });
    const created = new WhatIfPanel(panel, extensionUri, key, report, scopeLabel, logger);
    WhatIfPanel.open.set(key, created);
    return created;
  }

  static panelFor(key: string): WhatIfPanel | undefined {
    return WhatIfPanel.open.get(key);
  }

  /** The panel in front (the palette's Save as Workload). */
  static active(): WhatIfPanel | undefined {
    return [...WhatIfPanel.open.values()].find((p) => p.panel.active);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly key: string,
    public report: WhatIfReport,
    readonly scopeLabel: string,
    private readonly logger: Logger,
  ) {
    this.view = whatIfView(report, scopeLabel, vscode.env.language);
    panel.webview.html = bundlePageHtml(panel.webview, extensionUri, { bundle: 'whatIfPanel', language: vscode.env.language, title: this.view.title }, { extraImageSources: ['data:'] });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: WhatIfWebviewToHost) => this.onMessage(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  update(report: WhatIfReport): void {
    this.report = report;
    this.view = whatIfView(report, this.scopeLabel, vscode.env.language);
    if (this.ready) { void this.post({ type: 'show', view: this.view }); }
  }

  private async onMessage(message: WhatIfWebviewToHost): Promise<void> {
    switch (message?.type) {
      case 'ready':
        this.ready = true;
        await this.post({ type: 'show', view: this.view });
        return;
      case 'export':
        await vscode.commands.executeCommand('azureBilling.exportWhatIf', { key: this.key, format: message.format });
        return;
    }
  }

  /** Writes the report into the first workspace folder; returns the file. */
  async export(format: 'csv' | 'markdown'): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to export the what-if into it.'));
      return undefined;
    }
    const headings = exportHeadings();
    const bytes = format === 'csv'
      // A byte-order mark lets spreadsheet apps read non-ASCII names as UTF-8.
      ? Buffer.from('\uFEFF' + reportCsv(this.report, headings), 'utf8')
      : Buffer.from(reportMarkdown(this.report, headings, this.view.title), 'utf8');
    const name = safePathSegment(`what-if-${this.scopeLabel}-${this.report.period.from}.${format === 'csv' ? 'csv' : 'md'}`, `what-if.${format === 'csv' ? 'csv' : 'md'}`);
    const target = await writeIntoFolder(folder, name, bytes);
    this.exported.push(target);
    this.logger.info(`What if: saved ${vscode.workspace.asRelativePath(target)}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}', vscode.workspace.asRelativePath(target)));
    return target;
  }

  private post(message: WhatIfHostToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (WhatIfPanel.open.get(this.key) === this) { WhatIfPanel.open.delete(this.key); }
    for (const d of this.disposables.splice(0)) { d.dispose(); }
    this.panel.dispose();
  }
}

/** Written atomically: a temporary file renamed into place, so a reader never sees half of it. */
export async function writeIntoFolder(folder: vscode.WorkspaceFolder, name: string, bytes: Uint8Array): Promise<vscode.Uri> {
  const port = new WorkspaceFolderPort(folder.uri, folder.name, folder);
  const temporary = `.${name}.${Date.now().toString(36)}.tmp`;
  try {
    await port.write(temporary, bytes);
    await port.renameReplacing(temporary, name);
  } catch (error) {
    await port.deleteIfExists(temporary).catch(() => undefined);
    throw error;
  }
  return vscode.Uri.joinPath(folder.uri, name);
}
