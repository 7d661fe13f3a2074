import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fixedFromNumber, fixedToNumber } from '../../../src/insight/fixedDecimal';
import { MoneyTotals, subtractMoney, sumByCurrency } from '../../../src/insight/moneyTotals';

describe('money totals', () => {
  it('adds decimals without binary drift', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in doubles; a bill must say 0.3.
    assert.equal(0.1 + 0.2 === 0.3, false);
    const [total] = sumByCurrency([{ amount: 0.1, currency: 'USD' }, { amount: 0.2, currency: 'USD' }]);
    assert.deepEqual(total, { amount: 0.3, currency: 'USD' });
  });

  it('keeps tiny per-row usage costs (15 decimals)', () => {
    const rows = Array.from({ length: 1000 }, () => ({ amount: 0.000001968949998, currency: 'CAD' }));
    // 1000 × 0.000001968949998 = 0.001968949998 exactly; 1e-7 × 3 = 3e-7.
    assert.deepEqual(sumByCurrency(rows), [{ amount: 0.001968949998, currency: 'CAD' }]);
    assert.deepEqual(sumByCurrency([1e-7, 1e-7, 1e-7].map((amount) => ({ amount, currency: 'USD' }))), [{ amount: 3e-7, currency: 'USD' }]);
    assert.equal(fixedToNumber(fixedFromNumber(123456789.123456)), 123456789.123456);
  });

  it('never adds different currencies together', () => {
    const totals = new MoneyTotals()
      .add({ amount: 10.5, currency: 'USD' })
      .add({ amount: 3.25, currency: 'EUR' })
      .add({ amount: 1.5, currency: 'usd' })
      .add(undefined);
    assert.deepEqual(totals.list(), [
      { amount: 3.25, currency: 'EUR' },
      { amount: 12, currency: 'USD' },
    ]);
    assert.equal(totals.get('GBP'), undefined);
  });

  it('handles negative amounts (refunds, adjustments)', () => {
    assert.equal(fixedFromNumber(-200), -200n * 10n ** 18n);
    assert.equal(fixedToNumber(fixedFromNumber(-0.05)), -0.05);
    assert.deepEqual(sumByCurrency([{ amount: 100, currency: 'USD' }, { amount: -200.01, currency: 'USD' }]), [{ amount: -100.01, currency: 'USD' }]);
  });

  it('refuses to subtract across currencies', () => {
    assert.deepEqual(subtractMoney({ amount: 600, currency: 'USD' }, { amount: 100.1, currency: 'USD' }), { amount: 499.9, currency: 'USD' });
    assert.throws(() => subtractMoney({ amount: 1, currency: 'USD' }, { amount: 1, currency: 'EUR' }), /Cannot subtract EUR from USD/);
  });
});
