// The scopes a Consumption budget can hang off (docs/azure-apis.md#budgets), resolved against the
// world: which subscriptions' costs count toward the budget and in which currency.
import { badRequest, fail } from '../../arm';
import type { EmuRequest } from '../../http';
import type { World } from '../../world';
import type { WorldSubscription } from '../../world/types';

export type BudgetScopeKind = 'subscription' | 'resourceGroup' | 'managementGroup' | 'billingAccount' | 'billingProfile' | 'invoiceSection' | 'department' | 'enrollmentAccount';

export interface BudgetScope {
  kind: BudgetScopeKind;
  /** `/subscriptions/...` as the client wrote it, with one leading slash. */
  path: string;
  /** Lower-cased path: the store's key. */
  key: string;
  currency: string;
  subscriptions: WorldSubscription[];
  /** Pay-as-you-go (Web Direct) subscription scopes may use the billing-period time grains. */
  webDirect: boolean;
  /** Set on resource-group scopes (lower-case): only that group's costs count. */
  resourceGroup?: string;
}

export function resolveBudgetScope(world: World, req: EmuRequest): BudgetScope {
  return budgetScopeOf(world, req.params.scope, req.caller?.tid);
}

/** The scope at `scopePath` as the caller of tenant `tenantId` sees it (404 for what they cannot reach). */
export function budgetScopeOf(world: World, scopePath: string, tenantId: string | undefined): BudgetScope {
  const raw = scopePath.split('/').filter(Boolean);
  const path = `/${raw.join('/')}`;
  const s = raw.map((x) => x.toLowerCase());
  const scope = (kind: BudgetScopeKind, currency: string, subscriptions: WorldSubscription[], webDirect = false): BudgetScope => ({ kind, path, key: path.toLowerCase(), currency, subscriptions, webDirect });

  if (s[0] === 'subscriptions' && (raw.length === 2 || (raw.length === 4 && s[2] === 'resourcegroups'))) {
    const sub = world.billing.subscription(raw[1]);
    if (!sub || sub.tenantId !== tenantId) { fail(404, 'SubscriptionNotFound', `The subscription '${raw[1]}' could not be found.`); }
    const found = scope(raw.length === 2 ? 'subscription' : 'resourceGroup', sub.currency, [sub], sub.agreementType === 'MicrosoftOnlineServicesProgram');
    return raw.length === 2 ? found : { ...found, resourceGroup: s[3] };
  }
  if (s[0] === 'providers' && s[1] === 'microsoft.management' && s[2] === 'managementgroups' && raw.length === 4) {
    return scope('managementGroup', 'USD', []);
  }
  if (s[0] === 'providers' && s[1] === 'microsoft.billing' && s[2] === 'billingaccounts' && raw.length >= 4) {
    const account = world.billing.visibleAccount(tenantId, raw[3]);
    if (!account) { fail(404, 'NotFound', `The billing account '${raw[3]}' was not found, or you do not have a billing role on it.`); }
    if (raw.length === 4) {
      const currency = account.profiles[0]?.currency ?? account.currency;
      return scope('billingAccount', currency, account.subscriptions.filter((x) => x.currency === currency));
    }
    const child = (list: Array<{ name: string }>, what: string, name: string) => {
      const found = list.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!found) { fail(404, 'NotFound', `The ${what} '${name}' was not found in billing account '${account.name}'.`); }
      return found;
    };
    if (s[4] === 'billingprofiles' && (raw.length === 6 || (raw.length === 8 && s[6] === 'invoicesections'))) {
      const profile = world.billing.profile(account, raw[5]);
      if (!profile) { fail(404, 'NotFound', `The billing profile '${raw[5]}' was not found in billing account '${account.name}'.`); }
      if (raw.length === 6) { return scope('billingProfile', profile.currency, profile.subscriptions); }
      const section = child(profile.sections, 'invoice section', raw[7]);
      return scope('invoiceSection', profile.currency, profile.subscriptions.filter((x) => x.invoiceSectionName === section.name));
    }
    if (s[4] === 'departments' && raw.length === 6) {
      const d = child(account.departments, 'department', raw[5]);
      return scope('department', account.currency, account.subscriptions.filter((x) => x.departmentName === d.name));
    }
    if (s[4] === 'enrollmentaccounts' && raw.length === 6) {
      const e = child(account.enrollmentAccounts, 'enrollment account', raw[5]);
      return scope('enrollmentAccount', account.currency, account.subscriptions.filter((x) => x.enrollmentAccountName === e.name));
    }
  }
  badRequest(`Budgets are not supported at scope '${path}'.`, 'InvalidScope');
}
