// One usage-and-cost panel for one scope (subscription, billing profile or account): answers the webview's requests with series built
// from cached, priced usage (regrouping, switching views and exporting never refetch), and saves
// exports where the person chooses.

import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import { isCancellation } from '../../azure/errors';
import { dayOfInstant } from '../../insight/calendar';
import { costsToCsv } from '../../insight/csv';
import { GroupedCosts } from '../../insight/grouping';
import { HostToWebview, PanelSelection, WebviewToHost } from '../../shared/usagePanelMessages';
import { adviseOnFailure } from '../commands/failureAdvice';
import type { CreditsAnswer } from '../credits/creditsView';
import { describeFailure } from '../commands/failureMessage';
import { buildPanelData } from './panelModel';
import { csvHeadings, panelTexts, webviewStrings } from './panelStrings';
import { PanelSource } from './panelSource';
import { retryWhenThrottled } from './throttleWait';
import { UsageScope, defaultSelectionFor, scopeShortId } from './usageScope';

export { DEFAULT_SELECTION, defaultSelectionFor } from './usageScope';

/** Messages kept for extension-host tests (what the page was told, in order). */
const KEPT_MESSAGES = 50;

export interface ControllerDeps {
  source: () => PanelSource;
  logger: Logger;
  /** Today as a UTC day; tests pin it. */
  today?: () => number;
  billingPeriodStartDay?: () => number | undefined;
  /** The Credits view, for a billing profile (docs/credit-runway.md); absent for other scopes. */
  credits?: CreditsView;
}

export interface CreditsView {
  /** Whether the scope has credits to show (asked once, when the page is ready). */
  offered: (signal: AbortSignal) => Promise<boolean>;
  read: (today: number, signal: AbortSignal) => Promise<CreditsAnswer>;
}

