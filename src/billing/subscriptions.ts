// Billing subscriptions by account, billing profile, invoice section (MCA) and enrollment account
// (EA). Version per agreement type (docs/azure-apis.md#billing-subscriptions): MCA routes on
// 2020-05-01; EA on 2024-04-01, because 2020-05-01 answers EA accounts with an empty list. Profile
// and section routes exist only for MCA/MPA: other agreement types get
// `NotApplicableError('billingProfilesNeedMca')` from the profile module's rule.
import type { ArmTransport } from '../azure/transport';
import { API } from './apiVersions';
import { Listing, listing, ListingOptions } from '../azure/listing';
import { accountPath, invoiceSectionPath, profilePath, seg } from './models/ids';
import { BillingSubscription, parseBillingSubscription } from './models/subscription';
import { AccountRef, InvoiceSectionRef, ProfileRef } from './refs';
import { listWithVersionFallback } from './versionFallback';
import { codeOf, statusOf } from './notApplicable';

function subscriptionsAt(transport: ArmTransport, path: string, versions: readonly string[], options: ListingOptions): Listing<BillingSubscription> {
  return listing(async function* () {
    const items = listWithVersionFallback(versions, (apiVersion) =>
      transport.list<unknown>(`${path}/billingSubscriptions`, { query: { 'api-version': apiVersion }, signal: options.signal }),
    );
    for await (const raw of items) yield parseBillingSubscription(raw);
  }, options);
}

/**
 * Every billing subscription of an account. MCA/MPA use 2020-05-01; EA, MOSP and unknown types use
 * 2024-04-01 (the version that serves EA here [inf], docs/azure-apis.md#billing-subscriptions).
 */
export function listSubscriptionsByAccount(transport: ArmTransport, account: AccountRef, options: ListingOptions = {}): Listing<BillingSubscription> {
  const mca = account.agreementType === 'MicrosoftCustomerAgreement' || account.agreementType === 'MicrosoftPartnerAgreement';
  const versions = mca ? [API.billingMca, API.billingCurrent] : [API.billingCurrent, API.billingMca];
  return subscriptionsAt(transport, accountPath(account.name), versions, options);
}

export function listSubscriptionsByProfile(transport: ArmTransport, profile: ProfileRef, options: ListingOptions = {}): Listing<BillingSubscription> {
  return subscriptionsAt(transport, profilePath(profile.accountName, profile.name), [API.billingMca, API.billingCurrent], options);
}

export function listSubscriptionsByInvoiceSection(transport: ArmTransport, section: InvoiceSectionRef, options: ListingOptions = {}): Listing<BillingSubscription> {
  return subscriptionsAt(transport, invoiceSectionPath(section.accountName, section.profileName, section.name), [API.billingMca, API.billingCurrent], options);
}

/**
 * EA: the subscriptions of one enrollment account, from its own route (2024-04-01). Where that
 * route is not offered (404 `InvalidResourceType`), the account's list is filtered by each
 * subscription's `enrollmentAccountId` instead — the same answer at the cost of a longer list.
 */
export function listSubscriptionsByEnrollmentAccount(
  transport: ArmTransport,
  accountName: string,
  enrollmentAccountName: string,
  options: ListingOptions = {},
): Listing<BillingSubscription> {
  const path = `${accountPath(accountName)}/enrollmentAccounts/${seg(enrollmentAccountName)}/billingSubscriptions`;
  return listing(async function* () {
    let yielded = false;
    try {
      for await (const raw of transport.list<unknown>(path, { query: { 'api-version': API.billingCurrent }, signal: options.signal })) {
        yielded = true;
        yield parseBillingSubscription(raw);
      }
      return;
    } catch (error) {
      if (yielded || statusOf(error) !== 404 || codeOf(error) !== 'InvalidResourceType') throw error;
    }
    const wanted = enrollmentAccountName.toLowerCase();
    for await (const raw of transport.list<unknown>(`${accountPath(accountName)}/billingSubscriptions`, { query: { 'api-version': API.billingCurrent }, signal: options.signal })) {
      const sub = parseBillingSubscription(raw);
      if (sub.enrollmentAccountName?.toLowerCase() === wanted) yield sub;
    }
  }, options);
}
