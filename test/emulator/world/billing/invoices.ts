// Billing periods and invoice assembly shared by every agreement type. An invoice's charges are
// the usage side's costs of its subscriptions over its period, summed and rounded once to cents;
// its lines (one per subscription) are split so that they add up to exactly that total.
import type { UsageCosts, WorldSubscription } from '../types';
import { Random } from '../random';
import { addDays, addMonths, maxDay, monthStart, withDayOfMonth } from './calendar';
import type { CreditApplied } from './ledger';
import { allocateCents, roundedSumCents } from './money';
import { documentName } from './names';
import type { WorldDocument, WorldInvoice, WorldInvoiceLine } from './types';

export const INVOICE_MONTHS = 13;

export interface BillingPeriod {
  start: string;
  end: string;
  invoiceDate: string;
}

/** Calendar-month periods invoiced on `invoiceDay` of the next month; the newest `count` already invoiced by `asOf`, oldest first. */
export function monthlyPeriods(invoiceDay: number, asOf: string, count = INVOICE_MONTHS): BillingPeriod[] {
  let month = addMonths(monthStart(asOf), -1);
  if (withDayOfMonth(addMonths(month, 1), invoiceDay) > asOf) { month = addMonths(month, -1); }
  const periods: BillingPeriod[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const start = addMonths(month, -k);
    const next = addMonths(start, 1);
    periods.push({ start, end: addDays(next, -1), invoiceDate: withDayOfMonth(next, invoiceDay) });
  }
  return periods;
}

/**
 * Pay-as-you-go periods run from the subscription's sign-up day of the month to the day before it
 * a month later (e.g. 12 March – 11 April), invoiced the day after they end. None before sign-up.
 */
export function anniversaryPeriods(createdDate: string, asOf: string, count = INVOICE_MONTHS): BillingPeriod[] {
  const billingDay = Math.min(28, Number(createdDate.slice(8, 10)));
  const periods: BillingPeriod[] = [];
  for (let k = 0; periods.length < count; k++) {
    const start = withDayOfMonth(addMonths(monthStart(asOf), -k), billingDay);
    const invoiceDate = withDayOfMonth(addMonths(monthStart(start), 1), billingDay);
    const end = addDays(invoiceDate, -1);
    if (end < createdDate) { break; }
    if (invoiceDate <= asOf) { periods.unshift({ start: maxDay(start, createdDate), end, invoiceDate }); }
  }
  return periods;
}

export interface PeriodCharges {
  chargesCents: number;
  lines: WorldInvoiceLine[];
}

export function periodCharges(usage: UsageCosts, subscriptions: readonly WorldSubscription[], period: { start: string; end: string }): PeriodCharges {
  const raw = subscriptions.map((s) => usage.costBetween(s.subscriptionId, period.start, period.end));
  const chargesCents = roundedSumCents(raw);
  const cents = allocateCents(chargesCents, raw);
  return { chargesCents, lines: subscriptions.map((s, i) => ({ label: s.displayName, subscriptionId: s.subscriptionId, cents: cents[i] })) };
}

export interface InvoiceDraft {
  name: string;
  accountName: string;
  profileName?: string;
  subscriptionId?: string;
  subscriptionDisplayName?: string;
  currency: string;
  period: BillingPeriod;
  charges: PeriodCharges;
  applied: CreditApplied;
  /** Days from invoice date to due date. */
  dueDays: number;
  /** 0 for the newest invoice of its series, 1 for the one before, … */
  age: number;
  /** The series has an unpaid invoice: the one before the newest stays OverDue. */
  hasOverdue: boolean;
  purchaseOrderNumber?: string;
  /** Random stream for document names. */
  random: Random;
  /** Paid MCA invoices also carry a tax receipt. */
  taxReceiptWhenPaid: boolean;
}

export function assembleInvoice(d: InvoiceDraft, asOf: string): WorldInvoice {
  const credits = d.applied.prepaymentCents + d.applied.freeCreditCents;
  const totalCents = d.charges.chargesCents - credits;
  const dueDate = addDays(d.period.invoiceDate, d.dueDays);
  let status: WorldInvoice['status'];
  if (totalCents <= 0) { status = 'Paid'; }
  else if (d.hasOverdue && d.age === 1) { status = 'OverDue'; }
  else if (d.age === 0 && asOf <= dueDate) { status = 'Due'; }
  else if (d.age === 0 && d.hasOverdue) { status = 'OverDue'; }
  else { status = 'Paid'; }
  const documents: WorldDocument[] = [{ kind: 'Invoice', name: documentName(d.random), source: 'DRS' }];
  if (status === 'Paid' && d.taxReceiptWhenPaid) { documents.push({ kind: 'TaxReceipt', name: documentName(d.random), source: 'DRS' }); }
  return {
    name: d.name,
    accountName: d.accountName,
    profileName: d.profileName,
    subscriptionId: d.subscriptionId,
    subscriptionDisplayName: d.subscriptionDisplayName,
    currency: d.currency,
    periodStart: d.period.start,
    periodEnd: d.period.end,
    invoiceDate: d.period.invoiceDate,
    dueDate,
    documentType: 'Invoice',
    status,
    lines: d.charges.lines,
    chargesCents: d.charges.chargesCents,
    taxCents: 0,
    prepaymentAppliedCents: d.applied.prepaymentCents,
    freeCreditAppliedCents: d.applied.freeCreditCents,
    totalCents,
    amountDueCents: status === 'Paid' ? 0 : totalCents,
    documents,
    payments: status === 'Paid' && totalCents > 0 ? [{ cents: totalCents, date: addDays(d.period.invoiceDate, Math.min(3, d.dueDays)), family: 'CreditCard', methodType: 'visa' }] : [],
    purchaseOrderNumber: d.purchaseOrderNumber,
  };
}

/** A credit note refunding part of `original` (a service credit), issued 20 days after it. */
export function creditNoteFor(original: WorldInvoice, name: string, refundCents: number, random: Random): WorldInvoice {
  const date = addDays(original.invoiceDate, 20);
  return {
    ...original,
    name,
    invoiceDate: date,
    dueDate: date,
    documentType: 'CreditNote',
    status: 'Paid',
    lines: [{ label: `Service credit for invoice ${original.name}`, cents: -refundCents }],
    chargesCents: -refundCents,
    taxCents: 0,
    prepaymentAppliedCents: 0,
    freeCreditAppliedCents: 0,
    totalCents: -refundCents,
    amountDueCents: 0,
    documents: [{ kind: 'CreditNote', name: documentName(random), source: 'DRS' }],
    payments: [],
    creditForInvoiceName: original.name,
  };
}