export class UsagePanelController implements vscode.Disposable {
  private selection: PanelSelection;
  private grouped: GroupedCosts | undefined;
  private running: AbortController | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The last message posted, for extension-host tests. */
  lastPosted: HostToWebview | undefined;
  /** The latest messages posted, oldest first, for extension-host tests. */
  readonly posted: HostToWebview[] = [];
  private settled: Promise<void> = Promise.resolve();
  private creditsOffered: Promise<boolean> | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly scope: UsageScope,
    private readonly deps: ControllerDeps,
  ) {
    this.selection = defaultSelectionFor(scope);
    this.disposables.push(panel.webview.onDidReceiveMessage((m: WebviewToHost) => this.onMessage(m)));
  }

  /** Resolves when the latest request has been answered (tests wait on it). */
  whenSettled(): Promise<void> {
    return this.settled;
  }

  private post(message: HostToWebview): void {
    this.lastPosted = message;
    this.posted.push(message);
    if (this.posted.length > KEPT_MESSAGES) { this.posted.shift(); }
    void this.panel.webview.postMessage(message);
  }

  private onMessage(message: WebviewToHost): void {
    switch (message.type) {
      case 'ready':
        // The scope travels in the page's own state so the serializer can reopen this panel.
        this.post({ type: 'init', locale: vscode.env.language, strings: webviewStrings(), restore: { scope: this.scope } });
        this.offerCredits();
        this.show(message.selection ?? this.selection);
        break;
      case 'select':
        this.show(message.selection);
        break;
      case 'retry':
        this.show(this.selection);
        break;
      case 'refresh':
        this.deps.source().clear();
        this.show(this.selection);
        break;
      case 'exportCsv':
        void this.exportCsv();
        break;
      case 'exportPng':
        void this.exportPng(message.dataUrl);
        break;
    }
  }

  show(selection: PanelSelection): void {
    this.running?.abort();
    const running = new AbortController();
    this.running = running;
    this.selection = selection;
    this.post({ type: 'loading' });
    this.settled = this.answer(selection, running.signal);
  }

  /** Tells the page (again, after a reload) that the Credits view is there; asked of Azure once per panel. */
  private offerCredits(): void {
    const credits = this.deps.credits;
    if (!credits) {return;}
    this.creditsOffered ??= credits.offered(new AbortController().signal).catch(() => false);
    void this.creditsOffered.then((yes) => {
      if (yes) {this.post({ type: 'creditsOffered' });}
    });
  }

  private async answer(selection: PanelSelection, signal: AbortSignal): Promise<void> {
    if (selection.view === 'credits') {return this.answerCredits(selection, signal);}
    const started = Date.now();
    try {
      const result = await retryWhenThrottled(
        () =>
          buildPanelData(
            this.deps.source(),
            selection,
            { today: this.deps.today?.() ?? dayOfInstant(Date.now()), billingPeriodStartDay: this.deps.billingPeriodStartDay?.(), signal, logger: this.deps.logger },
            panelTexts(),
          ),
        {
          signal,
          onWait: (seconds) => {
            this.deps.logger.warn(`Usage panel ${this.scope.label}: Cost Management is throttling; waiting ${seconds} s before asking again.`);
            this.post({ type: 'loading', message: vscode.l10n.t('Azure Cost Management is busy and asked to wait. Trying again in {0} s…', seconds) });
          },
        },
      );
      if (signal.aborted) { return; }
      if (result.kind === 'series') {
        this.grouped = result.grouped;
        this.selection = result.payload.selection;
        this.post({ type: 'series', payload: result.payload });
        this.deps.logger.info(`Usage panel ${this.scope.label}: ${selection.view} by ${selection.groupBy} in ${Date.now() - started} ms.`);
      } else if (result.kind === 'periodInvalid') {
        this.post({ type: 'periodInvalid', field: result.field, message: result.message });
      } else {
        this.grouped = undefined;
        this.post({ type: 'empty', message: result.message, hint: result.hint });
      }
    } catch (error) {
      this.fail(error, signal);
    }
  }

  /** The Credits view: the runway and the ledger's balance, as a `credits` message (or why there is none). */
  private async answerCredits(selection: PanelSelection, signal: AbortSignal): Promise<void> {
    const credits = this.deps.credits;
    try {
      const today = this.deps.today?.() ?? dayOfInstant(Date.now());
      const answer = credits
        ? await retryWhenThrottled(() => credits.read(today, signal), {
            signal,
            onWait: (seconds) => this.post({ type: 'loading', message: vscode.l10n.t('Azure Cost Management is busy and asked to wait. Trying again in {0} s…', seconds) }),
          })
        : { kind: 'empty' as const, message: vscode.l10n.t('Credits are shown for billing profiles of a Microsoft Customer Agreement.') };
      if (signal.aborted) { return; }
      this.grouped = undefined;
      this.selection = selection;
      this.post(answer.kind === 'credits' ? { type: 'credits', payload: answer.payload } : { type: 'empty', message: answer.message });
    } catch (error) {
      this.fail(error, signal);
    }
  }

  private fail(error: unknown, signal: AbortSignal): void {
    if (signal.aborted || isCancellation(error)) { return; }
    this.deps.logger.error(`Usage panel ${this.scope.label}: ${error instanceof Error ? error.message : String(error)}`);
    const advice = adviseOnFailure(error);
    const text = describeFailure(advice);
    const detail = advice.kind === 'unexpected' ? `${text.nextStep} (${advice.detail})` : text.nextStep;
    this.post({ type: 'error', message: text.summary, detail, retryable: true });
  }

  private async exportCsv(): Promise<void> {
    if (!this.grouped) { return; }
    const csv = costsToCsv(this.grouped, csvHeadings());
    const name = `usage-cost-${scopeShortId(this.scope)}-${this.grouped.buckets[0] ?? 'empty'}.csv`;
    // A byte-order mark lets spreadsheet apps read non-ASCII group names as UTF-8.
    await this.save(name, { [vscode.l10n.t('CSV')]: ['csv'] }, Buffer.from('\uFEFF' + csv, 'utf8'));
  }

  private async exportPng(dataUrl: string): Promise<void> {
    const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
    if (!match) { return; }
    const name = `usage-cost-${scopeShortId(this.scope)}.png`;
    await this.save(name, { [vscode.l10n.t('PNG image')]: ['png'] }, Buffer.from(match[1], 'base64'));
  }

  private async save(fileName: string, filters: Record<string, string[]>, bytes: Uint8Array): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined, filters });
    if (!target) { return; }
    await vscode.workspace.fs.writeFile(target, bytes);
    this.deps.logger.info(`Usage panel: saved ${target.fsPath}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}', vscode.workspace.asRelativePath(target)));
  }

  dispose(): void {
    this.running?.abort();
    for (const d of this.disposables) { d.dispose(); }
  }
}
