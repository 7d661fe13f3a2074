// Azure credits of an MCA billing profile: the balance summary, credit lots (and MACC commitment
// lots at account scope) and the events ledger, as Consumption 2019-10-01 … 2024-08-01 send them.
import { withIssues } from './common';
import { Money, MoneyWithExchangeRate } from './money';
import { Open } from './openEnum';
import { ArmIdentity, isObject, ParseIssue, readIdentity, WireReader } from './wire';

export interface Reseller {
  resellerId?: string;
  resellerDescription?: string;
}

export interface CreditBalanceSummary {
  /** Balance as of the last invoice. */
  currentBalance?: Money;
  /** Current balance minus charges and adjustments since; may still change (`isEstimatedBalance`). */
  estimatedBalance?: Money;
  estimatedBalanceInBillingCurrency?: MoneyWithExchangeRate;
  pendingCreditAdjustments?: Money;
  expiredCredit?: Money;
  pendingEligibleCharges?: Money;
  creditCurrency?: string;
  billingCurrency?: string;
  reseller?: Reseller;
  isEstimatedBalance?: boolean;
  issues?: ParseIssue[];
}

/** 204 means the profile has no credits: that is an answer, not an error. */
export type CreditBalance = { kind: 'summary'; summary: CreditBalanceSummary } | { kind: 'noCredits' };

export const LOT_SOURCES = ['PurchasedCredit', 'PromotionalCredit', 'ConsumptionCommitment'] as const;
export const LOT_STATUSES = ['None', 'Active', 'Inactive', 'Expired', 'Complete', 'Canceled'] as const;

export interface CreditLot extends ArmIdentity {
  source?: Open<(typeof LOT_SOURCES)[number]>;
  status?: Open<(typeof LOT_STATUSES)[number]>;
  originalAmount?: Money;
  /** Balance as of the last invoice. */
  closedBalance?: Money;
  /** MACC consumed so far. */
  usedAmount?: Money;
  originalAmountInBillingCurrency?: MoneyWithExchangeRate;
  closedBalanceInBillingCurrency?: MoneyWithExchangeRate;
  startDate?: Date;
  expirationDate?: Date;
  purchasedDate?: Date;
  poNumber?: string;
  creditCurrency?: string;
  billingCurrency?: string;
  isEstimatedBalance?: boolean;
  /** Wire name `OrganizationType`, capital O. */
  organizationType?: Open<'Primary' | 'Contributor'>;
  reseller?: Reseller;
  eTag?: string;
  issues?: ParseIssue[];
}

export const EVENT_TYPES = [
  'SettledCharges',
  'PendingCharges',
  'PendingAdjustments',
  'PendingNewCredit',
  'PendingExpiredCredit',
  'UnKnown',
  'NewCredit',
  'CreditExpired',
  // Not in the spec's enum, but the spec's own examples send it.
  'CanceledCredit',
] as const;
/** Spellings seen in examples for a known event type. */
const EVENT_TYPE_ALIASES = { ExpiredCredit: 'CreditExpired' } as const;

export interface CreditEvent extends ArmIdentity {
  transactionDate?: Date;
  description?: string;
  eventType?: Open<(typeof EVENT_TYPES)[number]>;
  newCredit?: Money;
  /** May be negative. */
  adjustments?: Money;
  creditExpired?: Money;
  charges?: Money;
  canceledCredit?: Money;
  /** Running balance after the event (absent for a Contributor organisation). */
  closedBalance?: Money;
  newCreditInBillingCurrency?: MoneyWithExchangeRate;
  adjustmentsInBillingCurrency?: MoneyWithExchangeRate;
  creditExpiredInBillingCurrency?: MoneyWithExchangeRate;
  chargesInBillingCurrency?: MoneyWithExchangeRate;
  closedBalanceInBillingCurrency?: MoneyWithExchangeRate;
  /** '' from Azure (unbilled) is read as undefined. */
  invoiceNumber?: string;
  billingProfileId?: string;
  billingProfileDisplayName?: string;
  billingAccountId?: string;
  billingAccountDisplayName?: string;
  lotId?: string;
  lotSource?: string;
  creditCurrency?: string;
  billingCurrency?: string;
  isEstimatedBalance?: boolean;
  reseller?: Reseller;
  eTag?: string;
  issues?: ParseIssue[];
}

function readReseller(r: WireReader): Reseller | undefined {
  if (!r.has('reseller')) { return undefined; }
  const x = r.child('reseller');
  return { resellerId: x.str('resellerId'), resellerDescription: x.str('resellerDescription') };
}

