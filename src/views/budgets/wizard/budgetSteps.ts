// The budget wizard's simple steps: name (new budgets only), amount, time grain, start and end.
// Each input box checks its rule on every keystroke (src/insight/budgets/budgetRules.ts) and shows
// the broken rule as a sentence; the value typed last is offered again after Back.
import * as vscode from 'vscode';
import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import { checkBudgetName, Checked, earliestStart, parseBudgetAmount, parseEndDate, parseStartDate, WIZARD_TIME_GRAINS } from '../../../insight/budgets/budgetRules';
import { budgetProblemText, timeGrainLabel } from '../budgetText';
import type { BudgetWizardContext } from './budgetWizardContext';

/** The validation message of a check: undefined when the value is fine. */
export function messageOf<T>(checked: Checked<T>): string | undefined {
  return checked.ok ? undefined : budgetProblemText(checked.problem);
}

export function valueOf<T>(checked: Checked<T>): T {
  if (!checked.ok) { throw new Error(budgetProblemText(checked.problem)); }
  return checked.value;
}

export class NameStep extends AzureWizardPromptStep<BudgetWizardContext> {
  async prompt(context: BudgetWizardContext): Promise<void> {
    const taken = context.settings.takenNames;
    const text = await context.ui.showInputBox({
      prompt: vscode.l10n.t('Name of the budget (letters, digits, "-" and "_")'),
      value: context.name,
      validateInput: (v) => messageOf(checkBudgetName(v, taken)),
    });
    context.name = valueOf(checkBudgetName(text, taken));
  }

  shouldPrompt(context: BudgetWizardContext): boolean {
    return context.settings.mode === 'create';
  }
}

export class AmountStep extends AzureWizardPromptStep<BudgetWizardContext> {
  async prompt(context: BudgetWizardContext): Promise<void> {
    const currency = context.settings.currency;
    const text = await context.ui.showInputBox({
      prompt: currency ? vscode.l10n.t('Amount per period, in {0}', currency) : vscode.l10n.t('Amount per period, in the billing currency of the scope'),
      value: context.amount === undefined ? undefined : String(context.amount),
      validateInput: (v) => messageOf(parseBudgetAmount(v)),
    });
    context.amount = valueOf(parseBudgetAmount(text));
  }

  shouldPrompt(): boolean {
    return true;
  }
}

export class TimeGrainStep extends AzureWizardPromptStep<BudgetWizardContext> {
  async prompt(context: BudgetWizardContext): Promise<void> {
    const grains: string[] = [...WIZARD_TIME_GRAINS];
    // A billing-period grain (pay-as-you-go) set elsewhere stays available to keep.
    if (context.timeGrain && !grains.includes(context.timeGrain)) { grains.push(context.timeGrain); }
    const items = grains.map((grain) => ({
      label: timeGrainLabel(grain),
      description: grain === context.timeGrain ? vscode.l10n.t('current') : undefined,
      detail: grainDetail(grain),
      grain,
    }));
    const current = items.findIndex((i) => i.grain === context.timeGrain);
    if (current > 0) { items.unshift(...items.splice(current, 1)); }
    const picked = await context.ui.showQuickPick(items, { placeHolder: vscode.l10n.t('How often the budget starts again') });
    context.timeGrain = picked.grain;
  }

  shouldPrompt(): boolean {
    return true;
  }
}

function grainDetail(grain: string): string | undefined {
  if (grain === 'Monthly') { return vscode.l10n.t('Resets on the first day of each month'); }
  if (grain === 'Quarterly') { return vscode.l10n.t('Resets every three months from the start month'); }
  if (grain === 'Annually') { return vscode.l10n.t('Resets every twelve months from the start month'); }
  return undefined;
}

export class StartStep extends AzureWizardPromptStep<BudgetWizardContext> {
  async prompt(context: BudgetWizardContext): Promise<void> {
    const { today, original } = context.settings;
    const grain = context.timeGrain ?? 'Monthly';
    const keep = original?.startDate;
    const check = (v: string) => parseStartDate(v, grain, today, keep);
    const earliest = earliestStart(grain, today);
    const text = await context.ui.showInputBox({
      prompt: keep
        ? vscode.l10n.t('Start date (YYYY-MM-DD, the first day of a month); keep {0} or choose {1} or later', keep, earliest)
        : vscode.l10n.t('Start date (YYYY-MM-DD, the first day of a month, {0} or later)', earliest),
      value: context.startDate && check(context.startDate).ok ? context.startDate : earliest,
      validateInput: (v) => messageOf(check(v)),
    });
    context.startDate = valueOf(check(text));
  }

  shouldPrompt(): boolean {
    return true;
  }
}

export class EndStep extends AzureWizardPromptStep<BudgetWizardContext> {
  async prompt(context: BudgetWizardContext): Promise<void> {
    const start = context.startDate ?? '';
    const text = await context.ui.showInputBox({
      prompt: vscode.l10n.t('End date (YYYY-MM-DD), or leave empty for ten years after the start'),
      value: context.endDate ?? '',
      validateInput: (v) => messageOf(parseEndDate(v, start)),
    });
    context.endDate = valueOf(parseEndDate(text, start)) ?? '';
  }

  shouldPrompt(): boolean {
    return true;
  }
}
