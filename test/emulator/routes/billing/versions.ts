// Microsoft.Billing api-versions the emulator answers (docs/azure-apis.md#billing-versions).
export const V2019 = '2019-10-01-preview';
export const V2020 = '2020-05-01';
export const V2024 = '2024-04-01';
export const BILLING_VERSIONS = [V2019, V2020, V2024] as const;

export const BILLING = '/providers/Microsoft.Billing/billingAccounts';

/** A path segment as ARM writes it in URLs: percent-encoded, but `:` of MCA account names left as is. */
export function seg(name: string): string {
  return encodeURIComponent(name).replace(/%3A/gi, ':');
}

export function accountId(name: string): string {
  return `${BILLING}/${name}`;
}

export function profileId(accountName: string, profileName: string): string {
  return `${BILLING}/${accountName}/billingProfiles/${profileName}`;
}

export function sectionId(accountName: string, profileName: string, sectionName: string): string {
  return `${profileId(accountName, profileName)}/invoiceSections/${sectionName}`;
}
