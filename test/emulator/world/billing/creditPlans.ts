// Where each credit lot of a profile starts and ends and how big it is. Lots are sized from the
// profile's own invoice charges so that, whatever the usage side produces, the 'rich' plan shows
// one lot of each kind: used up (Complete), expired with credit left (Expired) and two still
// Active; the 'simple' plan shows one used up and one active,
// bought after the profile's second newest invoice went unpaid. Indexes count invoices oldest first.
import { addDays, addMonths } from './calendar';
import type { LotPlan } from './ledger';
import type { CreditPlan } from './types';

export interface PlanInput {
  plan: CreditPlan;
  /** Invoice dates and charges, oldest first. */
  invoiceDates: string[];
  chargesCents: number[];
  firstPeriodStart: string;
  poNumber: string;
  /** The world's today: the bonus lot expires 25 days after it. */
  asOf?: string;
}

export function lotPlans(input: PlanInput): LotPlan[] {
  const n = input.invoiceDates.length;
  if (input.plan === 'none' || n === 0) { return []; }
  const at = (i: number) => Math.min(Math.max(i, 0), n - 1);
  const d = (i: number) => input.invoiceDates[at(i)];
  const sum = (from: number, to: number) => input.chargesCents.slice(at(from), at(to) + 1).reduce((a, b) => a + b, 0);
  const scaled = (factor: number, cents: number, floor: number) => Math.round(factor * cents) + floor;
  const usedUpStart = addMonths(input.firstPeriodStart, -1);

  if (input.plan === 'simple') {
    // Bought only after invoice 11 went unpaid: it pays the newest invoice and what is pending.
    const activeStart = addDays(d(n - 2), 1);
    return [
      { source: 'PromotionalCredit', startDate: usedUpStart, expirationDate: addMonths(usedUpStart, 12), purchasedDate: usedUpStart, originalCents: Math.max(5000, scaled(0.5, sum(0, 2), 0)) },
      { source: 'PurchasedCredit', startDate: activeStart, expirationDate: addMonths(d(n - 1), 12), purchasedDate: addDays(activeStart, -2), originalCents: scaled(2.5, sum(n - 1, n - 1), 20000), poNumber: input.poNumber },
    ];
  }
  const expiringStart = addDays(d(1), 1);
  const prepaymentStart = addDays(d(7), 1);
  const bonusStart = addDays(d(10), 1);
  return [
    // Covers part of the first two invoices, then runs out.
    { source: 'PromotionalCredit', startDate: usedUpStart, expirationDate: addMonths(usedUpStart, 12), purchasedDate: usedUpStart, originalCents: Math.max(5000, scaled(0.6, sum(0, 1), 0)) },
    // Pays invoices 2–5 in full and expires before invoice 6 with a quarter left.
    { source: 'PromotionalCredit', startDate: expiringStart, expirationDate: addDays(d(5), 10), purchasedDate: expiringStart, originalCents: scaled(1.25, sum(2, 5), 10000) },
    // Azure prepayment bought after invoice 7: pays 8–10, then waits behind the bonus credit.
    { source: 'PurchasedCredit', startDate: prepaymentStart, expirationDate: addMonths(d(n - 1), 10), purchasedDate: addDays(prepaymentStart, -3), originalCents: scaled(1.2, sum(8, 10), 10000), poNumber: input.poNumber },
    // Expires sooner, so it is drawn first from invoice 11 on; it expires 25 days after the world's
    // today with credit left, so the alert monitor always has a lot about to expire.
    { source: 'PromotionalCredit', startDate: bonusStart, expirationDate: input.asOf ? addDays(input.asOf, 25) : addDays(d(n - 1), 75), purchasedDate: bonusStart, originalCents: scaled(1.3, sum(11, n - 1), 10000) },
  ];
}

/** The pending adjustment (a goodwill credit since the last invoice) of each plan. */
export function pendingAdjustmentCents(plan: CreditPlan): number {
  return plan === 'rich' ? 2500 : 0;
}
