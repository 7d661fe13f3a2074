// The scopes where the extension shows and sets budgets (docs/budgets.md#scopes): a subscription,
// an MCA billing profile, an EA billing account (enrollment). The Consumption budgets API takes
// more (resource groups, management groups, departments, enrollment accounts, invoice sections);
// these three are where a person looks for their money in the tree.
import { accountPath, profilePath, seg } from './models/ids';

export type BudgetScopeRef =
  | { kind: 'subscription'; subscriptionId: string; displayName: string }
  | { kind: 'billingProfile'; accountName: string; profileName: string; displayName: string }
  | { kind: 'billingAccount'; accountName: string; displayName: string };

/** The `{scope}` of `{scope}/providers/Microsoft.Consumption/budgets`. */
export function budgetScopePath(ref: BudgetScopeRef): string {
  switch (ref.kind) {
    case 'subscription': return `/subscriptions/${seg(ref.subscriptionId)}`;
    case 'billingProfile': return profilePath(ref.accountName, ref.profileName);
    case 'billingAccount': return accountPath(ref.accountName);
  }
}

/** Actions groups can be notified only at subscription (and resource group) scope; e-mails everywhere. */
export function scopeTakesContactRoles(ref: BudgetScopeRef): boolean {
  return ref.kind === 'subscription';
}
