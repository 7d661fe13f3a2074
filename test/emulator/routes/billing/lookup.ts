// Resolving the billing scope of a request, with the errors ARM gives: 404 for names the caller
// cannot see, 400 `Invalid billing account name.` for agreement types a route does not serve
// (docs/azure-apis.md#billing-versions) and for names that break the 2024-04-01 pattern
// (docs/azure-apis.md#billing-identifiers).
import { badRequest, fail } from '../../arm';
import type { EmuRequest } from '../../http';
import type { WorldBillingAccount, WorldBillingProfile, WorldInvoiceSection } from '../../world/billing/types';
import type { AgreementType, WorldSubscription } from '../../world/types';
import type { RouteContext } from '../context';
import { V2024 } from './versions';

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const ACCOUNT_NAME_2024 = new RegExp(`^([0-9]+|([Pp][Cc][Nn]\\.[A-Za-z0-9]+)|${GUID}(:${GUID}_[0-9]{4}(-[0-9]{2}){2})?)$`);
const PROFILE_NAME = /^[a-zA-Z\d-_]{1,128}$/;

export function invalidAccountName(): never {
  badRequest('Invalid billing account name.');
}

export function accountOf(ctx: RouteContext, req: EmuRequest, allowed?: readonly AgreementType[]): WorldBillingAccount {
  const name = req.params.billingAccountName;
  if (req.apiVersion === V2024 && !ACCOUNT_NAME_2024.test(name)) { invalidAccountName(); }
  const account = ctx.world.billing.visibleAccount(req.caller?.tid, name);
  if (!account) { fail(404, 'NotFound', `The billing account '${name}' was not found, or you do not have a billing role on it.`); }
  if (allowed && !allowed.includes(account.agreementType)) { invalidAccountName(); }
  return account;
}

export const MCA_ONLY: readonly AgreementType[] = ['MicrosoftCustomerAgreement'];
export const EA_ONLY: readonly AgreementType[] = ['EnterpriseAgreement'];

export function profileOf(ctx: RouteContext, req: EmuRequest, account: WorldBillingAccount): WorldBillingProfile {
  const name = req.params.billingProfileName;
  if (!PROFILE_NAME.test(name)) { badRequest(`Invalid billing profile name '${name}'.`); }
  const profile = ctx.world.billing.profile(account, name);
  if (!profile) { fail(404, 'NotFound', `The billing profile '${name}' was not found in billing account '${account.name}'.`); }
  return profile;
}

export function sectionOf(ctx: RouteContext, req: EmuRequest, profile: WorldBillingProfile): WorldInvoiceSection {
  const name = req.params.invoiceSectionName;
  const section = ctx.world.billing.section(profile, name);
  if (!section) { fail(404, 'NotFound', `The invoice section '${name}' was not found in billing profile '${profile.name}'.`); }
  return section;
}

/** A subscription the caller reaches through RBAC (its tenant), for the `billingAccounts/default` routes. */
export function rbacSubscriptionOf(ctx: RouteContext, req: EmuRequest): WorldSubscription {
  const id = req.params.subscriptionId;
  const sub = ctx.world.billing.subscription(id);
  if (!sub || sub.tenantId !== req.caller?.tid) { fail(404, 'SubscriptionNotFound', `The subscription '${id}' could not be found.`); }
  return sub;
}
