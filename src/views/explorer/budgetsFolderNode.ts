// "Budgets" below a subscription, an MCA billing profile or an EA billing account
// (docs/budgets.md#in-the-tree): the Consumption budgets of that scope, each with its spend and
// forecast as a share of the amount. Create Budget hangs off this folder (`budgets` mark).
import * as vscode from 'vscode';
import { listBudgets } from '../../billing/budgets';
import { BudgetScopeRef, budgetScopePath } from '../../billing/budgetScopes';
import type { Budget } from '../../billing/models/budget';
import { BudgetNode } from './budgetNode';
import type { AccountScope } from './billingTree';
import type { ExplorerNode } from './explorerNode';
import { PagedFolderNode } from './pagedFolderNode';

export const BUDGET_MARKS = { folder: 'budgets', budget: 'budget' } as const;

export class BudgetsFolderNode extends PagedFolderNode<Budget> {
  constructor(
    parent: ExplorerNode,
    scope: AccountScope,
    readonly budgetScope: BudgetScopeRef,
    /** The scope's billing currency when the parent knows it (a profile's, an account's). */
    private readonly currencyHint?: string,
  ) {
    super(parent, scope, {
      idSuffix: 'budgets',
      label: vscode.l10n.t('Budgets'),
      tooltip: vscode.l10n.t('Budgets of {0}: spend and forecast of the current period against each amount.', budgetScope.displayName),
      icon: 'dashboard',
      kind: 'budgetsFolder',
      marks: [BUDGET_MARKS.folder],
      failedToLoadLabel: vscode.l10n.t('Could not load budgets'),
      emptyLabel: vscode.l10n.t('No budgets'),
      open: (signal) => listBudgets(scope.connection.transport, budgetScopePath(budgetScope), { signal }),
      child: (budget, folder) => new BudgetNode(folder, scope, budget),
    });
  }

  /** The currency budgets here are kept in: what their spend says, else what the parent knew. */
  currency(): string | undefined {
    return this.cursor.items.find((b) => b.currentSpend)?.currentSpend?.currency ?? this.currencyHint;
  }

  /** The budgets read so far (a new budget must not take one of their names). */
  budgets(): readonly Budget[] {
    return this.cursor.items;
  }
}
