// Billing ARM ids carry their parents: `/providers/Microsoft.Billing/billingAccounts/{ba}/
// billingProfiles/{bp}/invoiceSections/{is}`. Reading them case-insensitively (examples write
// `BillingAccounts`) gives each item its place in the tree without another call.

export interface BillingPath {
  accountName?: string;
  profileName?: string;
  invoiceSectionName?: string;
  departmentName?: string;
  enrollmentAccountName?: string;
  customerName?: string;
  subscriptionName?: string;
  invoiceName?: string;
}

const SEGMENT_KEYS: Record<string, keyof BillingPath> = {
  billingaccounts: 'accountName',
  billingprofiles: 'profileName',
  invoicesections: 'invoiceSectionName',
  departments: 'departmentName',
  enrollmentaccounts: 'enrollmentAccountName',
  customers: 'customerName',
  billingsubscriptions: 'subscriptionName',
  invoices: 'invoiceName',
};

/** The billing names inside an ARM id or path; segments are percent-decoded. */
export function parseBillingPath(id: string | undefined): BillingPath {
  const out: BillingPath = {};
  if (!id) { return out; }
  const parts = id.split('?')[0].split('/').filter(Boolean);
  for (let i = 0; i + 1 < parts.length; i++) {
    const key = SEGMENT_KEYS[parts[i].toLowerCase()];
    // The first occurrence wins: Consumption ids nest `/providers/Microsoft.Consumption/...` below.
    if (key && out[key] === undefined) {
      out[key] = safeDecode(parts[i + 1]);
      i++;
    }
  }
  return out;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** One path segment, percent-encoded (MCA account names contain `:`; ARM accepts both forms). */
export function seg(name: string): string {
  return encodeURIComponent(name);
}

export function accountPath(accountName: string): string {
  return `/providers/Microsoft.Billing/billingAccounts/${seg(accountName)}`;
}

export function profilePath(accountName: string, profileName: string): string {
  return `${accountPath(accountName)}/billingProfiles/${seg(profileName)}`;
}

export function invoiceSectionPath(accountName: string, profileName: string, sectionName: string): string {
  return `${profilePath(accountName, profileName)}/invoiceSections/${seg(sectionName)}`;
}

/** EA enrollment numbers are all digits (`8771640`); MCA names are `<guid>:<guid>_YYYY-MM-DD`. */
export function looksLikeEnrollmentNumber(accountName: string): boolean {
  return /^[0-9]+$/.test(accountName);
}

/** A scope path fragment (`subscriptions/x`, `/providers/Microsoft.Billing/...`) with exactly one leading slash and none trailing. */
export function scopePath(scope: string): string {
  return `/${scope.replace(/^\/+|\/+$/g, '')}`;
}
