// What a module needs to know to address a billing scope. The models satisfy these, so a view can
// pass the account or profile it already holds.
import type { AgreementType } from './models/account';

export interface AccountRef {
  name: string;
  /** When known, calls that do not apply to it fail fast with `NotApplicableError`. */
  agreementType?: AgreementType;
}

export interface ProfileRef {
  accountName: string;
  name: string;
}

export interface InvoiceSectionRef {
  accountName: string;
  profileName: string;
  name: string;
}

export function profileRef(accountName: string, name: string): ProfileRef {
  return { accountName, name };
}

/** MCA and MPA have billing profiles and invoice sections; EA and MOSP do not. */
export function hasBillingProfiles(agreementType: AgreementType | undefined): boolean {
  return agreementType === undefined || agreementType === 'MicrosoftCustomerAgreement' || agreementType === 'MicrosoftPartnerAgreement';
}
