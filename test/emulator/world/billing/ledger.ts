// The credit ledger of a billing profile (or of an account's commitment), simulated day by day
// from its lots and the invoices they settle. Everything the API shows is read off one run:
// the events with their running balance, each lot's balance as of the last invoice, the balance
// summary, and how much credit each invoice received. Nothing is stored twice, so the invariants
// (lots add up to the summary; each closed balance follows from the one before) hold by design
// and are checked independently in the tests.
import { Random } from '../random';
import type { CreditEventType, LotSource, WorldCreditEvent, WorldCreditSummary, WorldLot } from './types';
import { lotName } from './names';

export interface LotPlan {
  source: LotSource;
  startDate: string;
  expirationDate: string;
  purchasedDate: string;
  originalCents: number;
  poNumber?: string;
}

export interface Settlement {
  date: string;
  invoiceName: string;
  chargesCents: number;
}

export interface LedgerInput {
  seed: number;
  /** Names the ledger's random stream (account/profile), so ids are stable. */
  key: string;
  currency: string;
  asOf: string;
  plans: LotPlan[];
  /** Invoices in date order; the last one's date separates settled from pending events. */
  settlements: Settlement[];
  pendingChargesCents: number;
  pendingAdjustmentCents: number;
  /** Wording differs for commitments ("Commitment") and credits. */
  kind: 'credit' | 'commitment';
}

export interface CreditApplied {
  prepaymentCents: number;
  freeCreditCents: number;
}

export interface LedgerResult {
  lots: WorldLot[];
  events: WorldCreditEvent[];
  summary: WorldCreditSummary;
  appliedByInvoice: Map<string, CreditApplied>;
}

type Item =
  | { date: string; order: 0; kind: 'start'; lot: number }
  | { date: string; order: 1; kind: 'settle'; settlement: Settlement }
  | { date: string; order: 2; kind: 'expire'; lot: number }
  | { date: string; order: 3; kind: 'adjust' }
  | { date: string; order: 4; kind: 'pendingCharges' };

