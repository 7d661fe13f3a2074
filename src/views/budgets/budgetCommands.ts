// Create Budget, Edit Budget and Delete Budget (docs/budgets.md): from the tree's Budgets folder or
// a budget, or from the palette (which asks for the scope). Create and edit run the wizard, loaded
// on first use with its package so activation does not pay for it. An edit sends the eTag it read;
// when the budget changed elsewhere (412/409) the person is told, the budget is read again and
// their edit is offered on top of it. When Azure refuses, its own message is shown and the values
// typed are offered again. Delete asks first. Every save is one PUT: nothing is half-saved.
import * as vscode from 'vscode';
import { cancelledError } from '../../azure/errors';
import type { Logger } from '../../azure/log';
import { deleteBudget, getBudget, saveBudget } from '../../billing/budgets';
import { budgetScopePath } from '../../billing/budgetScopes';
import type { Budget } from '../../billing/models/budget';
import { dayOfInstant } from '../../insight/calendar';
import type { CommandRunner } from '../commands/commandRunner';
import { NoChoiceError } from '../commands/billing/billingTargets';
import type { ExplorerProvider } from '../explorer/explorerProvider';
import type { SessionManager } from '../session/sessionManager';
import { azureSaid, isConflict, isRefusal } from './azureRefusal';
import { BudgetScopeTarget, budgetScopeTarget, budgetTarget } from './budgetTargets';
import { BudgetValues, valuesOf } from './wizard/budgetWizardContext';

export interface BudgetCommandDeps {
  runner: CommandRunner;
  provider: ExplorerProvider;
  sessions: SessionManager;
  logger: Logger;
  now: () => Date;
}

export function registerBudgetCommands(deps: BudgetCommandDeps): vscode.Disposable[] {
  const explained = <A extends unknown[]>(work: (...args: A) => Promise<unknown>) => async (...args: A): Promise<unknown> => {
    try {
      return await work(...args);
    } catch (error) {
      if (error instanceof NoChoiceError) { void vscode.window.showInformationMessage(error.message); return undefined; }
      throw error;
    }
  };
  return [
    deps.runner.register('azureBilling.createBudget', explained((node?: unknown) => createBudget(deps, node))),
    deps.runner.register('azureBilling.editBudget', explained((node?: unknown) => editBudget(deps, node))),
    deps.runner.register('azureBilling.deleteBudget', explained((node?: unknown) => removeBudget(deps, node))),
  ];
}

async function createBudget(deps: BudgetCommandDeps, node: unknown): Promise<Budget | undefined> {
  const title = vscode.l10n.t('Create Budget');
  const target = await budgetScopeTarget(node, deps.sessions, deps.logger, title);
  return runUntilSaved(deps, target, undefined, { notifications: {} }, vscode.l10n.t('Create a budget for {0}', target.scope.displayName));
}

async function editBudget(deps: BudgetCommandDeps, node: unknown): Promise<Budget | undefined> {
  const target = await budgetTarget(node, deps.sessions, deps.logger, vscode.l10n.t('Edit Budget'));
  return runUntilSaved(deps, target, target.budget, valuesOf(target.budget), vscode.l10n.t('Edit budget {0}', target.budget.name));
}

/** Runs the wizard until the budget is saved, the person gives up, or a failure that is not about the budget. */
async function runUntilSaved(deps: BudgetCommandDeps, target: BudgetScopeTarget, original: Budget | undefined, values: BudgetValues, title: string): Promise<Budget | undefined> {
  const { runBudgetWizard } = await import('./wizard/runBudgetWizard');
  const scopePath = budgetScopePath(target.scope);
  const transport = target.connection.transport;
  for (;;) {
    const outcome = await runBudgetWizard({
      mode: original ? 'edit' : 'create',
      scope: target.scope,
      currency: target.currency,
      today: dayOfInstant(deps.now()),
      takenNames: original ? [] : target.takenNames,
      original,
      save: (name, draft) => saveBudget(transport, scopePath, name, draft, { asOf: deps.now() }),
    }, values, title);
    if (outcome.kind === 'cancelled') { throw cancelledError(original ? 'Editing the budget' : 'Creating a budget'); }
    if (outcome.kind === 'saved') {
      deps.logger.info(`Budget ${outcome.budget.name} saved at ${scopePath}.`);
      if (target.folder) { deps.provider.refresh(target.folder); }
      void vscode.window.showInformationMessage(vscode.l10n.t('Budget {0} saved.', outcome.budget.name));
      return outcome.budget;
    }
    const { error } = outcome;
    values = outcome.values;
    if (isConflict(error) && original) {
      deps.logger.warn(`Budget ${original.name} changed elsewhere since it was read: ${(error as Error).message}`);
      // Read it again now, so what the person decides on is the current budget.
      original = await getBudget(transport, scopePath, original.name);
      if (target.folder) { deps.provider.refresh(target.folder); }
      const again = vscode.l10n.t('Apply my changes again');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Budget {0} was changed by someone else since it was read, so your edit was not saved. It has been read again; apply your changes to the new version?', original.name),
        { modal: true },
        again,
      );
      if (answer !== again) { throw cancelledError('Editing the budget'); }
      continue;
    }
    if (isRefusal(error) || isConflict(error)) {
      deps.logger.warn(`Azure refused the budget: ${(error as Error).message}`);
      const again = vscode.l10n.t('Change and retry');
      const answer = await vscode.window.showErrorMessage(vscode.l10n.t('Azure refused the budget; nothing was saved. Azure said: {0}', azureSaid(error) ?? ''), { modal: true }, again);
      if (answer !== again) { throw cancelledError('Saving the budget'); }
      continue;
    }
    throw error;
  }
}

async function removeBudget(deps: BudgetCommandDeps, node: unknown): Promise<void> {
  const target = await budgetTarget(node, deps.sessions, deps.logger, vscode.l10n.t('Delete Budget'));
  const remove = vscode.l10n.t('Delete');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete budget {0} of {1}? Its notifications stop with it. This cannot be undone.', target.budget.name, target.scope.displayName),
    { modal: true },
    remove,
  );
  if (answer !== remove) { throw cancelledError('Deleting the budget'); }
  const scopePath = budgetScopePath(target.scope);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting budget {0}…', target.budget.name) }, () =>
    deleteBudget(target.connection.transport, scopePath, target.budget.name));
  deps.logger.info(`Budget ${target.budget.name} deleted at ${scopePath}.`);
  if (target.folder) { deps.provider.refresh(target.folder); }
}
