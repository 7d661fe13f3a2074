// What a person reads about an alert: one line for the notification and the tree, in the editor's
// language, from the finding's data (src/insight/alerts/findings.ts).
import * as vscode from 'vscode';
import type { AlertKind } from '../../insight/alerts/alertLedger';
import type { AlertFinding } from '../../insight/alerts/findings';
import { formatCalendarDate, formatMoney } from '../format/displayFormat';

export function alertMessage(f: AlertFinding, scopeLabel: string, language: string): string {
  const money = (amount: number, currency: string) => formatMoney({ amount, currency }, language);
  switch (f.kind) {
    case 'budget':
      return f.thresholdType === 'Forecasted'
        ? vscode.l10n.t('Budget {0} ({1}): the forecast {2} passes {3} % of {4}.', f.budgetName, scopeLabel, formatMoney(f.spend, language), f.threshold, formatMoney(f.amount, language))
        : vscode.l10n.t('Budget {0} ({1}): spend {2} passed {3} % of {4}.', f.budgetName, scopeLabel, formatMoney(f.spend, language), f.threshold, formatMoney(f.amount, language));
    case 'creditExpiry':
      return vscode.l10n.t('{0}: credit {1} expires on {2} with {3} left.', scopeLabel, f.lotName, formatCalendarDate(f.expires, language), formatMoney(f.balance, language));
    case 'creditRunway':
      return vscode.l10n.t('{0}: credits run out on {1}, in {2} days.', scopeLabel, formatCalendarDate(f.runsOutOn, language), f.daysLeft);
    case 'spike':
      return f.anomaly.kind === 'spike'
        ? vscode.l10n.t('{0}: cost on {1} was {2}, against a usual {3} a day.', scopeLabel, formatCalendarDate(f.anomaly.day, language), money(f.anomaly.amount, f.currency), money(f.anomaly.baseline, f.currency))
        : '';
    case 'newMeter':
      return f.anomaly.kind === 'newMeter'
        ? vscode.l10n.t('{0}: new service {1} cost {2} on {3}.', scopeLabel, f.anomaly.meter, money(f.anomaly.amount, f.currency), formatCalendarDate(f.anomaly.day, language))
        : '';
    case 'rise':
      return f.anomaly.kind === 'rise'
        ? vscode.l10n.t('{0}: daily cost rose every day from {1} to {2} ({3} to {4}).', scopeLabel, formatCalendarDate(f.anomaly.from, language), formatCalendarDate(f.anomaly.to, language), money(f.anomaly.firstAmount, f.currency), money(f.anomaly.lastAmount, f.currency))
        : '';
    case 'costManagement': {
      const what = f.description || [f.alertType, f.criteria].filter(Boolean).join(' · ');
      return vscode.l10n.t('{0}: Cost Management alert: {1}', scopeLabel, what);
    }
  }
}

export function kindLabel(kind: AlertKind): string {
  switch (kind) {
    case 'budget': return vscode.l10n.t('budget thresholds');
    case 'creditExpiry': return vscode.l10n.t('expiring credit');
    case 'creditRunway': return vscode.l10n.t('short credit runway');
    case 'spike': return vscode.l10n.t('cost spikes');
    case 'newMeter': return vscode.l10n.t('new services');
    case 'rise': return vscode.l10n.t('steady cost rises');
    case 'costManagement': return vscode.l10n.t('Cost Management alerts');
  }
}

export function kindIcon(kind: AlertKind): string {
  switch (kind) {
    case 'budget': return 'pie-chart';
    case 'creditExpiry':
    case 'creditRunway': return 'credit-card';
    case 'spike':
    case 'rise': return 'graph-line';
    case 'newMeter': return 'sparkle';
    case 'costManagement': return 'bell';
  }
}
