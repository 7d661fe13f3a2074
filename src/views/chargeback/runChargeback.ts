// Run Chargeback: the rules file (from the CodeLens, the palette or a billing scope's menu), the
// period (the last closed month unless the person picks another), then the report under a
// cancellable progress notification (Cost Management's throttling waited out with a message), shown
// in the report panel. Files with problems do not run: the Problems panel already says what to fix.
import * as vscode from 'vscode';
import { cancelledError } from '../../azure/errors';
import type { Logger } from '../../azure/log';
import { ChargebackPeriod, lastClosedPeriod, periodOfMonth, recentPeriods } from '../../insight/chargeback/billingPeriods';
import type { ChargebackRules } from '../../insight/chargeback/rules';
import type { SessionManager } from '../session/sessionManager';
import { retryWhenThrottled } from '../usagePanel/throttleWait';
import { scopeFromArgument } from '../usagePanel/usageScope';
import type { ChargebackQueryCache } from './chargebackCosts';
import { ChargebackPanel } from './chargebackPanel';
import { chargebackReport, ChargebackReport } from './chargebackReport';
import { chargebackScopeOf, scopeFileStem, transportForScope } from './chargebackScope';
import { writeChargebackExports } from './chargebackExportFiles';
import { readChargebackRules } from './readRules';
import { chargebackDocument } from './reportSections';
import { reportLabels, sectionWords } from './reportWords';
import { chooseRulesFile, rulesText } from './rulesFileChoice';

export const RUN_CHARGEBACK_COMMAND = 'azureBilling.runChargeback';
export const NEW_CHARGEBACK_RULES_COMMAND = 'azureBilling.newChargebackRules';

export interface ChargebackDeps {
  extensionUri: vscode.Uri;
  sessions: SessionManager;
  logger: Logger;
  cache: ChargebackQueryCache;
  /** Runs work inside the command wrapper (failures logged and told). */
  run<T>(work: () => Promise<T>): Promise<T | undefined>;
  /** "Today"; tests of the host layer run on the emulator's clock. */
  today(): Date;
}

/** The argument the CodeLens gives: the file, and `pick` to choose another period. */
export interface RunChargebackArgument {
  rulesFile: vscode.Uri;
  /** `YYYY-MM`, or `pick` for the quick pick; default: the last closed month. */
  period?: string;
}

function isRunArgument(arg: unknown): arg is RunChargebackArgument {
  return !!arg && typeof arg === 'object' && (arg as RunChargebackArgument).rulesFile instanceof vscode.Uri;
}

