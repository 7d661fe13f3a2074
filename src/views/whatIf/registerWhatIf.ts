// What If... on a subscription (tree context menu, palette, the usage panel's button): which
// offers and regions to compare, then the period the usage panel shows (or its default) priced
// from the panel's own data — fetched only if no panel has it yet — and the results panel.
import * as vscode from 'vscode';
import type { Logger } from '../../azure/log';
import { dayOfInstant } from '../../insight/calendar';
import { resolvePeriod } from '../../insight/periods';
import { pricingRangeFor } from '../../insight/usageLedger';
import type { WhatIfReport } from '../../insight/whatIf/whatIfReport';
import { withListProgress } from '../commands/billing/listProgress';
import type { CommandRunner } from '../commands/commandRunner';
import type { SessionManager } from '../session/sessionManager';
import { MAX_HOURLY_DAYS } from '../usagePanel/panelModel';
import type { UsagePanels } from '../usagePanel/registerUsagePanel';
import { pickSubscription } from '../usagePanel/subscriptionPicker';
import { DEFAULT_RATE_CARD_TERMS, defaultSelectionFor, hasRateCard, isBillingScope, scopeFromArgument, scopeKey, SubscriptionScope } from '../usagePanel/usageScope';
import { COMMON_REGIONS, DEFAULT_OFFERS, DEFAULT_REGIONS, normaliseOfferId, normaliseRegion, OFFER_NAMES, offerLabel } from './offerNames';
import { PriceCache } from './priceCache';
import { WhatIfPanel } from './whatIfPanel';
import { runWhatIf, WhatIfPlan } from './whatIfRun';
import { whatIfTexts } from './whatIfView';
import { ESTIMATE_WORKLOAD_COMMAND, estimateWorkloadCommand, WorkloadCodeLens } from './estimateWorkload';
import { registerWorkloadDiagnostics, WORKLOAD_FILE_SUFFIX } from './workloadDiagnostics';
import { SAVE_AS_WORKLOAD_COMMAND, saveAsWorkload } from './saveAsWorkload';

export const WHAT_IF_COMMAND = 'azureBilling.whatIf';

/** Tests (and the usage panel) may hand the plan along, skipping the pickers. */
interface WhatIfArgument {
  usageScope?: unknown;
  plan?: Partial<WhatIfPlan>;
}

export function registerWhatIf(context: vscode.ExtensionContext, runner: CommandRunner, sessions: SessionManager, panels: UsagePanels, logger: Logger): vscode.Disposable[] {
  const cache = new PriceCache(vscode.Uri.joinPath(context.globalStorageUri, 'prices').fsPath);
  const pricingProblems = vscode.languages.createDiagnosticCollection('azureBilling.workloadPricing');
  const workloadDeps = { extensionUri: context.extensionUri, sessions, cache, logger, pricingProblems };
  return [
    pricingProblems,
    ...registerWorkloadDiagnostics(),
    // An edit makes the last estimate's problems stale; the next estimate says them again.
    vscode.workspace.onDidChangeTextDocument((e) => pricingProblems.delete(e.document.uri)),
    vscode.languages.registerCodeLensProvider({ pattern: `**/*${WORKLOAD_FILE_SUFFIX}` }, new WorkloadCodeLens()),
    runner.register(ESTIMATE_WORKLOAD_COMMAND, (arg?: unknown) => estimateWorkloadCommand(workloadDeps, arg)),
    runner.register(WHAT_IF_COMMAND, async (arg?: unknown): Promise<WhatIfReport | undefined> => {
      const scope = scopeFromArgument(arg) ?? (await pickSubscription(sessions));
      if (!scope) { return undefined; }
      if (isBillingScope(scope)) {
        void vscode.window.showWarningMessage(vscode.l10n.t('What If... prices a subscription\'s usage; pick a subscription.'));
        return undefined;
      }
      if (!hasRateCard(scope.offerDurableId ?? DEFAULT_RATE_CARD_TERMS.offerDurableId)) {
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} is on offer {1}, which RateCard does not price (Enterprise Agreement, Cloud Solution Provider or an Azure plan): its usage has no list-price baseline to compare with.', scope.label, scope.offerDurableId ?? ''));
        return undefined;
      }
      const given = (arg as WhatIfArgument | undefined)?.plan;
      const plan = given ? { offers: given.offers ?? [], regions: given.regions ?? [] } : await pickPlan(scope);
      if (!plan) { return undefined; }
      const report = await withListProgress(vscode.l10n.t('Pricing {0} under other offers and regions…', scope.label), (signal) => whatIfOf(scope, plan, signal));
      WhatIfPanel.show(context.extensionUri, scopeKey(scope), report, scope.label, logger);
      return report;
    }),
    runner.register(SAVE_AS_WORKLOAD_COMMAND, (arg?: { key?: string }) => saveAsWorkload(arg?.key ? WhatIfPanel.panelFor(arg.key) : WhatIfPanel.active())),
    runner.register('azureBilling.exportWhatIf', async (arg?: { key?: string; format?: 'csv' | 'markdown' }) => {
      const panel = arg?.key ? WhatIfPanel.panelFor(arg.key) : undefined;
      return panel?.export(arg?.format === 'markdown' ? 'markdown' : 'csv');
    }),
  ];

  async function whatIfOf(scope: SubscriptionScope, plan: WhatIfPlan, signal: AbortSignal): Promise<WhatIfReport> {
    // The open panel's period and granularity, so its cached usage answers (never fetched twice).
    const selection = panels.panelFor(scope)?.currentSelection ?? defaultSelectionFor(scope);
    const today = dayOfInstant(Date.now());
    // A custom period the panel refused falls back to this billing period.
    let resolved = resolvePeriod(selection.period, { today });
    if (!resolved.ok) { resolved = resolvePeriod({ preset: 'billingPeriod' }, { today }); }
    if (!resolved.ok) { throw new Error('No period to price.'); }
    const days = resolved.period;
    const hourly = selection.view === 'hourly' && days.last - days.first + 1 <= MAX_HOURLY_DAYS;
    const source = panels.sourceFor(scope);
    const priced = await source.estimate(pricingRangeFor(days), hourly ? 'hour' : 'day', signal);
    const session = sessions.session();
    return runWhatIf({
      transport: session.transportFor(scope.tenantId),
      cache,
      retailEndpoint: session.cloud.retailPricesEndpoint,
      subscriptionId: scope.subscriptionId,
      regionInfo: scope.regionInfo ?? DEFAULT_RATE_CARD_TERMS.regionInfo,
      priced,
      period: days,
      texts: whatIfTexts(),
      signal,
    }, plan);
  }
}