export function parseBalanceSummary(raw: unknown): CreditBalanceSummary {
  const issues: ParseIssue[] = [];
  const r = new WireReader(isObject(raw) ? raw.properties : undefined, issues);
  const credit = r.str('creditCurrency');
  const b = r.child('balanceSummary');
  return withIssues(
    {
      currentBalance: b.money('currentBalance', credit),
      estimatedBalance: b.money('estimatedBalance', credit),
      estimatedBalanceInBillingCurrency: b.moneyWithRate('estimatedBalanceInBillingCurrency', r.str('billingCurrency')),
      pendingCreditAdjustments: r.money('pendingCreditAdjustments', credit),
      expiredCredit: r.money('expiredCredit', credit),
      pendingEligibleCharges: r.money('pendingEligibleCharges', credit),
      creditCurrency: credit,
      billingCurrency: r.str('billingCurrency'),
      reseller: readReseller(r),
      isEstimatedBalance: r.bool('isEstimatedBalance'),
    },
    issues,
  );
}

export function parseLot(raw: unknown): CreditLot {
  const identity = readIdentity(raw);
  const issues: ParseIssue[] = [];
  const r = new WireReader(isObject(raw) ? raw.properties : undefined, issues);
  const credit = r.str('creditCurrency');
  const billing = r.str('billingCurrency');
  const lot: CreditLot = {
    ...identity,
    source: r.enum('source', LOT_SOURCES),
    status: r.enum('status', LOT_STATUSES),
    originalAmount: r.money('originalAmount', credit),
    closedBalance: r.money('closedBalance', credit),
    usedAmount: r.money('usedAmount', credit),
    originalAmountInBillingCurrency: r.moneyWithRate('originalAmountInBillingCurrency', billing),
    closedBalanceInBillingCurrency: r.moneyWithRate('closedBalanceInBillingCurrency', billing),
    startDate: r.instant('startDate'),
    expirationDate: r.instant('expirationDate'),
    purchasedDate: r.instant('purchasedDate'),
    poNumber: r.str('poNumber'),
    creditCurrency: credit,
    billingCurrency: billing,
    isEstimatedBalance: r.bool('isEstimatedBalance'),
    organizationType: r.enum(['OrganizationType', 'organizationType'], ['Primary', 'Contributor'] as const),
    reseller: readReseller(r),
    eTag: r.str('eTag') ?? (typeof (raw as { eTag?: unknown })?.eTag === 'string' ? (raw as { eTag: string }).eTag : undefined),
  };
  // Spec examples contain lots that expire before they start; keep both dates and say so.
  if (lot.startDate && lot.expirationDate && lot.expirationDate < lot.startDate) {
    r.note('expirationDate', r.raw.expirationDate, `The lot expires (${lot.expirationDate.toISOString()}) before it starts (${lot.startDate.toISOString()}).`);
  }
  return withIssues(lot, issues);
}

/** Whole days from `asOf` until the lot expires (negative once expired); undefined without an expiry. */
export function daysUntilExpiry(lot: Pick<CreditLot, 'expirationDate'>, asOf: Date): number | undefined {
  if (!lot.expirationDate) { return undefined; }
  return Math.floor((lot.expirationDate.getTime() - asOf.getTime()) / 86_400_000);
}

export function parseCreditEvent(raw: unknown): CreditEvent {
  const identity = readIdentity(raw);
  const issues: ParseIssue[] = [];
  const r = new WireReader(isObject(raw) ? raw.properties : undefined, issues);
  const credit = r.str('creditCurrency');
  const billing = r.str('billingCurrency');
  const invoiceNumber = r.str('invoiceNumber');
  return withIssues(
    {
      ...identity,
      transactionDate: r.instant('transactionDate'),
      description: r.str('description'),
      eventType: r.enum('eventType', EVENT_TYPES, EVENT_TYPE_ALIASES),
      newCredit: r.money('newCredit', credit),
      adjustments: r.money('adjustments', credit),
      creditExpired: r.money('creditExpired', credit),
      charges: r.money('charges', credit),
      canceledCredit: r.money('canceledCredit', credit),
      closedBalance: r.money('closedBalance', credit),
      newCreditInBillingCurrency: r.moneyWithRate('newCreditInBillingCurrency', billing),
      adjustmentsInBillingCurrency: r.moneyWithRate('adjustmentsInBillingCurrency', billing),
      creditExpiredInBillingCurrency: r.moneyWithRate('creditExpiredInBillingCurrency', billing),
      chargesInBillingCurrency: r.moneyWithRate('chargesInBillingCurrency', billing),
      closedBalanceInBillingCurrency: r.moneyWithRate('closedBalanceInBillingCurrency', billing),
      invoiceNumber: invoiceNumber === '' ? undefined : invoiceNumber,
      billingProfileId: r.str('billingProfileId'),
      billingProfileDisplayName: r.str('billingProfileDisplayName'),
      billingAccountId: r.str('billingAccountId'),
      billingAccountDisplayName: r.str('billingAccountDisplayName'),
      lotId: r.str('lotId'),
      lotSource: r.str('lotSource'),
      creditCurrency: credit,
      billingCurrency: billing,
      isEstimatedBalance: r.bool('isEstimatedBalance'),
      reseller: readReseller(r),
      eTag: r.str('eTag'),
    },
    issues,
  );
}
