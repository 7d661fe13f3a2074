// The contract between the parts of the emulator's world. The billing structure (tenants,
// accounts, profiles, sections, subscriptions, invoices, credits) is made in `world/billing/`;
// usage, meters, prices and costs in `world/usage/`. Invoices and credit charges are computed
// from the usage side's costs, which is what keeps the whole world consistent.

export type Scale = 'small' | 'large';

export interface WorldOptions {
  seed: number;
  scale: Scale;
  /** The world's "today" (UTC calendar date, YYYY-MM-DD). Same seed + same asOf = byte-identical answers. */
  asOf: string;
}

export interface WorldTenant {
  tenantId: string;
  displayName: string;
  defaultDomain: string;
  /** False for the tenant whose caller has no billing role: billing lists answer `[]` there. */
  hasBillingRole: boolean;
}

export type AgreementType = 'MicrosoftCustomerAgreement' | 'EnterpriseAgreement' | 'MicrosoftOnlineServicesProgram' | 'MicrosoftPartnerAgreement';

/** What the usage side needs to know about a subscription. */
export interface WorldSubscription {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  /** Offer durable id, e.g. MS-AZR-0003P (pay-as-you-go), MS-AZR-0017P (EA), MS-AZR-0063P (VS Enterprise). */
  offerId: string;
  /** ISO 4217 billing currency. */
  currency: string;
  /** Two-letter country the offer was bought in (RateCard `RegionInfo`). */
  regionInfo: string;
  agreementType: AgreementType;
  billingAccountName: string;
  billingProfileName?: string;
  invoiceSectionName?: string;
  departmentName?: string;
  enrollmentAccountName?: string;
  /** Microsoft Partner Agreement: the partner's customer the subscription was sold to. */
  customerName?: string;
  customerDisplayName?: string;
  state: 'Enabled' | 'Disabled' | 'Warned' | 'PastDue';
  /** First day with usage (YYYY-MM-DD). */
  createdDate: string;
}

/** What the billing side needs from the usage side. Costs are in the subscription's currency. */
export interface UsageCosts {
  /** Cost of one subscription on one UTC day (YYYY-MM-DD): its usage priced at its offer's rates. */
  dailyCost(subscriptionId: string, day: string): number;
  /** Sum of dailyCost over [from, to] inclusive. */
  costBetween(subscriptionId: string, from: string, to: string): number;
}
