// The books of each billing scope: invoices (and, for MCA profiles, credits) computed from the
// usage side's costs. Each book is computed on first use and kept, so a large world starts fast.
import { Random } from '../random';
import type { UsageCosts, WorldSubscription } from '../types';
import { addDays } from './calendar';
import { lotPlans, pendingAdjustmentCents } from './creditPlans';
import { assembleInvoice, anniversaryPeriods, BillingPeriod, creditNoteFor, monthlyPeriods, periodCharges, PeriodCharges } from './invoices';
import { LedgerResult, runLedger } from './ledger';
import { invoiceName } from './names';
import type { WorldBillingAccount, WorldBillingProfile, WorldCredits, WorldInvoice } from './types';

export interface BookContext {
  seed: number;
  asOf: string;
  usage: UsageCosts;
}

export interface ProfileBook {
  invoices: WorldInvoice[];
  /** Undefined when the profile has no credit lots (the balance summary answers 204). */
  credits?: WorldCredits;
}

const NO_CREDIT = { prepaymentCents: 0, freeCreditCents: 0 };

/** Charges since the last invoiced period up to yesterday: today's usage is not complete yet. */
export function pendingCharges(ctx: BookContext, subscriptions: readonly WorldSubscription[], lastPeriodEnd: string): PeriodCharges {
  const from = addDays(lastPeriodEnd, 1);
  const to = addDays(ctx.asOf, -1);
  if (to < from) { return { chargesCents: 0, lines: [] }; }
  return periodCharges(ctx.usage, subscriptions, { start: from, end: to });
}

export function profileBook(ctx: BookContext, account: WorldBillingAccount, profile: WorldBillingProfile): ProfileBook {
  const periods = monthlyPeriods(profile.invoiceDay, ctx.asOf);
  const charges = periods.map((p) => periodCharges(ctx.usage, profile.subscriptions, p));
  const names = periods.map((p) => invoiceName(Random.of(ctx.seed, 'invoice', account.name, profile.name, p.start), 'mca'));
  const plans = lotPlans({
    plan: profile.creditPlan,
    invoiceDates: periods.map((p) => p.invoiceDate),
    chargesCents: charges.map((c) => c.chargesCents),
    firstPeriodStart: periods[0].start,
    poNumber: profile.poNumber,
    asOf: ctx.asOf,
  });
  let ledger: LedgerResult | undefined;
  if (plans.length > 0) {
    ledger = runLedger({
      seed: ctx.seed,
      key: `credits|${account.name}|${profile.name}`,
      currency: profile.currency,
      asOf: ctx.asOf,
      plans,
      settlements: periods.map((p, i) => ({ date: p.invoiceDate, invoiceName: names[i], chargesCents: charges[i].chargesCents })),
      pendingChargesCents: pendingCharges(ctx, profile.subscriptions, periods[periods.length - 1].end).chargesCents,
      pendingAdjustmentCents: pendingAdjustmentCents(profile.creditPlan),
      kind: 'credit',
    });
  }
  const invoices = periods.map((period, i) =>
    assembleInvoice({
      name: names[i],
      accountName: account.name,
      profileName: profile.name,
      currency: profile.currency,
      period,
      charges: charges[i],
      applied: ledger?.appliedByInvoice.get(names[i]) ?? NO_CREDIT,
      dueDays: 30,
      age: periods.length - 1 - i,
      hasOverdue: profile.hasOverdueInvoice,
      purchaseOrderNumber: profile.poNumber,
      random: Random.of(ctx.seed, 'documents', names[i]),
      taxReceiptWhenPaid: true,
    }, ctx.asOf),
  );
  // One service credit (a credit note) on the 'rich' profile, for the invoice three months back.
  const refunded = invoices[invoices.length - 4];
  if (profile.creditPlan === 'rich' && refunded && refunded.chargesCents > 0) {
    const r = Random.of(ctx.seed, 'credit-note', account.name, profile.name);
    const note = creditNoteFor(refunded, invoiceName(r, 'mca'), Math.max(1, Math.round(refunded.chargesCents * 0.1)), r);
    invoices.splice(invoices.length - 3, 0, note);
  }
  return { invoices, credits: ledger && { lots: ledger.lots, events: ledger.events, summary: ledger.summary } };
}

