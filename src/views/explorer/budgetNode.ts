// One budget: its name; amount, time grain, and spend and forecast as a percentage of the amount
// in the description; a warning icon past its lowest crossed notification threshold and the error
// colour past 100 % (src/insight/budgets/budgetStatus.ts); the current period, the filter and the
// notifications in the tooltip. Edit Budget and Delete Budget hang off it (`budget` mark).
import * as vscode from 'vscode';
import type { Budget } from '../../billing/models/budget';
import { budgetFilterParts, budgetStatus, BudgetStatus } from '../../insight/budgets/budgetStatus';
import { dayOfInstant } from '../../insight/calendar';
import { percentText, thresholdTypeLabel, timeGrainLabel } from '../budgets/budgetText';
import { formatCalendarDate, formatMoney } from '../format/displayFormat';
import { BillingNode } from './billingNode';
import type { AccountScope } from './billingTree';
import { dayText } from './dateText';
import type { ExplorerNode } from './explorerNode';
import { fieldsTooltip } from './nodeTooltip';

export class BudgetNode extends BillingNode {
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    scope: AccountScope,
    readonly budget: Budget,
  ) {
    super(parent, scope);
    this.id = `${parent.id}/budget/${budget.name}`;
  }

  override get armId(): string | undefined {
    return this.budget.id || undefined;
  }

  /** The portal has no page per budget id that this link form opens. */
  override portalUrl(): string | undefined {
    return undefined;
  }

  /** The currency of the budget's amount: Azure gives it only with the spend. */
  get currency(): string | undefined {
    return this.budget.currentSpend?.currency ?? this.budget.forecastSpend?.currency;
  }

  status(): BudgetStatus {
    return budgetStatus(this.budget, dayOfInstant(this.scope.services.now()));
  }

  /** What the icon says, for screen readers. */
  accessibleDetail(): string | undefined {
    const level = this.status().level;
    if (level === 'over') { return vscode.l10n.t('over budget'); }
    if (level === 'warning') { return vscode.l10n.t('past a notification threshold'); }
    return undefined;
  }

  getTreeItem(): vscode.TreeItem {
    const b = this.budget;
    const language = this.scope.services.language();
    const status = this.status();
    const item = this.item(b.name, this.icon(status), 'budget', false, 'budget', 'leaf');
    const amount = this.currency ? formatMoney({ amount: b.amount, currency: this.currency }, language) : b.amount.toLocaleString(language);
    const parts = [amount, timeGrainLabel(b.timeGrain)];
    if (status.spentPercent !== undefined) { parts.push(vscode.l10n.t('{0} spent', percentText(status.spentPercent, language))); }
    if (status.forecastPercent !== undefined) { parts.push(vscode.l10n.t('forecast {0}', percentText(status.forecastPercent, language))); }
    if (status.level === 'notStarted') { parts.push(vscode.l10n.t('not in a period now')); }
    item.description = parts.join(' · ');
    item.tooltip = this.tooltip(status, amount, language);
    return item;
  }

  private icon(status: BudgetStatus): vscode.ThemeIcon {
    switch (status.level) {
      case 'over': return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
      case 'warning': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      case 'notStarted': return new vscode.ThemeIcon('dashboard', new vscode.ThemeColor('disabledForeground'));
      default: return new vscode.ThemeIcon('dashboard');
    }
  }

  private tooltip(status: BudgetStatus, amount: string, language: string): vscode.MarkdownString {
    const b = this.budget;
    const money = (m: { amount: number; currency: string } | undefined, percent: number | undefined) =>
      m && `${formatMoney(m, language)}${percent === undefined ? '' : ` (${percentText(percent, language)})`}`;
    const period = status.period && `${formatCalendarDate(status.period.from, language)} – ${formatCalendarDate(status.period.to, language)}`;
    const md = fieldsTooltip(b.name, [
      [vscode.l10n.t('Amount'), amount],
      [vscode.l10n.t('Time grain'), timeGrainLabel(b.timeGrain)],
      [vscode.l10n.t('Current period'), period],
      [vscode.l10n.t('Spent'), money(b.currentSpend, status.spentPercent)],
      [vscode.l10n.t('Forecast'), money(b.forecastSpend, status.forecastPercent)],
      [vscode.l10n.t('Starts'), dayText(b.startDate, language)],
      [vscode.l10n.t('Ends'), dayText(b.endDate, language)],
    ]);
    const filter = budgetFilterParts(b.filter);
    md.appendMarkdown(`\n\n**${vscode.l10n.t('Filter')}**\n\n`);
    if (filter.length === 0) { md.appendText(vscode.l10n.t('All costs of the scope')); md.appendMarkdown('  \n'); }
    for (const part of filter) {
      const name = part.kind === 'tag' ? vscode.l10n.t('Tag {0}', part.name) : part.name;
      md.appendText(`${name}: ${part.values.join(', ')}`);
      md.appendMarkdown('  \n');
    }
    md.appendMarkdown(`\n**${vscode.l10n.t('Notifications')}**\n\n`);
    const entries = Object.entries(b.notifications).sort(([, x], [, y]) => x.threshold - y.threshold);
    if (entries.length === 0) { md.appendText(vscode.l10n.t('None')); md.appendMarkdown('  \n'); }
    const crossed = new Set(status.crossed.map((c) => c.key));
    for (const [key, n] of entries) {
      const who = [...n.contactEmails, ...n.contactRoles.map((r) => vscode.l10n.t('role {0}', r)), ...(n.contactGroups.length ? [vscode.l10n.t('{0} action groups', n.contactGroups.length)] : [])].join(', ');
      const state = !n.enabled ? vscode.l10n.t(' (off)') : crossed.has(key) ? vscode.l10n.t(' (crossed)') : '';
      md.appendText(`${crossed.has(key) ? '⚠ ' : ''}${thresholdTypeLabel(n.thresholdType)} > ${n.threshold} %${state} → ${who || vscode.l10n.t('nobody')}`);
      md.appendMarkdown('  \n');
    }
    return md;
  }
}
