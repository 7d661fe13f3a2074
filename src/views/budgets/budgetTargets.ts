// Where a budget command acts: the Budgets folder or the budget it was run on in the tree, or, from
// the palette, a scope (subscription, MCA billing profile, EA billing account) chosen in a quick
// pick across every directory the sign-in reaches, then a budget of it.
import * as vscode from 'vscode';
import { cancelledError } from '../../azure/errors';
import type { Logger } from '../../azure/log';
import { listBudgets } from '../../billing/budgets';
import { BudgetScopeRef, budgetScopePath } from '../../billing/budgetScopes';
import type { Budget } from '../../billing/models/budget';
import { listSubscriptionsByAccount } from '../../billing/subscriptions';
import { AccountChoice, listAccounts, profilesOf } from '../commands/billing/billingCatalog';
import { NoChoiceError } from '../commands/billing/billingTargets';
import { BudgetNode } from '../explorer/budgetNode';
import { BudgetsFolderNode } from '../explorer/budgetsFolderNode';
import type { TenantConnection } from '../session/billingSession';
import type { SessionManager } from '../session/sessionManager';
import { tenantLabel } from '../session/tenantDirectory';

export interface BudgetScopeTarget {
  connection: TenantConnection;
  scope: BudgetScopeRef;
  currency?: string;
  /** The tree's folder, to refresh after a change; absent from the palette. */
  folder?: BudgetsFolderNode;
  /** Names in use at the scope. */
  takenNames: string[];
}

export interface BudgetTarget extends BudgetScopeTarget {
  budget: Budget;
}

export async function budgetScopeTarget(node: unknown, sessions: SessionManager, logger: Logger, title: string): Promise<BudgetScopeTarget> {
  if (node instanceof BudgetsFolderNode) { return folderTarget(node); }
  if (node instanceof BudgetNode && node.parent instanceof BudgetsFolderNode) { return folderTarget(node.parent); }
  const choices = scopeChoices(sessions, logger);
  const items = choices.then((list) => list.map((c) => ({ label: c.scope.displayName, description: c.description, detail: tenantLabel(c.connection.tenant), choice: c })));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Choose a subscription, billing profile or billing account'), ignoreFocusOut: true, matchOnDescription: true });
  if (!picked) {
    if ((await choices).length === 0) { throw new NoChoiceError(vscode.l10n.t('No subscription, billing profile or enrollment is visible to this sign-in, so there is nowhere to keep a budget.')); }
    throw cancelledError('Choosing where the budget is');
  }
  const { connection, scope, currency } = picked.choice;
  const budgets = (await listBudgets(connection.transport, budgetScopePath(scope)).all()).items;
  return { connection, scope, currency: budgets.find((b) => b.currentSpend)?.currentSpend?.currency ?? currency, takenNames: budgets.map((b) => b.name) };
}

export async function budgetTarget(node: unknown, sessions: SessionManager, logger: Logger, title: string): Promise<BudgetTarget> {
  if (node instanceof BudgetNode && node.parent instanceof BudgetsFolderNode) {
    return { ...folderTarget(node.parent), budget: node.budget };
  }
  const where = await budgetScopeTarget(undefined, sessions, logger, title);
  const budgets = (await listBudgets(where.connection.transport, budgetScopePath(where.scope)).all()).items;
  if (budgets.length === 0) { throw new NoChoiceError(vscode.l10n.t('{0} has no budgets.', where.scope.displayName)); }
  const picked = await vscode.window.showQuickPick(budgets.map((b) => ({ label: b.name, description: String(b.amount), budget: b })), { title, placeHolder: vscode.l10n.t('Choose a budget'), ignoreFocusOut: true });
  if (!picked) { throw cancelledError('Choosing a budget'); }
  return { ...where, budget: picked.budget };
}

function folderTarget(folder: BudgetsFolderNode): BudgetScopeTarget {
  return { connection: folder.scope.connection, scope: folder.budgetScope, currency: folder.currency(), folder, takenNames: folder.budgets().map((b) => b.name) };
}

interface ScopeChoice {
  connection: TenantConnection;
  scope: BudgetScopeRef;
  description: string;
  currency?: string;
}

/** MCA billing profiles, EA billing accounts, and every account's subscriptions; a failing account is logged and left out. */
async function scopeChoices(sessions: SessionManager, logger: Logger): Promise<ScopeChoice[]> {
  const tenants = await sessions.session().tenants({ locale: vscode.env.language });
  const accounts = await listAccounts(tenants, logger);
  const perAccount = await Promise.all(accounts.map((a) => choicesOf(a).catch((error: unknown) => {
    logger.warn(`Budget scopes of billing account ${a.account.displayName} could not be listed: ${(error as Error).message}`);
    return [];
  })));
  return perAccount.flat();
}

async function choicesOf({ connection, account }: AccountChoice): Promise<ScopeChoice[]> {
  const out: ScopeChoice[] = [];
  if (account.agreementType === 'MicrosoftCustomerAgreement') {
    for (const p of await profilesOf({ connection, account })) {
      out.push({ connection, scope: { kind: 'billingProfile', accountName: account.name, profileName: p.name, displayName: p.displayName }, description: vscode.l10n.t('Billing profile · {0}', account.displayName), currency: p.currency });
    }
  }
  if (account.agreementType === 'EnterpriseAgreement') {
    out.push({ connection, scope: { kind: 'billingAccount', accountName: account.name, displayName: account.displayName }, description: vscode.l10n.t('Enrollment'), currency: account.enrollmentDetails?.currency });
  }
  for (const s of (await listSubscriptionsByAccount(connection.transport, account).all()).items) {
    if (!s.subscriptionId) { continue; }
    out.push({ connection, scope: { kind: 'subscription', subscriptionId: s.subscriptionId, displayName: s.displayName }, description: vscode.l10n.t('Subscription · {0}', account.displayName), currency: s.monthToDateCharges?.currency });
  }
  return out;
}