export function monthLabel(period: ChargebackPeriod, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${period.from}T00:00:00Z`));
}

async function pickPeriod(today: string, locale: string): Promise<ChargebackPeriod | undefined> {
  const periods = recentPeriods(today);
  const fallback = lastClosedPeriod(today);
  // The default first, then the running month, then older closed months.
  const ordered = [fallback, ...periods.filter((p) => p.month !== fallback.month)];
  const picked = await vscode.window.showQuickPick(
    ordered.map((p) => ({
      label: monthLabel(p, locale),
      description: p.closed ? (p === fallback ? vscode.l10n.t('last closed billing period') : undefined) : vscode.l10n.t('running: up to {0}', p.to),
      period: p,
    })),
    { title: vscode.l10n.t('Run Chargeback'), placeHolder: vscode.l10n.t('Which billing period?') },
  );
  return picked?.period;
}

async function resolveRulesFile(deps: ChargebackDeps, arg: unknown): Promise<{ uri: vscode.Uri; period?: string } | undefined> {
  if (isRunArgument(arg)) {return { uri: arg.rulesFile, period: arg.period };}
  if (arg instanceof vscode.Uri) {return { uri: arg };}
  const scope = scopeFromArgument(arg);
  const choice = await chooseRulesFile(scope ? chargebackScopeOf(scope) : undefined);
  if (!choice) {return undefined;}
  if ('create' in choice) {
    await vscode.commands.executeCommand(NEW_CHARGEBACK_RULES_COMMAND, arg);
    return undefined;
  }
  return { uri: choice.uri, period: 'pick' };
}

async function readRulesOrSay(uri: vscode.Uri): Promise<ChargebackRules | undefined> {
  const { rules, problems } = readChargebackRules(await rulesText(uri));
  if (rules) {return rules;}
  const show = vscode.l10n.t('Show Problems');
  void vscode.window
    .showErrorMessage(vscode.l10n.t('{0} has {1} problem(s); fix them before running the chargeback (nothing was queried or written).', vscode.workspace.asRelativePath(uri), problems.length), show)
    .then(async (chosen) => {
      if (chosen !== show) {return;}
      await vscode.window.showTextDocument(uri);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  return undefined;
}

function scopeTitle(rules: ChargebackRules): string {
  const s = rules.scope;
  if (s.kind === 'billingProfile') {return s.billingProfileName;}
  if (s.kind === 'billingAccount') {return s.billingAccountName;}
  return s.subscriptionIds.length === 1 ? s.subscriptionIds[0] : vscode.l10n.t('{0} subscriptions', s.subscriptionIds.length);
}

export async function runChargeback(deps: ChargebackDeps, arg?: unknown): Promise<ChargebackPanel | undefined> {
  const file = await resolveRulesFile(deps, arg);
  if (!file) {return undefined;}
  const rules = await readRulesOrSay(file.uri);
  if (!rules) {return undefined;}
  const locale = vscode.env.language;
  const today = deps.today().toISOString().slice(0, 10);
  const period = file.period === 'pick' ? await pickPeriod(today, locale) : file.period ? periodOfMonth(file.period, today) : lastClosedPeriod(today);
  if (!period) {
    if (file.period && file.period !== 'pick') {throw new Error(`Not a month: ${file.period} (expected YYYY-MM).`);}
    return undefined;
  }
  const fromNode = scopeFromArgument(arg)?.label;
  const month = monthLabel(period, locale);
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Chargeback of {0} for {1}', fromNode ?? scopeTitle(rules), month), cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort(cancelledError('Chargeback')));
      progress.report({ message: vscode.l10n.t('Asking Cost Management…') });
      const transport = await transportForScope(deps.sessions, rules.scope, deps.logger, scopeFromArgument(arg)?.tenantId, abort.signal);
      return retryWhenThrottled(() => chargebackReport(transport, rules, period, { signal: abort.signal, cache: deps.cache, asOf: deps.today() }), {
        signal: abort.signal,
        onWait: (seconds) => progress.report({ message: vscode.l10n.t('Azure Cost Management is busy and asked to wait. Trying again in {0} s…', seconds) }),
      });
    },
  );
  if (report.invoiceProblem) {deps.logger.warn(`Chargeback: the invoices of ${period.month} could not be read: ${report.invoiceProblem}`);}
  deps.logger.info(`Chargeback of ${scopeFileStem(rules.scope)} for ${period.month}: ${report.reports.map((r) => `${r.owners.length} owners in ${r.currency}`).join(', ') || 'no cost'}`);
  return showReport(deps, file.uri, rules, report, `${fromNode ?? report.names.scope ?? scopeTitle(rules)} · ${month}`);
}

function showReport(deps: ChargebackDeps, rulesFile: vscode.Uri, rules: ChargebackRules, report: ChargebackReport, heading: string): ChargebackPanel {
  const locale = vscode.env.language;
  const title = vscode.l10n.t('Chargeback: {0}', heading);
  const days = `${report.period.from} – ${report.period.to}`;
  const subtitle = report.reports.length === 0 ? vscode.l10n.t('{0} · {1} · no cost in this period', vscode.workspace.asRelativePath(rulesFile), days) : `${vscode.workspace.asRelativePath(rulesFile)} · ${days}`;
  const subscriptionName = (id: string) => report.names.subscriptions.get(id.toLowerCase()) ?? id;
  const document = chargebackDocument({ title, subtitle, language: locale, labels: reportLabels() }, report.reports, report.reconciliations, sectionWords(locale, report.invoiceProblem), subscriptionName);
  const stem = `${scopeFileStem(rules.scope)}-${report.period.month}`;
  const exportFiles = async () => {
    const summaries = new Map(document.currencies.map((c) => [c.currency, c.reconciliationSummary]));
    const written = await writeChargebackExports(stem, title, report.reports, report.reconciliations, summaries);
    const open = vscode.l10n.t('Open CSV');
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0} and {1}', vscode.workspace.asRelativePath(written.csv), vscode.workspace.asRelativePath(written.markdown)), open).then((chosen) => {
      if (chosen === open) {void vscode.window.showTextDocument(written.csv);}
    });
    return vscode.l10n.t('Saved {0} and {1}', vscode.workspace.asRelativePath(written.csv), vscode.workspace.asRelativePath(written.markdown));
  };
  return ChargebackPanel.show(deps.extensionUri, stem, document, () => deps.run(exportFiles));
}
