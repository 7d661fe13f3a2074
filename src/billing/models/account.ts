// Billing accounts and the EA structure under them (departments, enrollment accounts), folded
// from 2019-10-01-preview, 2020-05-01 and 2024-04-01 into one shape.
export type { Address, Expanded } from './common';
import { CalendarDate } from './dates';
import { BillingProfile, parseBillingProfile } from './profile';
import { Open } from './openEnum';
import { Address, Expanded, parseAddress, readExpanded, withIssues } from './common';
import { ArmIdentity, isObject, ParseIssue, readIdentity, WireReader } from './wire';
import { parseBillingPath } from './ids';

export const AGREEMENT_TYPES = [
  'MicrosoftCustomerAgreement',
  'EnterpriseAgreement',
  'MicrosoftOnlineServicesProgram',
  'MicrosoftPartnerAgreement',
  'Other',
] as const;
export type AgreementType = Open<(typeof AGREEMENT_TYPES)[number]>;

export const ACCOUNT_TYPES = ['Enterprise', 'Individual', 'Partner'] as const;
export const ACCOUNT_STATUSES = ['Active', 'Deleted', 'Disabled', 'Expired', 'Transferred', 'Extended', 'Terminated'] as const;

export interface EnrollmentDetails {
  startDate?: CalendarDate;
  endDate?: CalendarDate;
  currency?: string;
  channel?: string;
  billingCycle?: string;
  status?: string;
  countryCode?: string;
  language?: string;
  policies: {
    accountOwnerViewCharges?: boolean;
    departmentAdminViewCharges?: boolean;
    marketplaceEnabled?: boolean;
    reservedInstancesEnabled?: boolean;
  };
}

export interface Department extends ArmIdentity {
  accountName?: string;
  displayName: string;
  costCenter?: string;
  status?: string;
  /** Only when expanded. */
  enrollmentAccounts?: EnrollmentAccount[];
  issues?: ParseIssue[];
}

export interface EnrollmentAccount extends ArmIdentity {
  accountName?: string;
  displayName: string;
  accountOwner?: string;
  costCenter?: string;
  status?: string;
  startDate?: CalendarDate;
  endDate?: CalendarDate;
  departmentName?: string;
  departmentDisplayName?: string;
  issues?: ParseIssue[];
}

export interface BillingAccount extends ArmIdentity {
  displayName: string;
  agreementType?: AgreementType;
  accountType?: Open<(typeof ACCOUNT_TYPES)[number]>;
  accountStatus?: Open<(typeof ACCOUNT_STATUSES)[number]>;
  hasReadAccess?: boolean;
  /** `soldTo` (2020-05-01+) or `address` (early 2019-10-01-preview). */
  soldTo?: Address;
  enrollmentDetails?: EnrollmentDetails;
  /** Present only when the call expanded them; undefined means "not returned here", not "none". */
  billingProfiles?: Expanded<BillingProfile>;
  departments?: Expanded<Department>;
  enrollmentAccounts?: Expanded<EnrollmentAccount>;
  /** Properties this model does not name (2024-04-01 keeps adding some), as they came. */
  otherProperties: Record<string, unknown>;
  issues?: ParseIssue[];
}

const KNOWN_ACCOUNT_PROPERTIES = new Set([
  'displayName', 'agreementType', 'accountType', 'accountStatus', 'hasReadAccess', 'soldTo', 'address',
  'enrollmentDetails', 'billingProfiles', 'departments', 'enrollmentAccounts',
]);

export function parseEnrollmentDetails(raw: unknown, r: WireReader): EnrollmentDetails | undefined {
  if (!isObject(raw)) { return undefined; }
  const e = r.child('enrollmentDetails');
  const p = e.child('policies');
  return {
    startDate: e.date('startDate'),
    endDate: e.date('endDate'),
    currency: e.str('currency'),
    channel: e.str('channel'),
    billingCycle: e.str('billingCycle'),
    status: e.str('status'),
    countryCode: e.str('countryCode'),
    language: e.str('language'),
    policies: {
      accountOwnerViewCharges: p.bool('accountOwnerViewCharges'),
      departmentAdminViewCharges: p.bool('departmentAdminViewCharges'),
      // 2019-10-01-preview spells it with an s.
      marketplaceEnabled: p.bool(['marketplaceEnabled', 'marketplacesEnabled']),
      reservedInstancesEnabled: p.bool('reservedInstancesEnabled'),
    },
  };
}

export function parseEnrollmentAccount(raw: unknown): EnrollmentAccount {
  const identity = readIdentity(raw);
  const issues: ParseIssue[] = [];
  const r = new WireReader(isObject(raw) ? raw.properties : undefined, issues);
  const path = parseBillingPath(identity.id);
  const departmentId = r.str('departmentId');
  const dept = r.raw.department;
  return withIssues(
    {
      ...identity,
      accountName: path.accountName,
      // 2019-10-01-preview: accountName; 2024-04-01: displayName.
      displayName: r.str(['displayName', 'accountName']) ?? identity.name,
      accountOwner: r.str(['accountOwner', 'accountOwnerEmail']),
      costCenter: r.str('costCenter'),
      status: r.str('status'),
      startDate: r.date('startDate'),
      endDate: r.date('endDate'),
      departmentName: departmentId ? parseBillingPath(departmentId).departmentName ?? departmentId : isObject(dept) ? readIdentity(dept).name : undefined,
      departmentDisplayName:
        r.str('departmentDisplayName') ?? (isObject(dept) ? new WireReader(dept.properties).str(['displayName', 'departmentName']) : undefined),
    },
    issues,
  );
}

export function parseDepartment(raw: unknown): Department {
  const identity = readIdentity(raw);
  const issues: ParseIssue[] = [];
  const r = new WireReader(isObject(raw) ? raw.properties : undefined, issues);
  const eas = r.raw.enrollmentAccounts;
  return withIssues(
    {
      ...identity,
      accountName: parseBillingPath(identity.id).accountName,
      displayName: r.str(['displayName', 'departmentName']) ?? identity.name,
      costCenter: r.str('costCenter'),
      status: r.str('status'),
      ...(Array.isArray(eas) ? { enrollmentAccounts: eas.map(parseEnrollmentAccount) } : {}),
    },
    issues,
  );
}

export function parseBillingAccount(raw: unknown): BillingAccount {
  const identity = readIdentity(raw);
  const issues: ParseIssue[] = [];
  const props = isObject(raw) ? raw.properties : undefined;
  const r = new WireReader(props, issues);
  const otherProperties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.raw)) { if (!KNOWN_ACCOUNT_PROPERTIES.has(k)) { otherProperties[k] = v; } }
  return withIssues(
    {
      ...identity,
      displayName: r.str('displayName') ?? identity.name,
      agreementType: r.enum('agreementType', AGREEMENT_TYPES),
      accountType: r.enum('accountType', ACCOUNT_TYPES),
      accountStatus: r.enum('accountStatus', ACCOUNT_STATUSES),
      hasReadAccess: r.bool('hasReadAccess'),
      soldTo: parseAddress(r.raw.soldTo) ?? parseAddress(r.raw.address),
      enrollmentDetails: parseEnrollmentDetails(r.raw.enrollmentDetails, r),
      billingProfiles: readExpanded(r.raw.billingProfiles, parseBillingProfile),
      departments: readExpanded(r.raw.departments, parseDepartment),
      enrollmentAccounts: readExpanded(r.raw.enrollmentAccounts, parseEnrollmentAccount),
      otherProperties,
    },
    issues,
  );
}
