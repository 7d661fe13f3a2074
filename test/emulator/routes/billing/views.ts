// JSON of billing accounts, profiles, invoice sections, EA departments and enrollment accounts and
// billing subscriptions, per api-version (docs/azure-apis.md#billing-accounts to
// #ea-departments-and-enrollment-accounts). Property order is fixed so that the same world gives
// byte-identical bodies.
import type { World } from '../../world';
import { addDays, monthStart, addMonths } from '../../world/billing/calendar';
import { fromCents } from '../../world/billing/money';
import type { WorldAddress, WorldBillingAccount, WorldBillingProfile, WorldDepartment, WorldEnrollmentAccount, WorldInvoiceSection } from '../../world/billing/types';
import type { WorldSubscription } from '../../world/types';
import { accountId, profileId, sectionId, V2019, V2024 } from './versions';

export type Expand = Set<string>;

/** `$expand` and `expand` (2024-04-01 TypeSpec), comma-separated, case-insensitive. */
export function expandOf(q: (name: string) => string | undefined): Expand {
  const raw = [q('$expand'), q('expand')].filter(Boolean).join(',');
  return new Set(raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
}

function address(a: WorldAddress): Record<string, unknown> {
  return { companyName: a.companyName, addressLine1: a.addressLine1, city: a.city, region: a.region, postalCode: a.postalCode, country: a.country, email: a.email };
}

/** Early previews return expanded children as a plain array, later versions wrap them. */
function expanded<T>(version: string, items: T[]): T[] | { hasMoreResults: boolean; value: T[] } {
  return version === V2019 ? items : { hasMoreResults: false, value: items };
}

export function sectionJson(s: WorldInvoiceSection, version: string): unknown {
  const properties: Record<string, unknown> = { displayName: s.displayName, labels: s.labels, systemId: s.systemId };
  // `state` and `tags` are in the 2020-05-01 model and its `InvoiceSection.json` example too.
  if (version !== V2019) { Object.assign(properties, { state: 'Active', tags: {} }); }
  if (version === V2024) { properties.targetCloud = 'AzureCloud'; }
  return { id: sectionId(s.accountName, s.profileName, s.name), name: s.name, type: 'Microsoft.Billing/billingAccounts/billingProfiles/invoiceSections', properties };
}

/** The spec's examples pair skuId 0001 with Dev/Test and 0002 with the standard plan. */
export function planOf(offerId: string): { skuId: string; skuDescription: string } {
  return offerId === 'MS-AZR-0148G' ? { skuId: '0001', skuDescription: 'Microsoft Azure Dev/Test' } : { skuId: '0002', skuDescription: 'Microsoft Azure Standard' };
}

export function profileJson(p: WorldBillingProfile, version: string, withSections: boolean): unknown {
  const plans = [...new Map(p.subscriptions.map((s) => [planOf(s.offerId).skuId, planOf(s.offerId)])).values()].sort((a, b) => a.skuId.localeCompare(b.skuId));
  const properties: Record<string, unknown> = {
    billTo: address(p.billTo),
    currency: p.currency,
    displayName: p.displayName,
    enabledAzurePlans: plans,
    hasReadAccess: true,
    invoiceDay: p.invoiceDay,
    invoiceEmailOptIn: true,
    poNumber: p.poNumber,
    spendingLimit: p.spendingLimit,
    status: p.status,
    statusReasonCode: p.statusReasonCode,
    systemId: p.systemId,
    targetClouds: [],
  };
  // In the 2020-05-01 model as well as 2024-04-01 (the preview has no such field).
  if (version !== V2019) { properties.billingRelationshipType = 'Direct'; }
  // Sections on a profile: an array up to 2020-05-01, the wrapper on 2024-04-01
  // (docs/azure-apis.md#billing-profiles-and-invoice-sections).
  if (withSections) {
    const sections = p.sections.map((s) => sectionJson(s, version));
    properties.invoiceSections = version === V2024 ? { hasMoreResults: false, value: sections } : sections;
  }
  return { id: profileId(p.accountName, p.name), name: p.name, type: 'Microsoft.Billing/billingAccounts/billingProfiles', properties };
}

export function departmentJson(d: WorldDepartment, version: string): unknown {
  const properties = version === V2024
    ? { displayName: d.displayName, costCenter: d.costCenter, status: 'Active' }
    : { departmentName: d.displayName, costCenter: d.costCenter, status: 'Active' };
  return { id: `${accountId(d.accountName)}/departments/${d.name}`, name: d.name, type: 'Microsoft.Billing/billingAccounts/departments', properties };
}

export function enrollmentAccountJson(e: WorldEnrollmentAccount, department: WorldDepartment | undefined, version: string): unknown {
  const departmentRef = department && `${accountId(e.accountName)}/departments/${department.name}`;
  const properties = version === V2024
    ? { displayName: e.displayName, accountOwner: e.accountOwner, costCenter: e.costCenter, status: 'Active', startDate: `${e.startDate}T00:00:00Z`, endDate: `${e.endDate}T00:00:00Z`, departmentId: departmentRef, departmentDisplayName: department?.displayName }
    : { accountName: e.displayName, accountOwner: e.accountOwner, costCenter: e.costCenter, status: 'Active', startDate: `${e.startDate}T00:00:00Z`, endDate: `${e.endDate}T00:00:00Z`, department: department && departmentJson(department, version) };
  return { id: `${accountId(e.accountName)}/enrollmentAccounts/${e.name}`, name: e.name, type: 'Microsoft.Billing/billingAccounts/enrollmentAccounts', properties };
}

export function accountJson(a: WorldBillingAccount, version: string, expand: Expand): unknown {
  const properties: Record<string, unknown> = {
    accountStatus: 'Active',
    accountType: a.accountType,
    agreementType: a.agreementType,
    displayName: a.displayName,
    hasReadAccess: true,
  };
  if (version === V2024) { Object.assign(properties, { primaryBillingTenantId: a.tenantId, notificationEmailAddress: a.soldTo.email }); }
  if (expand.has('soldto')) { properties.soldTo = address(a.soldTo); }
  const withSections = expand.has('billingprofiles/invoicesections');
  if (a.agreementType === 'MicrosoftCustomerAgreement' && (expand.has('billingprofiles') || withSections)) {
    properties.billingProfiles = expanded(version, a.profiles.map((p) => profileJson(p, version, withSections)));
  }
  if (a.agreementType === 'EnterpriseAgreement') {
    // 2024-04-01 documents `expand=enrollmentDetails/poNumber`; the older `enrollmentDetails` works everywhere.
    const poNumber = expand.has('enrollmentdetails/ponumber');
    if (expand.has('enrollmentdetails') || poNumber) {
      properties.enrollmentDetails = {
        ...(poNumber ? { poNumber: `PO${a.name.slice(-6)}` } : {}),
        startDate: `${a.createdDate}T00:00:00Z`, endDate: `${addDays(addMonths(a.createdDate, 36), -1)}T00:00:00Z`, currency: a.currency, channel: 'EaDirect', billingCycle: 'Monthly', status: 'Active',
        policies: { accountOwnerViewCharges: true, departmentAdminViewCharges: true, marketplaceEnabled: true, reservedInstancesEnabled: false },
      };
    }
    // Only the preview expands departments and enrollment accounts on the account
    // (docs/azure-apis.md#billing-accounts).
    if (version === V2019 && expand.has('departments')) { properties.departments = a.departments.map((d) => departmentJson(d, version)); }
    if (version === V2019 && expand.has('enrollmentaccounts')) {
      properties.enrollmentAccounts = a.enrollmentAccounts.map((e) => enrollmentAccountJson(e, a.departments.find((d) => d.name === e.departmentName), version));
    }
  }
  return { id: accountId(a.name), name: a.name, type: 'Microsoft.Billing/billingAccounts', properties };
}

const BILLING_STATUS: Record<WorldSubscription['state'], string> = { Enabled: 'Active', Disabled: 'Inactive', Warned: 'Warning', PastDue: 'Warning' };

export function billingSubscriptionJson(world: World, a: WorldBillingAccount, s: WorldSubscription): unknown {
  const asOf = world.billing.asOf;
  const thisMonth = monthStart(asOf);
  const lastMonth = addMonths(thisMonth, -1);
  const money = (cents: number) => ({ currency: s.currency, value: fromCents(cents) });
  const properties: Record<string, unknown> = {
    displayName: s.displayName,
    subscriptionId: s.subscriptionId,
    subscriptionBillingStatus: BILLING_STATUS[s.state],
    lastMonthCharges: money(world.billing.subscriptionChargesCents(s, lastMonth, addDays(thisMonth, -1))),
    // Month to date runs to yesterday: today's usage is not complete.
    monthToDateCharges: money(world.billing.subscriptionChargesCents(s, thisMonth, addDays(asOf, -1))),
  };
  if (a.agreementType === 'MicrosoftCustomerAgreement') {
    const profile = a.profiles.find((p) => p.name === s.billingProfileName) as WorldBillingProfile;
    const section = profile.sections.find((x) => x.name === s.invoiceSectionName) as WorldInvoiceSection;
    Object.assign(properties, {
      billingProfileId: profileId(a.name, profile.name),
      billingProfileDisplayName: profile.displayName,
      invoiceSectionId: sectionId(a.name, profile.name, section.name),
      invoiceSectionDisplayName: section.displayName,
      costCenter: section.labels.pcCode,
      ...planOf(s.offerId),
    });
  } else if (a.agreementType === 'EnterpriseAgreement') {
    // Billing lists an offer id for pay-as-you-go (MOSP) and EA subscriptions only; an Azure plan
    // under a Microsoft Customer Agreement has its plan (skuId, skuDescription) instead.
    properties.offerId = s.offerId;
    const ea = a.enrollmentAccounts.find((e) => e.name === s.enrollmentAccountName) as WorldEnrollmentAccount;
    Object.assign(properties, {
      enrollmentAccountId: `${accountId(a.name)}/enrollmentAccounts/${ea.name}`,
      enrollmentAccountDisplayName: ea.displayName,
      departmentId: `${accountId(a.name)}/departments/${ea.departmentName}`,
      costCenter: ea.costCenter,
    });
  }
  if (a.agreementType === 'MicrosoftOnlineServicesProgram') { properties.offerId = s.offerId; }
  return { id: `${accountId(a.name)}/billingSubscriptions/${s.subscriptionId}`, name: s.subscriptionId, type: 'Microsoft.Billing/billingAccounts/billingSubscriptions', properties };
}
