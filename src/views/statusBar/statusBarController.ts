// The status bar item of the pinned scope: spend to date and the forecast, refreshed on an
// interval and on Refresh. It reads through the scope's shared cost source (the usage panel's),
// so its queries are the panel's: one in flight is joined, a fresh answer reused. Throttling is
// waited out quietly (one log line per wait, the tooltip says so); signed out, the item hides; a
// failure shows a warning whose click retries. Nothing is read until a scope is pinned.

import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import { isCancellation } from '../../azure/errors';
import { listBudgets } from '../../billing/budgets';
import type { Budget } from '../../billing/models/budget';
import { dayOfInstant, formatIsoDate } from '../../insight/calendar';
import { adviseOnFailure } from '../commands/failureAdvice';
import { describeFailure } from '../commands/failureMessage';
import { readProfileRunway } from '../credits/readProfileRunway';
import { RunwayAnswer } from '../credits/profileRunway';
import { runwayLines } from '../credits/runwayText';
import { formatCalendarDate, formatInstant, formatMoney, safeLocale } from '../format/displayFormat';
import type { SessionManager } from '../session/sessionManager';
import type { PanelSource } from '../usagePanel/panelSource';
import { retryWhenThrottled } from '../usagePanel/throttleWait';
import { costScopeOf, UsageScope } from '../usagePanel/usageScope';
import { Glance, readGlance } from './glanceFigures';
import { glanceTexts } from './glanceStrings';
import { escapeMarkdown, glanceTooltip, statusText } from './glanceText';
import type { PinnedScopeStore } from './pinnedScopeStore';

export const PIN_COMMAND = 'azureBilling.pinToStatusBar';
export const UNPIN_COMMAND = 'azureBilling.unpinFromStatusBar';
export const REFRESH_COMMAND = 'azureBilling.refreshStatusBar';
export const SHOW_USAGE_COMMAND = 'azureBilling.showUsageAndCost';
export const INTERVAL_SETTING = 'azureBilling.statusBar.refreshIntervalMinutes';
export const DEFAULT_INTERVAL_MINUTES = 60;
export const MIN_INTERVAL_MINUTES = 15;
/** An answer younger than this is the same data: a refresh reuses it rather than asking again. */
export const FRESH_MS = 60_000;

/** Menus offer Unpin only while a scope is pinned. */
function setPinnedContext(pinned: boolean): void {
  void vscode.commands.executeCommand('setContext', 'azureBilling.statusBarPinned', pinned);
}

export type GlanceState = 'hidden' | 'loading' | 'waiting' | 'shown' | 'failed';

export interface StatusBarDeps {
  store: PinnedScopeStore;
  sessions: SessionManager;
  logger: Logger;
  /** The scope's shared cost source (UsagePanels.sourceFor). */
  source(scope: UsageScope): PanelSource;
  /** Today as a UTC day; tests may pin it. */
  today?(): number;
}

export class StatusBarGlance implements vscode.Disposable {
  private item: vscode.StatusBarItem | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: { scopeKey: string; done: Promise<void>; abort: AbortController } | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private budgets: { key: string; at: number; list: Promise<Budget[]> } | undefined;
  /** What the item shows now (extension-host tests read it). */
  state: GlanceState = 'hidden';
  /** The figures last shown. */
  glance: Glance | undefined;
  /** The credit runway last shown (billing profiles with credits). */
  runway: RunwayAnswer | undefined;
  /** The pinned scope's active alerts, one line each (set by the alert monitor's wiring). */
  alertLines: ((scope: UsageScope) => string[]) | undefined;

