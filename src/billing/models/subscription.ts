// Billing subscriptions (the billing view of an Azure subscription), folded from 2020-05-01 and
// 2024-04-01, including the EA enrollment-account fields of 2024-04-01.
import { CalendarDate } from './dates';
import { withIssues } from './common';
import { parseBillingPath } from './ids';
import { Money } from './money';
import { Open } from './openEnum';
import { ArmIdentity, isObject, ParseIssue, readIdentity, WireReader } from './wire';

export const SUBSCRIPTION_BILLING_STATUSES = ['Active', 'Inactive', 'Abandoned', 'Deleted', 'Warning', 'Disabled', 'Warned', 'Expired', 'Other'] as const;

export interface BillingSubscription extends ArmIdentity {
  displayName: string;
  /** The Azure subscription id. Spec examples carry non-GUID values; kept as sent. */
  subscriptionId?: string;
  /** `subscriptionBillingStatus` (2020-05-01), `status` (2024-04-01) or the EA enrollment-account status. */
  status?: Open<(typeof SUBSCRIPTION_BILLING_STATUSES)[number]>;
  /** Cheap cost summary without Cost Management. */
  monthToDateCharges?: Money;
  lastMonthCharges?: Money;
  accountName?: string;
  profileName?: string;
  profileDisplayName?: string;
  invoiceSectionName?: string;
  invoiceSectionDisplayName?: string;
  customerName?: string;
  customerDisplayName?: string;
  enrollmentAccountName?: string;
  enrollmentAccountDisplayName?: string;
  enrollmentAccountStartDate?: CalendarDate;
  costCenter?: string;
  skuId?: string;
  skuDescription?: string;
  offerId?: string;
  reseller?: { resellerId?: string; description?: string };
  issues?: ParseIssue[];
}

export function parseBillingSubscription(raw: unknown): BillingSubscription {
  const identity = readIdentity(raw);
  const issues: ParseIssue[] = [];
  const r = new WireReader(isObject(raw) ? raw.properties : undefined, issues);
  const fromId = parseBillingPath(identity.id);
  const profileId = r.str('billingProfileId');
  const sectionId = r.str('invoiceSectionId');
  const customerId = r.str('customerId');
  const enrollmentAccountId = r.str('enrollmentAccountId');
  const eaDetails = r.child('enrollmentAccountSubscriptionDetails');
  const reseller = r.child('reseller');
  return withIssues(
    {
      ...identity,
      displayName: r.str('displayName') ?? identity.name,
      subscriptionId: r.str('subscriptionId') ?? (identity.type?.toLowerCase().endsWith('billingsubscriptions') ? identity.name : undefined),
      status: r.enum(['subscriptionBillingStatus', 'status'], SUBSCRIPTION_BILLING_STATUSES) ?? eaDetails.str('subscriptionEnrollmentAccountStatus'),
      monthToDateCharges: r.money('monthToDateCharges'),
      lastMonthCharges: r.money('lastMonthCharges'),
      accountName: fromId.accountName ?? parseBillingPath(profileId).accountName,
      profileName: r.str('billingProfileName') ?? parseBillingPath(profileId).profileName ?? fromId.profileName,
      profileDisplayName: r.str('billingProfileDisplayName'),
      invoiceSectionName: r.str('invoiceSectionName') ?? parseBillingPath(sectionId).invoiceSectionName ?? fromId.invoiceSectionName,
      invoiceSectionDisplayName: r.str('invoiceSectionDisplayName'),
      customerName: r.str('customerName') ?? parseBillingPath(customerId).customerName,
      customerDisplayName: r.str('customerDisplayName'),
      enrollmentAccountName: enrollmentAccountId ? parseBillingPath(enrollmentAccountId).enrollmentAccountName ?? enrollmentAccountId : fromId.enrollmentAccountName,
      enrollmentAccountDisplayName: r.str('enrollmentAccountDisplayName'),
      enrollmentAccountStartDate: eaDetails.date('enrollmentAccountStartDate'),
      costCenter: r.str(['costCenter', 'consumptionCostCenter']),
      skuId: r.str('skuId'),
      skuDescription: r.str('skuDescription'),
      offerId: r.str('offerId'),
      ...(r.has('reseller') ? { reseller: { resellerId: reseller.str('resellerId'), description: reseller.str(['description', 'resellerDescription']) } } : {}),
    },
    issues,
  );
}
