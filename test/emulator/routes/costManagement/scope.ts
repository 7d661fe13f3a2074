// The `{scope}` of a Cost Management call (docs/azure-apis.md#cost-management-scopes) and the
// subscriptions in it, taken from the billing side's structure of the world.
import { armError } from '../../arm';
import { EmuHttpError, EmuRequest } from '../../http';
import type { WorldSubscription } from '../../world/types';
import type { UsageWorld } from '../../world/usage';
import { offerPricing } from '../../world/usage/offers';
import { subscriptionFor } from '../commerce/subscriptionGuard';

export interface CostScope {
  /** Lower-cased scope path, the key of the QPU limiter. */
  key: string;
  subscriptions: WorldSubscription[];
  /** Set on resource-group scopes (lower-case). */
  resourceGroup?: string;
}

/** What Cost Management needs from the billing side: account lookups by name and by caller. */
interface BillingLookup {
  account(name: string): unknown;
  visibleAccount(tenantId: string | undefined, name: string): unknown;
}

const eq = (a: string | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();

export function resolveScope(usage: UsageWorld, billing: BillingLookup | undefined, req: EmuRequest, rawScope: string): CostScope {
  const parts = rawScope.split('/').filter(Boolean);
  const lower = parts.map((p) => p.toLowerCase());
  const key = lower.join('/');

  if (lower[0] === 'subscriptions' && (parts.length === 2 || (parts.length === 4 && lower[2] === 'resourcegroups'))) {
    const sub = subscriptionFor(usage, req, parts[1], armError);
    if (offerPricing(sub.offerId).kind === 'none') {
      // [obs] the message Cost Management gives for offers it does not cover (JulianHayward/Azure-MG-Sub-Governance-Reporting#49).
      throw new EmuHttpError(armError(400, 'BadRequest', `Cost management data is unavailable for subscription ${sub.subscriptionId}. The offer ${sub.offerId} is not supported.`));
    }
    return { key, subscriptions: [sub], resourceGroup: parts.length === 4 ? lower[3] : undefined };
  }

  if (lower[0] === 'providers' && lower[1] === 'microsoft.billing' && lower[2] === 'billingaccounts' && parts.length >= 4) {
    const account = parts[3];
    if (billing && !billing.account(account)) { throw new EmuHttpError(armError(404, 'NotFound', `Billing account '${account}' was not found.`)); }
    if (billing && !billing.visibleAccount(req.caller?.tid, account)) {
      throw new EmuHttpError(armError(403, 'AuthorizationFailed', `The client does not have authorization to perform action 'Microsoft.CostManagement/query/action' over scope '/${rawScope}'.`));
    }
    let subs = usage.subscriptions.filter((s) => eq(s.billingAccountName, account));
    const rest = lower.slice(4);
    const names = parts.slice(4);
    if (rest.length === 0) { return { key, subscriptions: subs }; }
    if (rest[0] === 'billingprofiles' && (rest.length === 2 || (rest.length === 4 && rest[2] === 'invoicesections'))) {
      subs = subs.filter((s) => eq(s.billingProfileName, names[1]));
      if (rest.length === 4) { subs = subs.filter((s) => eq(s.invoiceSectionName, names[3])); }
      return { key, subscriptions: subs };
    }
    if (rest[0] === 'departments' && rest.length === 2) { return { key, subscriptions: subs.filter((s) => eq(s.departmentName, names[1])) }; }
    if (rest[0] === 'enrollmentaccounts' && rest.length === 2) { return { key, subscriptions: subs.filter((s) => eq(s.enrollmentAccountName, names[1])) }; }
  }
  throw new EmuHttpError(armError(400, 'BadRequest', `The scope '/${rawScope}' is not a scope the emulator serves (subscription, resource group, billing account, billing profile, invoice section, department, enrollment account).`));
}