  constructor(private readonly deps: StatusBarDeps) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(INTERVAL_SETTING)) {this.schedule();}
      }),
      // A new sign-in, cloud or sign-out: what was shown belongs to the old session.
      deps.sessions.onDidChange(() => {
        if (this.deps.store.get()) {void this.refresh();}
      }),
      deps.sessions.onDidChangeSignInState((state) => {
        if (state === 'signedOut') {this.hide();}
        else if (state === 'signedIn' && this.state === 'hidden' && this.deps.store.get()) {void this.refresh();}
      }),
    );
  }

  /** Called once after activation: shows the pinned scope, if any, without delaying activation. */
  start(): void {
    if (!this.deps.store.get()) {return;}
    setPinnedContext(true);
    this.schedule();
    setTimeout(() => void this.refresh(), 0);
  }

  /**
   * As after a restart of the editor: forgets everything held in memory (figures, the item) and
   * starts again from what the global state kept. Extension-host tests use it to check that the
   * pin survives; the person never needs it.
   */
  restart(): Promise<void> {
    this.running?.abort.abort();
    this.running = undefined;
    this.stopTimer();
    this.item?.dispose();
    this.item = undefined;
    this.state = 'hidden';
    this.glance = undefined;
    this.runway = undefined;
    this.budgets = undefined;
    if (!this.deps.store.get()) {return Promise.resolve();}
    setPinnedContext(true);
    this.schedule();
    return this.refresh();
  }

  get pinned(): UsageScope | undefined {
    return this.deps.store.get();
  }

  get statusItem(): vscode.StatusBarItem | undefined {
    return this.item;
  }

  async pin(scope: UsageScope): Promise<void> {
    await this.deps.store.set(scope);
    setPinnedContext(true);
    this.glance = undefined;
    this.runway = undefined;
    this.deps.logger.info(`Status bar: pinned ${scope.label}.`);
    this.schedule();
    await this.refresh();
  }

  async unpin(): Promise<void> {
    const scope = this.deps.store.get();
    await this.deps.store.set(undefined);
    setPinnedContext(false);
    this.running?.abort.abort();
    this.running = undefined;
    this.stopTimer();
    this.hide();
    this.glance = undefined;
    this.runway = undefined;
    if (scope) {this.deps.logger.info(`Status bar: unpinned ${scope.label}.`);}
  }

  /** Resolves when the refresh in progress (if any) has finished. */
  whenSettled(): Promise<void> {
    return this.running?.done ?? Promise.resolve();
  }

  /** Refreshes now; a refresh already running for the same scope is joined, not repeated. */
  refresh(): Promise<void> {
    const scope = this.deps.store.get();
    if (!scope) {
      this.hide();
      return Promise.resolve();
    }
    const key = JSON.stringify(scope);
    if (this.running?.scopeKey === key) {return this.running.done;}
    this.running?.abort.abort();
    const abort = new AbortController();
    const done = this.load(scope, abort.signal).finally(() => {
      if (this.running?.abort === abort) {this.running = undefined;}
    });
    this.running = { scopeKey: key, done, abort };
    return done;
  }

  private async load(scope: UsageScope, signal: AbortSignal): Promise<void> {
    if (this.signedOut()) {
      this.hide();
      return;
    }
    if (!this.glance) {this.show(`$(sync~spin) ${scope.label}`, new vscode.MarkdownString(vscode.l10n.t('Reading the cost of {0}…', escapeMarkdown(scope.label))), 'loading');}
    const started = Date.now();
    try {
      const source = this.deps.source(scope);
      // Answers older than a minute are stale for a refresh; queries in flight stay shared.
      source.clear(FRESH_MS);
      const today = this.deps.today?.() ?? dayOfInstant(Date.now());
      const glance = await retryWhenThrottled(() => readGlance(source, { today, signal }), {
        signal,
        maxWaits: 6,
        longestWaitMs: 10 * 60_000,
        onWait: (seconds) => {
          // One line per wait, no pop-up: the item says it is waiting and keeps its last figures.
          this.deps.logger.warn(`Status bar ${scope.label}: Cost Management is throttling; waiting ${seconds} s before asking again.`);
          const tooltip = new vscode.MarkdownString(vscode.l10n.t('Azure Cost Management is busy and asked to wait. Trying again in {0} s…', seconds));
          if (this.glance) {this.show(this.item?.text ?? '', tooltip, 'waiting');}
          else {this.show(`$(watch) ${scope.label}`, tooltip, 'waiting');}
        },
      });
      if (signal.aborted) {return;}
      const [runway, budgets] = await Promise.all([this.readRunway(scope, source, today, signal), this.readBudgets(scope, signal)]);
      if (signal.aborted) {return;}
      this.glance = glance;
      this.runway = runway;
      this.render(scope, glance, runway, budgets);
      this.deps.logger.info(`Status bar ${scope.label}: refreshed in ${Date.now() - started} ms.`);
    } catch (error) {
      if (signal.aborted || isCancellation(error)) {return;}
      const advice = adviseOnFailure(error);
      if (this.signedOut()) {
        this.hide();
        return;
      }
      const text = describeFailure(advice);
      this.deps.logger.warn(`Status bar ${scope.label}: ${error instanceof Error ? error.message : String(error)}`);
      const tooltip = new vscode.MarkdownString(
        [
          `**${escapeMarkdown(scope.label)}**`,
          escapeMarkdown(text.summary),
          escapeMarkdown(text.nextStep),
          vscode.l10n.t('Click to try again.'),
        ].join('\n\n'),
      );
      this.show(`$(warning) ${scope.label}`, tooltip, 'failed', { command: REFRESH_COMMAND, title: vscode.l10n.t('Try again') });
    }
  }

  /** Credits of a billing profile; undefined elsewhere, without credits, or when they cannot be read. */
  private async readRunway(scope: UsageScope, source: PanelSource, today: number, signal: AbortSignal): Promise<RunwayAnswer | undefined> {
    if (scope.kind !== 'billingProfile' || !scope.profileName) {return undefined;}
    try {
      return await readProfileRunway({
        transport: this.deps.sessions.session().transportFor(scope.tenantId),
        scope: { accountName: scope.accountName, profileName: scope.profileName, agreementType: 'MicrosoftCustomerAgreement' },
        costs: source,
        today,
        signal,
      });
    } catch (error) {
      this.deps.logger.debug(`Status bar ${scope.label}: no credit runway (${error instanceof Error ? error.message : String(error)}).`);
      return undefined;
    }
  }

  /**
   * Budgets at the scope: one Consumption list (no Cost Management query), read at most once per
   * refresh interval. A scope without budgets, or without the right to read them, shows none.
   */
  private async readBudgets(scope: UsageScope, signal: AbortSignal): Promise<Budget[]> {
    const key = JSON.stringify(scope);
    const now = Date.now();
    if (!this.budgets || this.budgets.key !== key || now - this.budgets.at > FRESH_MS) {
      const transport = this.deps.sessions.session().transportFor(scope.tenantId);
      const list = listBudgets(transport, costScopeOf(scope), { signal })
        .all()
        .then((r) => r.items.filter((b) => b.category.toLowerCase() === 'cost' && b.amount > 0));
      this.budgets = { key, at: now, list };
    }
    try {
      return await this.budgets.list;
    } catch (error) {
      this.budgets = undefined;
      this.deps.logger.debug(`Status bar ${scope.label}: budgets not read (${error instanceof Error ? error.message : String(error)}).`);
      return [];
    }
  }

  private render(scope: UsageScope, glance: Glance, runway: RunwayAnswer | undefined, budgets: Budget[]): void {
    const language = vscode.env.language;
    const texts = glanceTexts();
    const day = (d: number) => formatCalendarDate(formatIsoDate(d), language);
    const parts = [
      `**${escapeMarkdown(scope.label)}** · ${vscode.l10n.t('billing period {0} to {1}', day(glance.period.first), day(glance.period.end))}`,
      glanceTooltip(glance, texts, language),
    ];
    for (const b of budgets) {
      const spent = b.currentSpend;
      if (!spent) {continue;}
      const share = new Intl.NumberFormat(safeLocale(language), { style: 'percent', maximumFractionDigits: 0 }).format(spent.amount / b.amount);
      parts.push(
        vscode.l10n.t(
          'Budget {0}: {1} of {2} ({3})',
          escapeMarkdown(b.name),
          escapeMarkdown(formatMoney(spent, language)),
          escapeMarkdown(formatMoney({ amount: b.amount, currency: spent.currency }, language)),
          share,
        ),
      );
    }
    if (runway) {parts.push(`**${vscode.l10n.t('Credit runway')}**\n\n${runwayLines(runway, language).join('\n\n')}`);}
    const alerts = this.alertLines?.(scope) ?? [];
    if (alerts.length) {parts.push(`**$(bell-dot) ${vscode.l10n.t('Alerts')}**\n\n${alerts.map((line) => `- ${escapeMarkdown(line)}`).join('\n')}`);}
    const args = encodeURIComponent(JSON.stringify([scope]));
    parts.push(
      [
        `[$(graph) ${vscode.l10n.t('Open usage and cost')}](command:${SHOW_USAGE_COMMAND}?${args})`,
        `[$(refresh) ${vscode.l10n.t('Refresh')}](command:${REFRESH_COMMAND})`,
        `[$(pinned) ${vscode.l10n.t('Unpin')}](command:${UNPIN_COMMAND})`,
      ].join(' · '),
      vscode.l10n.t('Updated {0}', formatInstant(new Date(), language)),
    );
    const tooltip = new vscode.MarkdownString(parts.join('\n\n---\n\n'), true);
    tooltip.isTrusted = { enabledCommands: [SHOW_USAGE_COMMAND, REFRESH_COMMAND, UNPIN_COMMAND] };
    this.show(statusText(glance, language, vscode.l10n.t('no cost yet')), tooltip, 'shown', {
      command: SHOW_USAGE_COMMAND,
      title: vscode.l10n.t('Open usage and cost'),
      arguments: [scope],
    });
  }

  private show(text: string, tooltip: vscode.MarkdownString, state: GlanceState, command?: vscode.Command): void {
    if (!this.item) {
      this.item = vscode.window.createStatusBarItem('azureBilling.statusBar', vscode.StatusBarAlignment.Left, 10);
      this.item.name = vscode.l10n.t('Azure Billing: cost');
    }
    tooltip.supportThemeIcons = true;
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = state === 'failed' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: text.replace(/\$\([^)]*\)\s*/g, '') };
    if (command) {this.item.command = command;}
    this.item.show();
    this.state = state;
  }

  /** Read afresh each time: the state changes while a refresh waits. */
  private signedOut(): boolean {
    return this.deps.sessions.signInState === 'signedOut';
  }

  private hide(): void {
    this.item?.hide();
    this.state = 'hidden';
  }

  /** (Re)starts the interval from the setting, bounded below so a scope is not polled hard. */
  private schedule(): void {
    this.stopTimer();
    if (!this.deps.store.get()) {return;}
    const minutes = Math.max(MIN_INTERVAL_MINUTES, vscode.workspace.getConfiguration().get<number>(INTERVAL_SETTING) ?? DEFAULT_INTERVAL_MINUTES);
    this.timer = setInterval(() => void this.refresh(), minutes * 60_000);
  }

  private stopTimer(): void {
    if (this.timer) {clearInterval(this.timer);}
    this.timer = undefined;
  }

  dispose(): void {
    this.running?.abort.abort();
    this.stopTimer();
    this.item?.dispose();
    for (const d of this.disposables) {d.dispose();}
  }
}
