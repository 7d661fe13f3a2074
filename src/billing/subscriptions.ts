// Billing subscriptions by account, billing profile, invoice section (MCA) and enrollment account
// (EA). Version per agreement type (azure-billing-api.md §2.6, §7 item 5): MCA routes on 2020-05-01;
// EA on 2024-04-01, because 2020-05-01 answers EA accounts with an empty list.
// Profile and section routes exist only for MCA/MPA: other agreement types get
// `NotApplicableError('billingProfilesNeedMca')` from the profile module's rule.
import type { ArmTransport } from '../azure/transport';
import { API } from './apiVersions';
import { Listing, listing, ListingOptions } from './listing';
import { accountPath, invoiceSectionPath, profilePath, seg } from './models/ids';
import { BillingSubscription, parseBillingSubscription } from './models/subscription';
import { AccountRef, InvoiceSectionRef, ProfileRef } from './refs';
import { listWithVersionFallback } from './versionFallback';

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
 * 2024-04-01 (the version that serves EA here [inf per the reference]).
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

/** EA: the subscriptions of one enrollment account (2024-04-01 only). */
export function listSubscriptionsByEnrollmentAccount(
  transport: ArmTransport,
  accountName: string,
  enrollmentAccountName: string,
  options: ListingOptions = {},
): Listing<BillingSubscription> {
  return subscriptionsAt(transport, `${accountPath(accountName)}/enrollmentAccounts/${seg(enrollmentAccountName)}`, [API.billingCurrent], options);
}
