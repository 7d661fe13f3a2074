// The alert monitor (docs/alerts.md): on a timer, it checks the watched scopes (watchedScopes.ts),
// each at most once per interval and later after throttling (alertSchedule.ts), raises each new
// finding once as a notification (the ledger in the global state remembers it across restarts),
// and keeps the active alerts for the tree's Alerts folders and the status bar. It stays silent
// while signed out, and its first pass comes a few seconds after activation, never during it.
import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import { dismissCostAlert } from '../../billing/costAlerts';
import { dayOfInstant } from '../../insight/calendar';
import { AlertKind, AlertLedgerState, decideAlerts, dismiss, isDismissed, readLedger, snooze, turnKindOff } from '../../insight/alerts/alertLedger';
import type { AlertFinding } from '../../insight/alerts/findings';
import type { SessionManager } from '../session/sessionManager';
import type { PinnedScopeStore } from '../statusBar/pinnedScopeStore';
import type { PanelSource } from '../usagePanel/panelSource';
import { throttleWaitMs } from '../usagePanel/throttleWait';
import type { UsageScope } from '../usagePanel/usageScope';
import { checkScope, WatchedScope } from './alertChecks';
import { AlertSchedule } from './alertSchedule';
import { AlertSettings, readAlertSettings } from './alertSettings';
import { discoverScopes, pinnedWatch } from './watchedScopes';
import { Clock, delayToNext, PassTimer, SYSTEM_CLOCK } from './passTimer';

export type { Clock } from './passTimer';

export const LEDGER_KEY = 'azureBilling.alerts.ledger';
export const ACTIVE_KEY = 'azureBilling.alerts.active';
const DAY_MS = 86_400_000;
/** An answer younger than this is the same data (the status bar's rule). */
const FRESH_MS = 60_000;

/** An active alert with what the views need to show it. */
export interface ActiveAlert {
  finding: AlertFinding;
  scopeLabel: string;
  usage: UsageScope;
  accountName?: string;
  tenantId?: string;
}

export interface MonitorDeps {
  memento: vscode.Memento;
  sessions: SessionManager;
  logger: Logger;
  pinned: PinnedScopeStore;
  source(scope: UsageScope): PanelSource;
  /** Shows the alerts one pass raised (the notifications); returns at once, not when answered. */
  notify(alerts: ActiveAlert[]): void;
  clock?: Clock;
  settings?(): AlertSettings;
  /** Delay of the first pass after start (default 10 s: after the editor has settled). */
  firstPassDelayMs?: number;
}

export class AlertMonitor implements vscode.Disposable {
  private readonly clock: Clock;
  private readonly schedule: AlertSchedule;
  private readonly timer: PassTimer;
  private running: Promise<void> | undefined;
  private abort = new AbortController();
  private discovered: { at: number; scopes: Promise<WatchedScope[]> } | undefined;
  private active = new Map<string, ActiveAlert>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;
  /** Every alert raised since activation, in order (extension-host tests read it). */
  readonly raisedLog: ActiveAlert[] = [];
  /** Passes run and scopes checked since activation (tests and the log). */
  readonly stats = { passes: 0, scopeChecks: 0, throttled: 0 };

