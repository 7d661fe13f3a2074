// The JSON the emulator's routes answer, as tests read it off the wire (read with `jsonAs`, checked
// by the tests' own assertions, not here). A field a version or agreement type leaves out is
// optional; docs/azure-apis.md describes the fields per api-version.
import type { RetailItem } from '../emulator/world/usage/retailCatalogue';
import type { ArmResource, WireAmount } from './emulator';

/** ARM's error body. */
export interface ArmError {
  error: { code: string; message: string };
}

/** The flat error body of the providers that do not wrap it in `error` (Commerce). */
export interface FlatError {
  code: string;
  message: string;
}

/** Expanded children as later versions wrap them. */
export interface Wrapped<T> {
  hasMoreResults: boolean;
  value: T[];
}

/** Children expanded on a parent: a plain array on 2019-10-01-preview (profiles' sections: up to 2020-05-01), wrapped later. */
export type Expanded<T> = T[] | Wrapped<T>;

// Microsoft.Billing

export interface InvoiceSectionProperties {
  displayName: string;
  /** 2020-05-01 and later. */
  state?: string;
  tags?: Record<string, string>;
}
export type InvoiceSection = ArmResource<InvoiceSectionProperties>;

export interface BillingProfileProperties {
  displayName: string;
  currency: string;
  status: string;
  /** 2020-05-01 and later. */
  billingRelationshipType?: string;
  /** With `$expand=invoiceSections`. */
  invoiceSections?: Expanded<InvoiceSection>;
}
export type BillingProfile = ArmResource<BillingProfileProperties>;

export interface BillingAccountProperties {
  agreementType: string;
  accountType: string;
  displayName: string;
  /** MCA, with `$expand=billingProfiles`. */
  billingProfiles?: Expanded<BillingProfile>;
  /** With `$expand=soldTo`. */
  soldTo?: { companyName: string };
  /** EA on the preview, with `$expand=departments`. */
  departments?: Array<ArmResource<{ departmentName: string }>>;
  /** EA on the preview, with `$expand=enrollmentAccounts`. */
  enrollmentAccounts?: Array<ArmResource<{ accountName: string }>>;
  /** EA, with `$expand=enrollmentDetails` (`poNumber` only with `enrollmentDetails/poNumber`). */
  enrollmentDetails?: { currency: string; poNumber?: string };
}
export type BillingAccount = ArmResource<BillingAccountProperties>;

/** A department or an enrollment account: 2019-10-01-preview names a department `departmentName`, later versions `displayName`. */
export type EaEntity = ArmResource<{ displayName: string; departmentName?: string; accountOwner?: string }>;

export interface BillingSubscriptionProperties {
  subscriptionId: string;
  displayName: string;
  lastMonthCharges: WireAmount;
  monthToDateCharges: WireAmount;
  /** MCA. */
  billingProfileId?: string;
  invoiceSectionId?: string;
  /** EA. */
  enrollmentAccountId?: string;
  enrollmentAccountDisplayName?: string;
}
export type BillingSubscription = ArmResource<BillingSubscriptionProperties>;

/** `{kind, url, source}`; 2024-04-01 adds the document's `name`. */
export interface InvoiceDocument {
  kind: string;
  name?: string;
  url: string;
  source: string;
}

export interface InvoiceProperties {
  status: string;
  invoiceDate: string;
  dueDate: string;
  invoicePeriodStartDate: string;
  invoicePeriodEndDate: string;
  billedAmount: WireAmount;
  totalAmount: WireAmount;
  amountDue: WireAmount;
  azurePrepaymentApplied: WireAmount;
  freeAzureCreditApplied: WireAmount;
  documents: InvoiceDocument[];
  /** MCA invoices. */
  billingProfileId?: string;
  /** Pay-as-you-go invoices; null otherwise. */
  subscriptionId: string | null;
  /** 2020-05-01 and later. */
  documentType?: string;
  /** A credit note on 2020-05-01 and later: the invoice it credits. */
  creditForDocumentId?: string;
}
export type Invoice = ArmResource<InvoiceProperties>;

/** What a finished download operation answers: a short-lived blob link. */
export interface DownloadLink {
  url: string;
  expiryTime: string;
}

// Microsoft.Consumption

export interface CreditEventProperties {
  transactionDate: string;
  eventType: string;
  invoiceNumber: string;
  newCredit: WireAmount;
  adjustments: WireAmount;
  creditExpired: WireAmount;
  charges: WireAmount;
  closedBalance: WireAmount;
}
export type CreditEvent = ArmResource<CreditEventProperties>;

