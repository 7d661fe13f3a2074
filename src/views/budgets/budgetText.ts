// What a person reads about budgets, translated: time grains, notification types, percentages, and
// each broken rule of src/insight/budgets/budgetRules.ts as a sentence that says what to change.
import * as vscode from 'vscode';
import type { BudgetRuleProblem } from '../../insight/budgets/budgetRules';
import { safeLocale } from '../format/displayFormat';

export function timeGrainLabel(grain: string | undefined): string {
  switch (grain) {
    case 'Monthly': return vscode.l10n.t('Monthly');
    case 'Quarterly': return vscode.l10n.t('Quarterly');
    case 'Annually': return vscode.l10n.t('Annually');
    case 'BillingMonth': return vscode.l10n.t('Billing month');
    case 'BillingQuarter': return vscode.l10n.t('Billing quarter');
    case 'BillingAnnual': return vscode.l10n.t('Billing year');
    default: return grain ?? '';
  }
}

export function thresholdTypeLabel(type: string): string {
  if (type === 'Actual') { return vscode.l10n.t('Actual'); }
  if (type === 'Forecasted') { return vscode.l10n.t('Forecasted'); }
  return type;
}

/** "85 %" in the display language; whole percent from 10 up, one decimal below. */
export function percentText(percent: number, language: string): string {
  const digits = Math.abs(percent) < 10 ? 1 : 0;
  return new Intl.NumberFormat(safeLocale(language), { style: 'percent', maximumFractionDigits: digits }).format(percent / 100);
}

export function budgetProblemText(problem: BudgetRuleProblem): string {
  switch (problem.rule) {
    case 'nameEmpty': return vscode.l10n.t('Enter a name for the budget.');
    case 'nameTooLong': return vscode.l10n.t('A budget name has at most {0} characters.', problem.max);
    case 'nameCharacter': return /^\s$/u.test(problem.character)
      ? vscode.l10n.t('A budget name can hold only letters, digits, "-" and "_", not spaces.')
      : vscode.l10n.t('A budget name can hold only letters, digits, "-" and "_", not "{0}".', problem.character);
    case 'nameTaken': return vscode.l10n.t('A budget named {0} already exists here; choose another name.', problem.name);
    case 'amountNotNumber': return vscode.l10n.t('Enter the amount as a number, such as 1500 or 1,500.50.');
    case 'amountNotPositive': return vscode.l10n.t('The amount must be greater than 0.');
    case 'amountTooManyDecimals': return vscode.l10n.t('The amount can have at most two decimals.');
    case 'amountTooLarge': return vscode.l10n.t('The amount can be at most {0}.', problem.max.toLocaleString('en-US'));
    case 'dateNotDate': return vscode.l10n.t('Enter a date as YYYY-MM-DD.');
    case 'startNotFirstOfMonth': return vscode.l10n.t('A budget starts on the first day of a month, such as {0}.', problem.suggestion);
    case 'startTooEarly': return vscode.l10n.t('A new budget with this time grain can start on {0} at the earliest.', problem.earliest);
    case 'startTooLate': return vscode.l10n.t('A budget can start at most 12 months ahead ({0} at the latest).', problem.latest);
    case 'endNotAfterStart': return vscode.l10n.t('The end date must be after the start date ({0}).', problem.start);
    case 'thresholdNotNumber': return vscode.l10n.t('Enter the threshold as a percentage of the amount, such as 80.');
    case 'thresholdRange': return vscode.l10n.t('The threshold is a percentage from 0 to {0}.', problem.max);
    case 'thresholdDuplicate': return vscode.l10n.t('There is already a notification of this type at {0} %.', problem.threshold);
    case 'emailInvalid': return vscode.l10n.t('"{0}" is not an e-mail address.', problem.email);
    case 'emailsTooMany': return vscode.l10n.t('A notification can go to at most {0} e-mail addresses.', problem.max);
    case 'emailsNone': return vscode.l10n.t('Enter at least one e-mail address to notify.');
    case 'notificationsTooMany': return vscode.l10n.t('A budget can have at most {0} notifications.', problem.max);
    case 'filterNameEmpty': return vscode.l10n.t('Enter the tag name.');
    case 'filterValuesEmpty': return vscode.l10n.t('Enter one or more values, separated by commas.');
  }
}
