// The periods a chargeback offers, the invoices it compares with, and the first rules file it
// writes: hand-made dates, invoices and tag values with hand-computed expectations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Invoice } from '../../../src/billing/models/invoice';
import { lastClosedPeriod, periodOfMonth, recentPeriods } from '../../../src/insight/chargeback/billingPeriods';
import { invoicesOfPeriod } from '../../../src/insight/chargeback/invoiceAmounts';
import { startingRules } from '../../../src/insight/chargeback/startingRules';
import { readChargebackRules } from '../../../src/views/chargeback/readRules';

test('the last closed period is the calendar month before today, also across a year end and in February', () => {
  assert.deepEqual(lastClosedPeriod('2026-11-15'), { month: '2026-10', from: '2026-10-01', to: '2026-10-31', closed: true });
  assert.deepEqual(lastClosedPeriod('2027-01-01'), { month: '2026-12', from: '2026-12-01', to: '2026-12-31', closed: true });
  assert.deepEqual(lastClosedPeriod('2028-03-31'), { month: '2028-02', from: '2028-02-01', to: '2028-02-29', closed: true });
});

test('recent periods: the running month up to yesterday first, then closed months, newest first', () => {
  const periods = recentPeriods('2026-11-15', 3);
  assert.deepEqual(periods.map((p) => [p.month, p.to, p.closed]), [
    ['2026-11', '2026-11-14', false],
    ['2026-10', '2026-10-31', true],
    ['2026-09', '2026-09-30', true],
    ['2026-08', '2026-08-31', true],
  ]);
  // On the first of a month the running month has no day yet: it covers its first day only.
  assert.deepEqual(recentPeriods('2026-11-01', 0)[0], { month: '2026-11', from: '2026-11-01', to: '2026-11-01', closed: false });
  assert.equal(periodOfMonth('2026-13', '2026-11-15'), undefined);
  assert.equal(periodOfMonth('2026-02', '2026-11-15')?.to, '2026-02-28');
});

const money = (amount: number, currency = 'USD') => ({ amount, currency });
function invoice(name: string, start: string, end: string, fields: Partial<Invoice>): Invoice {
  return { id: name, name, type: 'x', origin: { scope: 'profile', apiVersion: '2024-04-01' }, periodStart: start, periodEnd: end, documents: [], payments: [], failedPayments: [], rebills: [], tags: {}, ...fields } as unknown as Invoice;
}

test('the invoices of a period in cents: charges, tax, every credit applied, credit notes told apart, other periods and currencies left out', () => {
  const list = [
    invoice('G1', '2026-10-01', '2026-10-31', { subTotal: money(1234.565), taxAmount: money(98.77), azurePrepaymentApplied: money(100), freeAzureCreditApplied: money(0.5), creditAmount: money(1), totalAmount: money(1231.83), documentType: 'Invoice' }),
    invoice('CN1', '2026-10-01', '2026-10-31', { subTotal: money(-10), totalAmount: money(-10), documentType: 'CreditNote' }),
    invoice('G0', '2026-09-01', '2026-09-30', { subTotal: money(5), totalAmount: money(5) }),
    invoice('E1', '2026-10-01', '2026-10-31', { subTotal: money(7, 'EUR'), totalAmount: money(7, 'EUR') }),
  ];
  const got = invoicesOfPeriod(list, { from: '2026-10-01', to: '2026-10-31' }, 'USD');
  assert.deepEqual(got, [
    // 1234.565 rounds half away from zero to 123457 cents; credits 100 + 0.50 + 1 = 10150 cents.
    { name: 'G1', charges: 123457n, tax: 9877n, creditsApplied: 10150n, total: 123183n, isCreditNote: false },
    { name: 'CN1', charges: -1000n, tax: 0n, creditsApplied: 0n, total: -1000n, isCreditNote: true },
  ]);
});

test('a starting rules file: owners from the values seen (costliest first), spellings folded into aliases, and it reads back without problems', () => {
  const text = startingRules({ kind: 'billingProfile', billingAccountName: 'acc:1', billingProfileName: 'P1' }, 'CostCenter', [
    { value: 'CC-1001', amount: 100 },
    { value: ' cc-1001 ', amount: 5 },
    { value: 'CC1001', amount: 2 },
    { value: 'CC-2040', amount: 300 },
    { value: '', amount: 50 },
    { value: undefined, amount: 7 },
  ]);
  const file = JSON.parse(text) as { owners: Record<string, unknown>; normalize: { aliases: Record<string, string> }; scope: unknown; untagged: unknown };
  assert.deepEqual(Object.keys(file.owners), ['CC-2040', 'CC-1001']);
  assert.deepEqual(file.normalize.aliases, { 'cc-1001': 'CC-1001', CC1001: 'CC-1001' });
  assert.deepEqual(file.scope, { billingProfile: '/providers/Microsoft.Billing/billingAccounts/acc:1/billingProfiles/P1' });
  assert.deepEqual(file.untagged, { mode: 'unallocated' });
  const read = readChargebackRules(text);
  assert.deepEqual(read.problems, []);
  assert.equal(read.rules?.normalization.aliases.get('cc1001'), 'CC-1001');
});
