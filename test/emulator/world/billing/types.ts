// The billing side of the world: accounts, profiles, sections, EA departments and enrollment
// accounts, invoices, credit lots and the credit ledger. Dates are 'YYYY-MM-DD', money is cents;
// the routes turn them into each api-version's JSON.
import type { AgreementType, WorldSubscription } from '../types';

export interface WorldAddress {
  companyName?: string;
  firstName?: string;
  lastName?: string;
  addressLine1: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
  email?: string;
}

/** How a billing profile's credits are laid out (see credits.ts). */
export type CreditPlan = 'none' | 'rich' | 'simple';

export interface WorldInvoiceSection {
  name: string;
  accountName: string;
  profileName: string;
  displayName: string;
  labels: Record<string, string>;
  systemId: string;
}

export interface WorldBillingProfile {
  name: string;
  accountName: string;
  displayName: string;
  currency: string;
  /** Day of the month invoices are issued on. */
  invoiceDay: number;
  billTo: WorldAddress;
  poNumber: string;
  systemId: string;
  status: 'Active' | 'Warned';
  statusReasonCode?: 'PastDue';
  spendingLimit: 'On' | 'Off';
  creditPlan: CreditPlan;
  /** When true, the second newest invoice is left unpaid (OverDue) and the profile is Warned. */
  hasOverdueInvoice: boolean;
  sections: WorldInvoiceSection[];
  subscriptions: WorldSubscription[];
}

export interface WorldDepartment {
  name: string;
  accountName: string;
  displayName: string;
  costCenter: string;
}

export interface WorldEnrollmentAccount {
  name: string;
  accountName: string;
  departmentName: string;
  displayName: string;
  accountOwner: string;
  costCenter: string;
  startDate: string;
  endDate: string;
}

export interface WorldBillingAccount {
  name: string;
  tenantId: string;
  displayName: string;
  agreementType: AgreementType;
  accountType: 'Enterprise' | 'Individual' | 'Partner';
  soldTo: WorldAddress;
  /** Billing currency of EA, MOSP and MPA accounts; MCA bills per profile. */
  currency: string;
  /** First day the account existed. */
  createdDate: string;
  profiles: WorldBillingProfile[];
  departments: WorldDepartment[];
  enrollmentAccounts: WorldEnrollmentAccount[];
  subscriptions: WorldSubscription[];
  /** MCA accounts with a Microsoft Azure Consumption Commitment (account-scope lots and events). */
  hasCommitment: boolean;
}

export interface WorldInvoiceLine {
  label: string;
  subscriptionId?: string;
  cents: number;
}

export interface WorldDocument {
  kind: 'Invoice' | 'TaxReceipt' | 'CreditNote' | 'Summary';
  name: string;
  source: 'DRS';
}

export interface WorldPayment {
  cents: number;
  date: string;
  family: 'CreditCard' | 'CheckWire';
  methodType: string;
}

export interface WorldInvoice {
  name: string;
  accountName: string;
  profileName?: string;
  /** MOSP invoices belong to one subscription. */
  subscriptionId?: string;
  subscriptionDisplayName?: string;
  currency: string;
  periodStart: string;
  periodEnd: string;
  invoiceDate: string;
  dueDate: string;
  documentType: 'Invoice' | 'CreditNote';
  status: 'Due' | 'OverDue' | 'Paid';
  /** One line per subscription; they add up to chargesCents. */
  lines: WorldInvoiceLine[];
  /** Charges of the period (billedAmount, subTotal). Negative on a credit note. */
  chargesCents: number;
  taxCents: number;
  prepaymentAppliedCents: number;
  freeCreditAppliedCents: number;
  /** charges + tax − credits applied. */
  totalCents: number;
  amountDueCents: number;
  documents: WorldDocument[];
  payments: WorldPayment[];
  creditForInvoiceName?: string;
  purchaseOrderNumber?: string;
}

export type LotSource = 'PromotionalCredit' | 'PurchasedCredit' | 'ConsumptionCommitment';

export interface WorldLot {
  name: string;
  source: LotSource;
  currency: string;
  startDate: string;
  expirationDate: string;
  purchasedDate: string;
  poNumber?: string;
  originalCents: number;
  /** Balance as of the last invoice. */
  closedBalanceCents: number;
  /** ConsumptionCommitment only: charges counted against the commitment so far. */
  usedCents?: number;
  status: 'Active' | 'Expired' | 'Complete' | 'Inactive';
}

export type CreditEventType =
  | 'NewCredit'
  | 'SettledCharges'
  | 'CreditExpired'
  | 'PendingCharges'
  | 'PendingAdjustments'
  | 'PendingNewCredit'
  | 'PendingExpiredCredit';

export interface WorldCreditEvent {
  name: string;
  transactionDate: string;
  description: string;
  eventType: CreditEventType;
  newCreditCents: number;
  adjustmentsCents: number;
  creditExpiredCents: number;
  chargesCents: number;
  /** Running balance after this event. */
  closedBalanceCents: number;
  invoiceNumber: string;
  lotId: string;
  lotSource: string;
  currency: string;
}

export interface WorldCreditSummary {
  currency: string;
  currentBalanceCents: number;
  estimatedBalanceCents: number;
  pendingCreditAdjustmentsCents: number;
  expiredCreditCents: number;
  pendingEligibleChargesCents: number;
}

export interface WorldCredits {
  lots: WorldLot[];
  events: WorldCreditEvent[];
  summary: WorldCreditSummary;
}
