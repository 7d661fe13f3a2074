// The usage-and-cost panel's command and serializer: one panel per scope — subscription, billing
// profile or billing account — (showing it again brings the open one forward), restored after a reload from the scope the page kept in
// its state. extension.ts calls registerUsagePanel once.

import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import type { RateIndex } from '../../insight/rateIndex';
import type { CommandRunner } from '../commands/commandRunner';
import type { SessionManager } from '../session/sessionManager';
import { bundlePageHtml, bundleWebviewOptions } from '../webview/webviewBundle';
import { BillingCostSource } from './billingCostSource';
import type { PanelSource } from './panelSource';
import { pickScope } from './scopePicker';
import { UsageCostSource } from './usageCostSource';
import { CreditsView, UsagePanelController } from './usagePanelController';
import { creditScopeOf, creditsOffered, readCreditsView } from '../credits/creditsView';
import { UsageScope, isBillingScope, scopeFromArgument, scopeKey } from './usageScope';

export const SHOW_USAGE_COMMAND = 'azureBilling.showUsageAndCost';
export const USAGE_PANEL_VIEW_TYPE = 'azureBilling.usageAndCost';

export class UsagePanels implements vscode.Disposable {
  private readonly open = new Map<string, UsagePanelController>();
  /** Kept after a panel closes: reopening it, or another panel of the scope, needs no new query. */
  private readonly sources = new Map<string, PanelSource>();
  private readonly rateCards = new Map<string, Promise<RateIndex>>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly sessions: SessionManager,
    private readonly logger: Logger,
  ) {
    // A new sign-in or cloud makes every cached price and usage stale.
    sessions.onDidChange(() => {
      this.sources.clear();
      this.rateCards.clear();
    });
  }

  /** The open panel of a scope (extension-host tests read what it posted). */
  panelFor(scope: UsageScope): UsagePanelController | undefined {
    return this.open.get(scopeKey(scope));
  }

  show(scope: UsageScope): UsagePanelController {
    const existing = this.open.get(scopeKey(scope));
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(USAGE_PANEL_VIEW_TYPE, this.title(scope), vscode.ViewColumn.Active, this.options());
    return this.attach(panel, scope);
  }

  attach(panel: vscode.WebviewPanel, scope: UsageScope): UsagePanelController {
    panel.webview.options = this.options();
    panel.title = this.title(scope);
    const controller = new UsagePanelController(panel, scope, { source: () => this.sourceFor(scope), logger: this.logger, credits: this.creditsFor(scope) });
    const key = scopeKey(scope);
    this.open.set(key, controller);
    panel.onDidDispose(() => {
      controller.dispose();
      if (this.open.get(key) === controller) { this.open.delete(key); }
    });
    // The PNG export reads the canvas as a data: image; chart.js styles the canvas through the
    // CSSOM, which the policy allows without 'unsafe-inline'.
    panel.webview.html = bundlePageHtml(
      panel.webview,
      this.extensionUri,
      { bundle: 'usagePanel', language: vscode.env.language, title: this.title(scope) },
      { extraImageSources: ['data:'] },
    );
    return controller;
  }

  /**
   * The one cost source of a scope, shared by its panels, the status bar and credit runway: a
   * range fetched (or in flight) for one of them answers the others without another query.
   */
  sourceFor(scope: UsageScope): PanelSource {
    const key = scopeKey(scope);
    let source = this.sources.get(key);
    if (!source) {
      const transport = this.sessions.session().transportFor(scope.tenantId);
      source = isBillingScope(scope) ? new BillingCostSource(transport, scope, this.logger) : new UsageCostSource(transport, scope, this.rateCards);
      this.sources.set(key, source);
    }
    return source;
  }

  /** The Credits view of a billing profile; its spend comes from the profile's shared cost source. */
  private creditsFor(scope: UsageScope): CreditsView | undefined {
    if (!isBillingScope(scope) || !creditScopeOf(scope)) {return undefined;}
    const transport = () => this.sessions.session().transportFor(scope.tenantId);
    return {
      offered: (signal) => creditsOffered(transport(), scope, this.logger, signal),
      read: (today, signal) => readCreditsView({ transport: transport(), scope, costs: this.sourceFor(scope), today, logger: this.logger, signal }),
    };
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return bundleWebviewOptions(this.extensionUri);
  }

  private title(scope: UsageScope): string {
    return vscode.l10n.t('Usage and cost: {0}', scope.label);
  }

  dispose(): void {
    for (const controller of this.open.values()) { controller.panel.dispose(); }
    this.open.clear();
  }
}

export function registerUsagePanel(
  context: vscode.ExtensionContext,
  runner: CommandRunner,
  sessions: SessionManager,
  logger: Logger,
): { panels: UsagePanels; disposables: vscode.Disposable[] } {
  const panels = new UsagePanels(context.extensionUri, sessions, logger);
  const disposables: vscode.Disposable[] = [
    panels,
    runner.register(SHOW_USAGE_COMMAND, async (arg?: unknown) => {
      const scope = scopeFromArgument(arg) ?? (await pickScope(sessions, logger));
      if (scope) { return panels.show(scope); }
      return undefined;
    }),
    vscode.window.registerWebviewPanelSerializer(USAGE_PANEL_VIEW_TYPE, {
      deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const restore = (state as { restore?: { scope?: unknown } } | undefined)?.restore;
        const scope = scopeFromArgument(restore?.scope);
        if (!scope) {
          panel.dispose();
          return Promise.resolve();
        }
        panels.attach(panel, scope);
        return Promise.resolve();
      },
    }),
  ];
  return { panels, disposables };
}
