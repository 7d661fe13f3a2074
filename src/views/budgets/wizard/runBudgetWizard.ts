// The budget wizard (docs/budgets.md#the-wizard): AzureWizard from @microsoft/vscode-azext-utils
// with this extension's prompt steps and one execute step that sends the whole budget in one PUT
// (so nothing is half-saved). This module and the package are loaded on first use, not at
// activation (scripts/build.js). It answers what happened; the command decides what to say.
import * as vscode from 'vscode';
import { AzureWizard, AzureWizardExecuteStep } from '@microsoft/vscode-azext-utils';
import type { Budget } from '../../../billing/models/budget';
import { BudgetValues, BudgetWizardContext, BudgetWizardSettings, draftOf } from './budgetWizardContext';
import { AmountStep, EndStep, NameStep, StartStep, TimeGrainStep } from './budgetSteps';
import { FilterStep } from './filterStep';
import { NotificationsStep } from './notificationsStep';
import { WizardUserInput } from './wizardUserInput';

class SaveBudgetStep extends AzureWizardExecuteStep<BudgetWizardContext> {
  priority = 100;

  async execute(context: BudgetWizardContext, progress: vscode.Progress<{ message?: string }>): Promise<void> {
    const name = context.name ?? context.settings.original?.name ?? '';
    progress.report({ message: vscode.l10n.t('Saving budget {0}…', name) });
    context.saved = await context.settings.save(name, draftOf(context, context.settings.original));
  }

  shouldExecute(): boolean {
    return true;
  }
}

export type WizardOutcome =
  | { kind: 'saved'; budget: Budget }
  | { kind: 'cancelled' }
  /** The save failed; `values` are what the person typed, to offer again. */
  | { kind: 'failed'; error: unknown; values: BudgetValues };

export async function runBudgetWizard(settings: BudgetWizardSettings, values: BudgetValues, title: string): Promise<WizardOutcome> {
  const ui = new WizardUserInput();
  const context: BudgetWizardContext = {
    ...values,
    settings,
    ui,
    telemetry: { properties: {}, measurements: {}, suppressAll: true },
    errorHandling: { issueProperties: {} },
    valuesToMask: [],
  };
  const wizard = new AzureWizard(context, {
    title,
    promptSteps: [new NameStep(), new AmountStep(), new TimeGrainStep(), new StartStep(), new EndStep(), new NotificationsStep(), new FilterStep()],
    executeSteps: [new SaveBudgetStep()],
  });
  try {
    try {
      await wizard.prompt();
    } catch (error) {
      if (error instanceof Error && error.name === 'UserCancelledError') { return { kind: 'cancelled' }; }
      throw error;
    }
    try {
      await wizard.execute();
    } catch (error) {
      const { name, amount, timeGrain, startDate, endDate, notifications, filter } = context;
      return { kind: 'failed', error, values: { name, amount, timeGrain, startDate, endDate, notifications, filter } };
    }
    return context.saved ? { kind: 'saved', budget: context.saved } : { kind: 'cancelled' };
  } finally {
    ui.dispose();
  }
}
