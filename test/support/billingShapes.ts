// The Microsoft.Billing and Microsoft.Consumption resources as tests read them off the wire: only
// the properties some test looks at; optional where the test expects some resources without it.
// Nothing checks a response against these (the tests' assertions do); they say what a test
// expects to find. The API versions and their differences are described in docs/azure-apis.md.
import type { ArmResource, WireAmount } from './emulator';

export type { ArmResource, WireAmount };

/** A billing profile (Microsoft.Billing 2020-05-01 and later). */
export type WireBillingProfile = ArmResource<{
  displayName: string;
  currency: string;
  /** With `$expand=invoiceSections`: an array in 2020-05-01, `{ value }` in later versions. */
  invoiceSections?: WireInvoiceSection[] | { value: WireInvoiceSection[] };
}>;

export type WireInvoiceSection = ArmResource<{ displayName: string }>;

/** An invoice of a billing profile (2024-04-01) or of an EA enrollment (2019-10-01-preview). */
export type WireInvoice = ArmResource<{
  invoiceDate: string;
  dueDate: string;
  status: string;
  totalAmount: WireAmount;
  amountDue: WireAmount;
  documents?: Array<{ kind?: string; name?: string }>;
}>;

/** A billing subscription as the billing account, profile or invoice section lists it. */
export type WireBillingSubscription = ArmResource<{
  displayName: string;
  monthToDateCharges?: WireAmount;
  /** EA only: the enrollment account the subscription is billed through. */
  enrollmentAccountId?: string;
}>;

/** An EA department: `departmentName` in 2019-10-01-preview, `displayName` later. */
export type WireDepartment = ArmResource<{ departmentName?: string; displayName?: string }>;

/** The balance summary of a billing profile's credits (Consumption 2024-08-01). */
export type WireBalanceSummary = ArmResource<{
  balanceSummary: { currentBalance: WireAmount; estimatedBalance: WireAmount };
}>;

/** A credit lot (Consumption 2024-08-01). */
export type WireCreditLot = ArmResource<{
  source: string;
  status: string;
  originalAmount: WireAmount;
  closedBalance: WireAmount;
  expirationDate: string;
}>;

/** An event of the credit ledger (Consumption 2024-08-01). */
export type WireCreditEvent = ArmResource<{
  transactionDate: string;
  charges?: WireAmount;
  newCredit?: WireAmount;
  closedBalance?: WireAmount;
}>;