export function runLedger(input: LedgerInput): LedgerResult {
  const { plans, asOf } = input;
  const names = plans.map((p, i) => lotName(Random.of(input.seed, input.key, 'lot', i), p.startDate));
  const lastInvoiceDate = input.settlements.length ? input.settlements[input.settlements.length - 1].date : '';
  const items: Item[] = [];
  plans.forEach((p, lot) => {
    if (p.startDate <= asOf) { items.push({ date: p.startDate, order: 0, kind: 'start', lot }); }
    if (p.expirationDate <= asOf) { items.push({ date: p.expirationDate, order: 2, kind: 'expire', lot }); }
  });
  for (const settlement of input.settlements) { items.push({ date: settlement.date, order: 1, kind: 'settle', settlement }); }
  if (input.pendingAdjustmentCents) { items.push({ date: asOf, order: 3, kind: 'adjust' }); }
  if (input.pendingChargesCents > 0) { items.push({ date: asOf, order: 4, kind: 'pendingCharges' }); }
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));

  const balance = plans.map(() => 0);
  const used = plans.map(() => 0);
  const leftAtExpiry = plans.map(() => 0);
  let snapshot: number[] | undefined;
  let running = 0;
  const events: WorldCreditEvent[] = [];
  const appliedByInvoice = new Map<string, CreditApplied>();
  const summary: WorldCreditSummary = { currency: input.currency, currentBalanceCents: 0, estimatedBalanceCents: 0, pendingCreditAdjustmentsCents: 0, expiredCreditCents: 0, pendingEligibleChargesCents: 0 };

  const emit = (date: string, eventType: CreditEventType, description: string, amounts: Partial<Pick<WorldCreditEvent, 'newCreditCents' | 'adjustmentsCents' | 'creditExpiredCents' | 'chargesCents'>>, extra: { invoiceNumber?: string; lot?: number } = {}) => {
    const e = { newCreditCents: 0, adjustmentsCents: 0, creditExpiredCents: 0, chargesCents: 0, ...amounts };
    running += e.newCreditCents + e.adjustmentsCents - e.creditExpiredCents - e.chargesCents;
    events.push({
      name: Random.of(input.seed, input.key, 'event', events.length).guid(),
      transactionDate: date,
      description,
      eventType,
      ...e,
      closedBalanceCents: running,
      invoiceNumber: extra.invoiceNumber ?? '',
      lotId: extra.lot === undefined ? '' : names[extra.lot],
      lotSource: extra.lot === undefined ? '' : plans[extra.lot].source,
      currency: input.currency,
    });
  };

  /** Takes up to `cents` from the lots active on `date`, soonest-expiring first. */
  const draw = (date: string, cents: number): CreditApplied & { lots: number[] } => {
    const applied = { prepaymentCents: 0, freeCreditCents: 0, lots: [] as number[] };
    const active = plans
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => p.startDate <= date && date < p.expirationDate && balance[i] > 0)
      .sort((a, b) => (a.p.expirationDate < b.p.expirationDate ? -1 : a.p.expirationDate > b.p.expirationDate ? 1 : a.i - b.i));
    let left = cents;
    for (const { p, i } of active) {
      if (left <= 0) { break; }
      const take = Math.min(left, balance[i]);
      balance[i] -= take;
      used[i] += take;
      left -= take;
      applied.lots.push(i);
      if (p.source === 'PurchasedCredit') { applied.prepaymentCents += take; }
      else { applied.freeCreditCents += take; }
    }
    return applied;
  };

  const word = input.kind === 'commitment' ? 'Commitment' : 'Credits';
  for (const item of items) {
    const pending = item.date > lastInvoiceDate;
    if (pending && !snapshot) { snapshot = [...balance]; }
    if (item.kind === 'start') {
      balance[item.lot] = plans[item.lot].originalCents;
      emit(item.date, pending ? 'PendingNewCredit' : 'NewCredit', input.kind === 'commitment' ? 'New commitment added' : 'New credits added', { newCreditCents: plans[item.lot].originalCents }, { lot: item.lot });
    } else if (item.kind === 'settle') {
      const { lots: touched, ...applied } = draw(item.date, item.settlement.chargesCents);
      appliedByInvoice.set(item.settlement.invoiceName, applied);
      const total = applied.prepaymentCents + applied.freeCreditCents;
      // A settlement drawn from one lot names it; one spread over several lots names none.
      const lot = touched.length === 1 ? touched[0] : undefined;
      if (total > 0) { emit(item.date, 'SettledCharges', `Settled invoice #${item.settlement.invoiceName}`, { chargesCents: total }, { invoiceNumber: item.settlement.invoiceName, lot }); }
    } else if (item.kind === 'expire') {
      const left = balance[item.lot];
      leftAtExpiry[item.lot] = left;
      if (left > 0) {
        balance[item.lot] = 0;
        if (pending) { summary.expiredCreditCents += left; }
        emit(item.date, pending ? 'PendingExpiredCredit' : 'CreditExpired', `${word} Expired`, { creditExpiredCents: left }, { lot: item.lot });
      }
    } else if (item.kind === 'adjust') {
      summary.pendingCreditAdjustmentsCents += input.pendingAdjustmentCents;
      emit(item.date, 'PendingAdjustments', 'Credit adjustment', { adjustmentsCents: input.pendingAdjustmentCents });
    } else {
      const { lots: touched, ...applied } = draw(item.date, input.pendingChargesCents);
      const total = applied.prepaymentCents + applied.freeCreditCents;
      summary.pendingEligibleChargesCents += total;
      if (total > 0) { emit(item.date, 'PendingCharges', 'Pending charges', { chargesCents: total }, { lot: touched.length === 1 ? touched[0] : undefined }); }
    }
  }
  const closed = snapshot ?? [...balance];

  const lots: WorldLot[] = plans.map((p, i) => ({
    name: names[i],
    source: p.source,
    currency: input.currency,
    startDate: p.startDate,
    expirationDate: p.expirationDate,
    purchasedDate: p.purchasedDate,
    poNumber: p.poNumber,
    originalCents: p.originalCents,
    closedBalanceCents: closed[i],
    usedCents: p.source === 'ConsumptionCommitment' ? used[i] : undefined,
    status: p.startDate > asOf ? 'Inactive' : p.expirationDate <= asOf ? (leftAtExpiry[i] > 0 ? 'Expired' : 'Complete') : balance[i] === 0 ? 'Complete' : 'Active',
  }));
  summary.currentBalanceCents = closed.reduce((a, b) => a + b, 0);
  summary.estimatedBalanceCents = running;
  return { lots, events, summary, appliedByInvoice };
}