type PlanItem = vscode.QuickPickItem & { offer?: string; region?: string; other?: 'offer' | 'region' };

/** One multi-select list of offers and regions, the usual ones picked, plus "another…" entries. */
async function pickPlan(scope: SubscriptionScope): Promise<WhatIfPlan | undefined> {
  const own = (scope.offerDurableId ?? DEFAULT_RATE_CARD_TERMS.offerDurableId).toUpperCase();
  const items: PlanItem[] = [
    { label: vscode.l10n.t('Offers'), kind: vscode.QuickPickItemKind.Separator },
    ...Object.keys(OFFER_NAMES).filter((id) => id !== own).map((id): PlanItem => ({ label: offerLabel(id), offer: id, picked: DEFAULT_OFFERS.includes(id) })),
    { label: vscode.l10n.t('Another offer id…'), other: 'offer' },
    { label: vscode.l10n.t('Regions'), kind: vscode.QuickPickItemKind.Separator },
    ...COMMON_REGIONS.map((region): PlanItem => ({ label: region, region, picked: DEFAULT_REGIONS.includes(region) })),
    { label: vscode.l10n.t('Another region…'), other: 'region' },
  ];
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('What if {0} were…', scope.label), placeHolder: vscode.l10n.t('Offers and regions to compare with today\'s') });
  if (!picked) { return undefined; }
  const plan: WhatIfPlan = { offers: picked.flatMap((p) => (p.offer ? [p.offer] : [])), regions: picked.flatMap((p) => (p.region ? [p.region] : [])) };
  if (picked.some((p) => p.other === 'offer')) {
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Another offer'),
      prompt: vscode.l10n.t('An offer durable id, like MS-AZR-0003P'),
      validateInput: (text) => (normaliseOfferId(text) ? undefined : vscode.l10n.t('An offer id looks like MS-AZR-0003P.')),
    });
    const id = typed && normaliseOfferId(typed);
    if (id) { plan.offers.push(id); }
  }
  if (picked.some((p) => p.other === 'region')) {
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Another region'),
      prompt: vscode.l10n.t('An Azure region name, like westeurope'),
      validateInput: (text) => (normaliseRegion(text) ? undefined : vscode.l10n.t('A region name looks like westeurope.')),
    });
    const region = typed && normaliseRegion(typed);
    if (region) { plan.regions.push(region); }
  }
  return plan;
}