/** EA: one monthly invoice for the whole enrollment, issued on the 10th. */
export function enrollmentInvoices(ctx: BookContext, account: WorldBillingAccount): WorldInvoice[] {
  const periods = monthlyPeriods(10, ctx.asOf);
  return periods.map((period, i) => {
    const name = invoiceName(Random.of(ctx.seed, 'invoice', account.name, period.start), 'ea');
    return assembleInvoice({
      name, accountName: account.name, currency: account.currency, period, charges: periodCharges(ctx.usage, account.subscriptions, period),
      applied: NO_CREDIT, dueDays: 30, age: periods.length - 1 - i, hasOverdue: false, random: Random.of(ctx.seed, 'documents', name), taxReceiptWhenPaid: false,
    }, ctx.asOf);
  });
}

/** Visual Studio subscriptions get a monthly Azure credit, applied as free credit on their invoices. */
const MONTHLY_CREDIT_CENTS: Record<string, number> = { 'MS-AZR-0063P': 15000, 'MS-AZR-0059P': 5000, 'MS-AZR-0062P': 10000 };

/** MOSP: one invoice per subscription per anniversary period. */
export function subscriptionInvoices(ctx: BookContext, account: WorldBillingAccount, sub: WorldSubscription): WorldInvoice[] {
  const periods: BillingPeriod[] = anniversaryPeriods(sub.createdDate, ctx.asOf);
  return periods.map((period, i) => {
    const name = invoiceName(Random.of(ctx.seed, 'invoice', account.name, sub.subscriptionId, period.start), 'mosp');
    const charges = periodCharges(ctx.usage, [sub], period);
    const monthly = MONTHLY_CREDIT_CENTS[sub.offerId] ?? 0;
    return assembleInvoice({
      name, accountName: account.name, subscriptionId: sub.subscriptionId, subscriptionDisplayName: sub.displayName, currency: sub.currency, period, charges,
      applied: { prepaymentCents: 0, freeCreditCents: Math.min(monthly, Math.max(0, charges.chargesCents)) },
      dueDays: 15, age: periods.length - 1 - i, hasOverdue: sub.state === 'PastDue', random: Random.of(ctx.seed, 'documents', name), taxReceiptWhenPaid: false,
    }, ctx.asOf);
  });
}

/**
 * A Microsoft Azure Consumption Commitment on an MCA account: one lot at account scope that the
 * invoices of the account's profiles in the commitment's currency count against (other currencies
 * are left out rather than converted).
 */
export function commitmentBook(ctx: BookContext, account: WorldBillingAccount, book: (p: WorldBillingProfile) => ProfileBook): WorldCredits | undefined {
  if (!account.hasCommitment || account.profiles.length === 0) { return undefined; }
  const currency = account.profiles[0].currency;
  const invoices = account.profiles
    .filter((p) => p.currency === currency)
    .flatMap((p) => book(p).invoices.filter((inv) => inv.documentType === 'Invoice'))
    .sort((a, b) => (a.invoiceDate < b.invoiceDate ? -1 : a.invoiceDate > b.invoiceDate ? 1 : a.name < b.name ? -1 : 1));
  if (invoices.length === 0) { return undefined; }
  const start = invoices[Math.min(2, invoices.length - 1)].periodStart;
  const counted = invoices.filter((inv) => inv.periodStart >= start);
  const total = counted.reduce((a, inv) => a + inv.chargesCents, 0);
  const ledger = runLedger({
    seed: ctx.seed,
    key: `commitment|${account.name}`,
    currency,
    asOf: ctx.asOf,
    plans: [{ source: 'ConsumptionCommitment', startDate: start, expirationDate: addDays(start, 3 * 365), purchasedDate: start, originalCents: Math.round(total * 2.5) + 100000 }],
    settlements: counted.map((inv) => ({ date: inv.invoiceDate, invoiceName: inv.name, chargesCents: inv.chargesCents })),
    pendingChargesCents: 0,
    pendingAdjustmentCents: 0,
    kind: 'commitment',
  });
  return { lots: ledger.lots, events: ledger.events, summary: ledger.summary };
}
