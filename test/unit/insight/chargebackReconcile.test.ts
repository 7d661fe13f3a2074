// From a chargeback's total to the invoices' total, step by step, on hand-made invoices in cents.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvoiceAmounts, reconcile } from '../../../src/insight/chargeback/reconcile';

const invoice = (over: Partial<InvoiceAmounts>): InvoiceAmounts => ({ name: 'G1', charges: 0n, tax: 0n, creditsApplied: 0n, total: 0n, isCreditNote: false, ...over });

function stepsOf(reportTotal: bigint, invoices: InvoiceAmounts[]) {
  const r = reconcile(reportTotal, invoices);
  // The steps always carry the report's total to the invoiced total.
  assert.equal(r.reportTotal + r.steps.reduce((a, s) => a + s.amount, 0n), r.invoicedTotal);
  return r.steps.map((s) => [s.kind, Number(s.amount)]);
}

test('charges equal to the report, credits off, tax on, a credit note later: every step named', () => {
  // 1,000.00 of charges; 150.00 free credit; 8.5 % tax on 850.00 = 72.25; total 922.25; a credit note of −50.00.
  const steps = stepsOf(100_000n, [
    invoice({ charges: 100_000n, creditsApplied: 15_000n, tax: 7_225n, total: 92_225n }),
    invoice({ name: 'G2', charges: -5_000n, total: -5_000n, isCreditNote: true }),
  ]);
  assert.deepEqual(steps, [['creditsApplied', -15_000], ['tax', 7_225], ['creditNotes', -5_000]]);
});

test('a cent per invoice is rounding; more is unexplained and shown, not hidden', () => {
  assert.deepEqual(stepsOf(100_000n, [invoice({ charges: 50_001n, total: 50_001n }), invoice({ name: 'G2', charges: 50_000n, total: 50_000n })]), [['rounding', 1]]);
  // Marketplace or support charges the cost query did not cover: 25.00 more on the invoice.
  assert.deepEqual(stepsOf(100_000n, [invoice({ charges: 102_500n, total: 102_500n })]), [['unexplained', 2_500]]);
});

test("an invoice whose own lines do not add up to its total shows the gap as unexplained", () => {
  assert.deepEqual(stepsOf(1_000n, [invoice({ charges: 1_000n, tax: 100n, total: 1_150n })]), [['tax', 100], ['unexplained', 50]]);
});

test('no invoice yet: the whole report is "not invoiced", not an unexplained gap', () => {
  assert.deepEqual(stepsOf(1_000n, []), [['notInvoiced', -1_000]]);
});