export interface LotProperties {
  source: string;
  expirationDate: string;
  originalAmount: WireAmount;
  closedBalance: WireAmount;
  /** 2021-10-01 and later. */
  status?: string;
  /** A commitment (MACC) on 2023-03-01 and later; the capital O is the wire's. */
  OrganizationType?: string;
  usedAmount?: WireAmount;
}
export type Lot = ArmResource<LotProperties>;

export interface BalanceSummaryProperties {
  balanceSummary: { currentBalance: WireAmount; estimatedBalance: WireAmount };
  pendingCreditAdjustments: WireAmount;
  expiredCredit: WireAmount;
  pendingEligibleCharges: WireAmount;
  /** 2021-10-01 and later. */
  creditCurrency?: string;
  /** 2023-03-01 and later. */
  isEstimatedBalance?: boolean;
}

export type BalanceSummary = ArmResource<BalanceSummaryProperties>;

export interface BudgetProperties {
  amount: number;
  timeGrain: string;
  timePeriod: { startDate: string; endDate: string };
  currentSpend: { amount: number; unit: string };
  forecastSpend: { amount: number; unit: string };
  notifications: Record<string, { thresholdType: string }>;
}
export type Budget = ArmResource<BudgetProperties> & { eTag: string };

// Microsoft.Commerce

export interface UsageAggregateProperties {
  meterId: string;
  meterRegion: string;
  usageStartTime: string;
  usageEndTime: string;
  quantity: number;
  /** A JSON string holding `Microsoft.Resources`; absent for classic resources and without details. */
  instanceData?: string;
  /** The legacy fields of classic resources; `{}` for others. */
  infoFields: { meteredService?: string; project?: string };
}
export type UsageAggregate = ArmResource<UsageAggregateProperties>;

/** What `instanceData` holds. */
export interface InstanceData {
  'Microsoft.Resources': { resourceUri: string; location: string };
}

export interface RateCardMeter {
  MeterId: string;
  MeterName: string;
  MeterCategory: string;
  MeterSubCategory: string;
  MeterRegion: string;
  /** Price per unit, keyed by the cumulative quantity each tier starts at. */
  MeterRates: Record<string, number>;
  EffectiveDate: string;
  IncludedQuantity: number;
  Unit: string;
}

export interface RateCardDocument {
  Currency: string;
  Locale: string;
  IsTaxIncluded: boolean;
  OfferTerms: Array<{ Name: string; Credit?: number; ExcludedMeterIds?: string[] }>;
  Meters: RateCardMeter[];
}

// Microsoft.CostManagement

export type QueryCell = string | number;

/** A query or forecast result; `Row` is the row's cells for the columns the query asks for. */
export interface QueryResult<Row extends QueryCell[] = QueryCell[]> {
  id: string;
  type: string;
  location: null;
  properties: {
    nextLink: string | null;
    columns: Array<{ name: string; type: string }>;
    rows: Row[];
  };
}

/**
 * The rows of a result as objects keyed by column name. `R` names the columns the caller's query
 * asks for; the cells are whatever the emulator sent.
 */
export function namedRows<R extends object>(result: QueryResult): R[] {
  const names = result.properties.columns.map((c) => c.name);
  return result.properties.rows.map((r) => Object.fromEntries(names.map((c, i) => [c, r[i]])) as R);
}

// Microsoft.Resources

export interface TenantJson {
  id: string;
  tenantId: string;
  /** 2018-06-01 and later. */
  displayName?: string;
  domains?: string[];
  countryCode?: string;
  /** 2019-06-01 and later. */
  tenantCategory?: string;
  /** 2020-01-01 and later. */
  defaultDomain?: string;
}

export interface SubscriptionJson {
  id: string;
  subscriptionId: string;
  displayName: string;
  state: string;
  subscriptionPolicies: { quotaId: string; spendingLimit?: string };
  authorizationSource?: string;
  tenantId?: string;
  managedByTenants?: unknown[];
  tags?: Record<string, string>;
}

// The retail prices API (no ARM envelope, PascalCase page fields)

export type { RetailItem };

export interface RetailPage {
  BillingCurrency: string;
  CustomerEntityId: string;
  CustomerEntityType: string;
  Items: RetailItem[];
  NextPageLink: string | null;
  Count: number;
}

export interface RetailError {
  Error: { Code: string; Message: string };
}