  constructor(private readonly deps: MonitorDeps) {
    this.clock = deps.clock ?? SYSTEM_CLOCK;
    this.schedule = new AlertSchedule(this.settings().intervalMinutes * 60_000);
    this.timer = new PassTimer(this.clock, () => this.runPass(), () =>
      this.settings().enabled ? delayToNext(this.schedule, this.settings().intervalMinutes * 60_000, this.clock.now()) : undefined,
    );
    this.loadActive();
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('azureBilling.alerts')) {this.start();}
      }),
      deps.sessions.onDidChange(() => {
        // Another sign-in or cloud: what was found belongs to the old one.
        this.discovered = undefined;
        this.schedule.clear();
      }),
    );
  }

  /** Read afresh each time: the state changes while a pass runs. */
  private signedOut(): boolean {
    return this.deps.sessions.signInState === 'signedOut';
  }

  private settings(): AlertSettings {
    return this.deps.settings?.() ?? readAlertSettings();
  }

  /** (Re)starts the timer from the settings; the first pass comes after a short delay. */
  start(): void {
    this.timer.stop();
    const settings = this.settings();
    this.schedule.setInterval(settings.intervalMinutes * 60_000);
    if (!settings.enabled) {return;}
    this.timer.start(this.deps.firstPassDelayMs ?? 10_000);
  }

  /** Runs a pass now (a pass in progress is joined). */
  runPass(): Promise<void> {
    if (!this.running) {
      this.running = this.pass().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async pass(): Promise<void> {
    if (this.signedOut() || !this.settings().enabled) {return;}
    const settings = this.settings();
    const signal = this.abort.signal;
    this.stats.passes++;
    let scopes: WatchedScope[];
    try {
      scopes = await this.watched(signal);
    } catch (error) {
      if (!signal.aborted) {this.deps.logger.warn(`Alerts: the scopes to watch could not be listed: ${error instanceof Error ? error.message : String(error)}`);}
      return;
    }
    const now = this.clock.now();
    const due = new Set(this.schedule.due(scopes.map((s) => s.scope.toLowerCase()), now));
    const today = dayOfInstant(now);
    const raised: ActiveAlert[] = [];
    try {
      await this.checkAll(scopes, due, today, settings, signal, raised);
    } finally {
      if (raised.length) {this.deps.notify(raised);}
    }
  }

  private async checkAll(scopes: WatchedScope[], due: Set<string>, today: number, settings: AlertSettings, signal: AbortSignal, raised: ActiveAlert[]): Promise<void> {
    for (const watched of scopes) {
      const key = watched.scope.toLowerCase();
      if (!due.has(key) || signal.aborted) {continue;}
      due.delete(key);
      if (this.signedOut()) {return;}
      this.stats.scopeChecks++;
      try {
        const source = this.deps.source(watched.usage);
        // Costs older than a minute are stale for a pass (as for the status bar's refresh); queries
        // in flight and fresh answers stay shared.
        source.clear(FRESH_MS);
        const check = await checkScope(watched, {
          transport: this.deps.sessions.session().transportFor(watched.tenantId),
          source,
          today,
          rules: settings,
          signal,
          note: (message) => this.deps.logger.debug(`Alerts ${watched.label}: ${message}`),
        });
        this.schedule.checked(key, this.clock.now());
        raised.push(...(await this.take(watched, check.findings)));
      } catch (error) {
        if (signal.aborted) {return;}
        const wait = throttleWaitMs(error);
        if (wait !== undefined) {
          this.stats.throttled++;
          const backoff = this.schedule.throttled(key, this.clock.now(), wait);
          this.deps.logger.warn(`Alerts ${watched.label}: Azure is throttling; asking again in ${Math.round(backoff / 1000)} s.`);
        } else {
          this.schedule.checked(key, this.clock.now());
          if (this.signedOut()) {return;}
          this.deps.logger.warn(`Alerts ${watched.label}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }

  /** The pinned scope first, then the discovered ones (discovery itself at most once per interval). */
  private async watched(signal: AbortSignal): Promise<WatchedScope[]> {
    const interval = this.settings().intervalMinutes * 60_000;
    const now = this.clock.now();
    if (!this.discovered || now - this.discovered.at >= interval) {
      const scopes = (async () => discoverScopes(await this.deps.sessions.session().tenants({ signal, locale: vscode.env.language }), this.deps.logger, signal))();
      this.discovered = { at: now, scopes };
      scopes.catch(() => {
        if (this.discovered?.scopes === scopes) {this.discovered = undefined;}
      });
    }
    const found = await this.discovered.scopes;
    const pinned = this.deps.pinned.get();
    if (!pinned) {return found;}
    const p = pinnedWatch(pinned);
    const key = p.scope.toLowerCase();
    const same = found.find((s) => s.scope.toLowerCase() === key);
    return [{ ...(same ?? p), reason: 'pinned', credits: same?.credits ?? p.credits, accountName: same?.accountName ?? p.accountName }, ...found.filter((s) => s !== same)];
  }

  /** The scope's findings replace its active alerts; new ones are raised once. */
  private async take(watched: WatchedScope, findings: AlertFinding[]): Promise<ActiveAlert[]> {
    const scopeKey = watched.scope.toLowerCase();
    for (const [key, a] of this.active) {if (a.finding.scope.toLowerCase() === scopeKey) {this.active.delete(key);}}
    let ledger = this.ledger();
    for (const f of findings) {
      if (!isDismissed(ledger, f.key)) {this.active.set(f.key, { finding: f, scopeLabel: watched.label, usage: watched.usage, accountName: watched.accountName, tenantId: watched.tenantId });}
    }
    const decision = decideAlerts(findings.filter((f) => !isDismissed(ledger, f.key)), ledger, this.clock.now());
    ledger = decision.next;
    await this.saveLedger(ledger);
    await this.saveActive();
    const raised: ActiveAlert[] = [];
    for (const f of decision.raise) {
      const alert = this.active.get(f.key);
      if (!alert) {continue;}
      this.raisedLog.push(alert);
      raised.push(alert);
      this.deps.logger.info(`Alerts ${watched.label}: raised ${f.kind} (${f.key}).`);
    }
    this.changed.fire();
    return raised;
  }

  /** Active alerts, optionally of one billing account or one scope. */
  activeAlerts(filter: { accountName?: string; scope?: string } = {}): ActiveAlert[] {
    return [...this.active.values()].filter(
      (a) =>
        (filter.accountName === undefined || a.accountName?.toLowerCase() === filter.accountName.toLowerCase()) &&
        (filter.scope === undefined || a.finding.scope.toLowerCase() === filter.scope.replace(/^\/+/, '').toLowerCase()),
    );
  }

  /** Dismisses an alert: Cost Management's through the API (Azure keeps it, dismissed), a local one in the ledger. */
  async dismiss(key: string): Promise<void> {
    const alert = this.active.get(key);
    if (alert?.finding.kind === 'costManagement') {
      const f = alert.finding;
      await dismissCostAlert(this.deps.sessions.session().transportFor(alert.tenantId), f.alertId.replace(/\/providers\/Microsoft\.CostManagement\/alerts\/[^/]+$/i, ''), f.alertName);
    }
    await this.saveLedger(dismiss(this.ledger(), key, this.clock.now()));
    this.active.delete(key);
    await this.saveActive();
    this.changed.fire();
  }

  async snoozeForADay(key: string): Promise<void> {
    await this.saveLedger(snooze(this.ledger(), key, this.clock.now() + DAY_MS));
  }

  async turnOff(kind: AlertKind): Promise<void> {
    await this.saveLedger(turnKindOff(this.ledger(), kind));
    for (const [key, a] of this.active) {if (a.finding.kind === kind) {this.active.delete(key);}}
    await this.saveActive();
    this.changed.fire();
  }

  /**
   * As after a restart of the editor: forgets what is held in memory and reads the global state
   * again (extension-host tests check that nothing is raised twice across a reload).
   */
  restart(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.running = undefined;
    this.discovered = undefined;
    this.schedule.clear();
    this.raisedLog.length = 0;
    this.loadActive();
    this.start();
    this.changed.fire();
  }

  ledger(): AlertLedgerState {
    return readLedger(this.deps.memento.get<unknown>(LEDGER_KEY));
  }

  private saveLedger(ledger: AlertLedgerState): Thenable<void> {
    return this.deps.memento.update(LEDGER_KEY, ledger);
  }

  private loadActive(): void {
    this.active = new Map();
    const stored = this.deps.memento.get<unknown>(ACTIVE_KEY);
    if (!Array.isArray(stored)) {return;}
    for (const a of stored as ActiveAlert[]) {
      if (a && typeof a === 'object' && a.finding && typeof a.finding.key === 'string') {this.active.set(a.finding.key, a);}
    }
  }

  private saveActive(): Thenable<void> {
    return this.deps.memento.update(ACTIVE_KEY, [...this.active.values()]);
  }

  dispose(): void {
    this.abort.abort();
    this.timer.stop();
    for (const d of this.disposables) {d.dispose();}
  }
}
