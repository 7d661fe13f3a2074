// Billing profiles (MCA / MPA only). For EA and MOSP accounts the call throws
// `NotApplicableError('billingProfilesNeedMca')` before any request (see notApplicable.ts).
import type { ArmTransport } from '../azure/transport';
import { API } from './apiVersions';
import { Listing, listing, ListingOptions } from '../azure/listing';
import { accountPath, looksLikeEnrollmentNumber, profilePath } from './models/ids';
import { BillingProfile, parseBillingProfile } from './models/profile';
import { describeAgreement, NotApplicableError, statusOf } from './notApplicable';
import { AccountRef, hasBillingProfiles } from './refs';

export function profilesNotApplicable(account: AccountRef, cause?: unknown): NotApplicableError {
  return new NotApplicableError(
    'billingProfilesNeedMca',
    `Billing profiles and invoice sections exist only for Microsoft Customer Agreement and Partner Agreement accounts; ` +
      `'${account.name}' has ${describeAgreement(account.agreementType ?? (looksLikeEnrollmentNumber(account.name) ? 'EnterpriseAgreement' : undefined))}.`,
    account.agreementType,
    cause,
  );
}

/**
 * The account's billing profiles, each with its invoice sections inline (`$expand`), so the tree
 * needs no call per profile. A Microsoft Customer Agreement account always has at least one, so an
 * empty answer for one is asked again once before it is believed (the accounts list does the same).
 */
export function listBillingProfiles(transport: ArmTransport, account: AccountRef, options: ListingOptions = {}): Listing<BillingProfile> {
  return listing(async function* () {
    if (!hasBillingProfiles(account.agreementType)) throw profilesNotApplicable(account);
    const asks = account.agreementType === 'MicrosoftCustomerAgreement' ? 2 : 1;
    try {
      for (let ask = 1; ask <= asks; ask++) {
        let seen = 0;
        for await (const raw of transport.list<unknown>(`${accountPath(account.name)}/billingProfiles`, {
          query: { 'api-version': API.billingMca, $expand: 'invoiceSections' },
          signal: options.signal,
        })) {
          seen++;
          yield parseBillingProfile(raw);
        }
        if (seen > 0) return;
      }
    } catch (error) {
      // Agreement type unknown and the service refuses an EA enrollment number on this route
      // (docs/azure-apis.md#billing-profiles-and-invoice-sections).
      if (statusOf(error) === 400 && looksLikeEnrollmentNumber(account.name)) throw profilesNotApplicable(account, error);
      throw error;
    }
  }, options);
}

export async function getBillingProfile(transport: ArmTransport, accountName: string, profileName: string, options: { signal?: AbortSignal } = {}): Promise<BillingProfile> {
  const raw = await transport.get<unknown>(profilePath(accountName, profileName), {
    query: { 'api-version': API.billingMca, $expand: 'invoiceSections' },
    signal: options.signal,
  });
  if (raw === undefined) throw new Error(`Billing profile '${profileName}' answered with no content.`);
  return parseBillingProfile(raw);
}
