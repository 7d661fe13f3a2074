// What the budget wizard's steps share (docs/budgets.md#the-wizard): where the budget lives, what it
// was before an edit, and the values typed so far. Values survive Back and a second attempt (after
// Azure refused the first, or the budget changed elsewhere), so nothing typed is lost.
import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { BudgetDraft } from '../../../billing/budgets';
import type { BudgetScopeRef } from '../../../billing/budgetScopes';
import type { Budget, BudgetNotification } from '../../../billing/models/budget';
import type { DayNumber } from '../../../insight/calendar';

export interface BudgetValues {
  name?: string;
  amount?: number;
  timeGrain?: string;
  startDate?: string;
  /** '' for Azure's default (ten years after the start). */
  endDate?: string;
  notifications: Record<string, BudgetNotification>;
  /** The wire filter; undefined for all costs of the scope. */
  filter?: Record<string, unknown>;
}

export interface BudgetWizardSettings {
  mode: 'create' | 'edit';
  scope: BudgetScopeRef;
  /** The scope's currency when known (from its budgets' spend or the profile). */
  currency?: string;
  today: DayNumber;
  /** Names of the scope's budgets: a new one must not take them. */
  takenNames: readonly string[];
  /** The budget being edited, as last read (its eTag goes with the save). */
  original?: Budget;
  /** Sends the budget; throws what Azure answered when it refuses. */
  save(name: string, draft: BudgetDraft): Promise<Budget>;
}

export interface BudgetWizardContext extends IActionContext, BudgetValues {
  settings: BudgetWizardSettings;
  saved?: Budget;
}

/** The values a budget holds, for an edit. */
export function valuesOf(budget: Budget): BudgetValues {
  return {
    name: budget.name,
    amount: budget.amount,
    timeGrain: budget.timeGrain,
    startDate: budget.startDate,
    endDate: budget.endDate ?? '',
    notifications: { ...budget.notifications },
    filter: budget.filter,
  };
}

/** The PUT of the values (the rules were checked as they were typed; budgetBody checks again). */
export function draftOf(values: BudgetValues, original: Budget | undefined): BudgetDraft {
  return {
    amount: values.amount ?? 0,
    timeGrain: (values.timeGrain ?? 'Monthly') as BudgetDraft['timeGrain'],
    startDate: values.startDate ?? '',
    endDate: values.endDate || undefined,
    filter: values.filter,
    notifications: values.notifications,
    eTag: original?.eTag,
  };
}
