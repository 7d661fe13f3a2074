import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { daysUntilExpiry, parseBalanceSummary, parseCreditEvent, parseLot } from '../../../src/billing/models/credit';
import { sumByCurrency, subtractMoney } from '../../../src/insight/moneyTotals';
import balance from './fixtures/credits-balance-2024-08-01.json';
import events from './fixtures/events-2024-08-01.json';
import lots from './fixtures/lots-2024-08-01.json';

describe('credit parsing', () => {
  it('reads the balance summary, billing-currency variant included', () => {
    const s = parseBalanceSummary(balance);
    assert.deepEqual(s.currentBalance, { amount: 100, currency: 'USD' });
    assert.deepEqual(s.estimatedBalance, { amount: 600, currency: 'USD' });
    assert.deepEqual(s.estimatedBalanceInBillingCurrency, { amount: 552.1, currency: 'EUR', exchangeRate: 0.92, exchangeRateMonth: 8 });
    assert.deepEqual(s.pendingCreditAdjustments, { amount: 500, currency: 'USD' });
    assert.equal(s.isEstimatedBalance, false);
    assert.equal(s.reseller?.resellerDescription, 'Reseller information.');
    assert.equal(s.issues, undefined);
  });

  it('reads an old (2019-10-01) summary without the later fields', () => {
    const s = parseBalanceSummary({ properties: { balanceSummary: { currentBalance: { currency: 'USD', value: 5 } }, expiredCredit: { currency: 'USD', value: 1 } } });
    assert.deepEqual(s.currentBalance, { amount: 5, currency: 'USD' });
    assert.equal(s.creditCurrency, undefined);
    assert.equal(s.isEstimatedBalance, undefined);
  });

  it('reads lots: sources case-insensitively, OrganizationType with a capital O, expiry before start reported', () => {
    const [purchased, promo, macc] = lots.value.map(parseLot);
    assert.equal(purchased.source, 'PurchasedCredit');
    assert.equal(purchased.expirationDate?.toISOString(), '2025-07-31T23:59:59.000Z');
    assert.equal(purchased.poNumber, '3524');
    assert.equal(promo.source, 'PromotionalCredit');
    assert.match(promo.issues?.[0].reason ?? '', /expires .* before it starts/);
    assert.equal(promo.startDate?.toISOString(), '2024-10-01T00:00:00.000Z', 'both dates are kept');
    assert.equal(macc.organizationType, 'Contributor');
    assert.equal(macc.originalAmount, undefined, 'absent for a Contributor organisation');
    assert.deepEqual(macc.usedAmount, { amount: 3800, currency: 'USD' });
    // Days to expiry counted from a fixed day.
    assert.equal(daysUntilExpiry(purchased, new Date('2025-07-01T00:00:00Z')), 30);
    assert.equal(daysUntilExpiry(promo, new Date('2024-10-01T00:00:00Z')), -1);
  });

  it('reads events: aliases, open types, empty invoice number, negative adjustments', () => {
    const [added, settled, expired, canceled, unknown] = events.value.map(parseCreditEvent);
    assert.equal(added.eventType, 'NewCredit');
    assert.equal(added.invoiceNumber, undefined);
    assert.deepEqual(added.newCreditInBillingCurrency, { amount: 460, currency: 'EUR', exchangeRate: 0.92, exchangeRateMonth: 8 });
    assert.equal(settled.invoiceNumber, '312033');
    assert.deepEqual(settled.adjustments, { amount: -200, currency: 'USD' });
    assert.equal(expired.eventType, 'CreditExpired', 'the examples\' ExpiredCredit is the spec\'s CreditExpired');
    assert.equal(canceled.eventType, 'CanceledCredit');
    assert.equal(unknown.eventType, 'SomethingNew', 'unknown types are kept as they came');
    // Ledger arithmetic from the fixture: 500 + 0 − 200 − 239.10 = 60.90.
    const after = sumByCurrency([added.closedBalance, settled.newCredit, settled.adjustments, { ...settled.charges!, amount: -settled.charges!.amount }]);
    assert.deepEqual(after, [settled.closedBalance]);
    assert.deepEqual(subtractMoney(settled.closedBalance!, expired.creditExpired!), expired.closedBalance);
  });
});
