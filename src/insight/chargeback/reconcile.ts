// From the chargeback's total to what the invoices of the period say, line by line, in cents of
// one currency: the report allocates Cost Management's actual cost (pre-tax, before credits); an
// invoice bills the same charges, then takes off credits (Azure prepayment, free Azure credit,
// other credits), adds tax, and later credit notes refund part of it. Whatever is left after the
// known steps is rounding when it is at most a cent per invoice, and otherwise shown as
// unexplained — never folded into another line.

export interface InvoiceAmounts {
  name: string;
  /** `subTotal` (or `billedAmount`): the period's charges before credits and tax. */
  charges: bigint;
  tax: bigint;
  /** Azure prepayment, free Azure credit and other credits applied, as positive amounts. */
  creditsApplied: bigint;
  /** `totalAmount`. */
  total: bigint;
  /** Credit notes are invoices with negative charges; they refund an invoice of the period. */
  isCreditNote: boolean;
}

export type ReconciliationStep =
  | { kind: 'chargesOutsideQuery'; amount: bigint }
  | { kind: 'rounding'; amount: bigint }
  | { kind: 'creditsApplied'; amount: bigint }
  | { kind: 'tax'; amount: bigint }
  | { kind: 'creditNotes'; amount: bigint }
  | { kind: 'notInvoiced'; amount: bigint }
  | { kind: 'unexplained'; amount: bigint };

export interface Reconciliation {
  reportTotal: bigint;
  /** Σ totalAmount of the invoices and credit notes. */
  invoicedTotal: bigint;
  /** reportTotal + Σ steps = invoicedTotal, always. */
  steps: ReconciliationStep[];
}

export function reconcile(reportTotal: bigint, invoices: readonly InvoiceAmounts[]): Reconciliation {
  const regular = invoices.filter((i) => !i.isCreditNote);
  const notes = invoices.filter((i) => i.isCreditNote);
  const sum = (list: readonly InvoiceAmounts[], pick: (i: InvoiceAmounts) => bigint) => list.reduce((a, i) => a + pick(i), 0n);
  const steps: ReconciliationStep[] = [];
  // A period not invoiced yet (the month is still open, or the invoice is a few days away).
  if (regular.length === 0 && reportTotal !== 0n) steps.push({ kind: 'notInvoiced', amount: -reportTotal });

  // Charges: the query and the invoices should agree; a cent per invoice is rounding of per-line amounts.
  const chargesGap = sum(regular, (i) => i.charges) - reportTotal;
  const roundingLimit = BigInt(Math.max(1, regular.length));
  if (chargesGap !== 0n && regular.length > 0) {
    const abs = chargesGap < 0n ? -chargesGap : chargesGap;
    steps.push(abs <= roundingLimit ? { kind: 'rounding', amount: chargesGap } : { kind: 'unexplained', amount: chargesGap });
  }
  const credits = sum(regular, (i) => i.creditsApplied);
  if (credits !== 0n) steps.push({ kind: 'creditsApplied', amount: -credits });
  const tax = sum(regular, (i) => i.tax);
  if (tax !== 0n) steps.push({ kind: 'tax', amount: tax });
  const refunds = sum(notes, (i) => i.total);
  if (refunds !== 0n) steps.push({ kind: 'creditNotes', amount: refunds });

  // Each invoice's own arithmetic: charges − credits + tax should be its total; a gap there is unexplained too.
  const ownGap = sum(regular, (i) => i.total - (i.charges - i.creditsApplied + i.tax));
  if (ownGap !== 0n) steps.push({ kind: 'unexplained', amount: ownGap });

  const invoicedTotal = sum(invoices, (i) => i.total);
  return { reportTotal, invoicedTotal, steps };
}
