// What-if pricing on hand-made usage and prices: tiers follow the month's cumulative quantity,
// an offer's monthly credit comes off each month down to zero, meters another region cannot price
// say why, and commitments' break-even is the commitment's hourly cost over pay-as-you-go's.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RetailPrice } from '../../../src/billing/models/retailPrice';
import { fixedFromNumber, fixedToNumber } from '../../../src/insight/fixedDecimal';
import { reservationOutcome, savingsPlanOutcome } from '../../../src/insight/whatIf/commitments';
import { monthlyQuantities } from '../../../src/insight/whatIf/monthlyQuantities';
import { Alternative, MeterPrice, priceAlternatives } from '../../../src/insight/whatIf/priceAlternatives';
import { matchInRegion } from '../../../src/insight/whatIf/regionMatch';

const rate = (...tiers: Array<[number, number]>): MeterPrice => ({
  kind: 'priced',
  rate: { tiers: tiers.map(([threshold, price]) => ({ threshold: fixedFromNumber(threshold), price: fixedFromNumber(price) })), includedQuantity: 0n },
});

// Meter A: 60 + 60 units in November, 50 in December; meter B: 10 units in November.
const USAGE = monthlyQuantities([
  { meterId: 'A', day: '2026-11-03', quantity: 60 },
  { meterId: 'a', day: '2026-11-20', quantity: 60 },
  { meterId: 'A', day: '2026-12-01', quantity: 50 },
  { meterId: 'B', day: '2026-11-05', quantity: 10 },
]);

describe('pricing alternatives', () => {
  test('usage is reduced to a quantity per meter and month once (meter ids compared in lower case)', () => {
    assert.deepEqual(
      [...USAGE].map(([meter, months]) => [meter, [...months].map(([m, q]) => [m, fixedToNumber(q)])]),
      [['a', [['2026-11', 120], ['2026-12', 50]]], ['b', [['2026-11', 10]]]],
    );
  });

  test('tiers apply to the month, an unknown meter is unpriced, a monthly credit comes off each month', () => {
    const payg: Alternative = { id: 'payg', priceOf: (m) => (m === 'a' ? rate([0, 1], [100, 0.5]) : rate([0, 2])) };
    const devTest: Alternative = { id: 'devtest', priceOf: (m) => (m === 'a' ? rate([0, 0.8]) : { kind: 'unpriced', reason: 'unknownMeter' }) };
    const msdn: Alternative = { ...payg, id: 'msdn', monthlyCredit: fixedFromNumber(100) };
    const [p, d, m] = priceAlternatives(USAGE, [payg, devTest, msdn]);
    // A in November: 100 × 1 + 20 × 0.5 = 110 (pricing each row alone would give 120); December 50.
    // B: 10 × 2 = 20. Total 180.
    assert.deepEqual([fixedToNumber(p.perMeter.get('a')!), fixedToNumber(p.perMeter.get('b')!), fixedToNumber(p.total)], [160, 20, 180]);
    // Dev/Test: A at 0.8 flat: 96 + 40 = 136; B unpriced, with the reason, not zero.
    assert.equal(fixedToNumber(d.total), 136);
    assert.deepEqual(d.unpriced, [{ meterId: 'b', reason: 'unknownMeter' }]);
    assert.equal(d.perMeter.has('b'), false);
    // Credit 100 a month: November 130 → 100 off; December 50 → 50 off (never below zero). 180 − 150 = 30.
    assert.deepEqual([fixedToNumber(m.gross), fixedToNumber(m.creditApplied), fixedToNumber(m.total)], [180, 150, 30]);
  });
});

describe('the same meter in another region', () => {
  const row = (over: Partial<RetailPrice>): RetailPrice => ({
    meterId: 'm-eastus',
    meterName: 'D2s v5',
    productName: 'Virtual Machines Dsv5 Series',
    skuName: 'D2s v5',
    armRegionName: 'eastus',
    unitOfMeasure: '1 Hour',
    type: 'Consumption',
    tierMinimumUnits: 0,
    price: { amount: 0.096, currency: 'USD' },
    unitPrice: 0.096,
    savingsPlan: [],
    ...over,
  });
  const source = row({});

  test('matched on product, SKU and meter name in the target region, tiers kept', () => {
    const catalogue = [row({ meterId: 'm-we', armRegionName: 'westeurope', unitPrice: 0.11 }), row({ meterId: 'm-we', armRegionName: 'westeurope', tierMinimumUnits: 100, unitPrice: 0.1 }), row({ meterId: 'x', armRegionName: 'westeurope', productName: 'Other' })];
    const match = matchInRegion(source, 'westeurope', catalogue);
    assert.equal(match.kind, 'priced');
    if (match.kind === 'priced') assert.deepEqual(match.rate.tiers.map((t) => [fixedToNumber(t.threshold), fixedToNumber(t.price)]), [[0, 0.11], [100, 0.1]]);
  });

  test('not sold there, a region-less meter, two candidates, another unit: each says why', () => {
    assert.deepEqual(matchInRegion(source, 'brazilsouth', [row({ armRegionName: 'westeurope' })]), { kind: 'unpriced', reason: 'notSoldInRegion' });
    assert.deepEqual(matchInRegion(row({ armRegionName: 'Global' }), 'westeurope', []), { kind: 'unpriced', reason: 'regionlessMeter' });
    assert.deepEqual(matchInRegion(source, 'westeurope', [row({ meterId: 'a', armRegionName: 'westeurope' }), row({ meterId: 'b', armRegionName: 'westeurope' })]), { kind: 'unpriced', reason: 'ambiguousMatch' });
    assert.deepEqual(matchInRegion(source, 'westeurope', [row({ armRegionName: 'westeurope', unitOfMeasure: '100 Hours' })]), { kind: 'unpriced', reason: 'unitMismatch' });
  });
});

describe('commitments', () => {
  const month = { hoursInMonth: 720, hourlyPrice: 0.1 };

  test('a one-year reservation at 500: 41.67 a month, paying off above 57.9 % utilisation', () => {
    // 500 / 12 = 41.667 per instance-month; pay-as-you-go all month = 720 × 0.1 = 72; 41.667 / 72 = 0.5787.
    const full = reservationOutcome({ ...month, hoursUsed: 720 }, 500, 1);
    assert.equal(full.monthlyCost.toFixed(3), '41.667');
    assert.equal(full.payAsYouGo, 72);
    assert.equal(full.breakEvenUtilisation.toFixed(4), '0.5787');
    // 300 h (42 %): one instance still costs 41.67, more than the 30 of pay-as-you-go.
    assert.equal(reservationOutcome({ ...month, hoursUsed: 300 }, 500, 1).monthlyCost.toFixed(3), '41.667');
    // 1000 h need two instances: 83.33 against 100.
    assert.equal(reservationOutcome({ ...month, hoursUsed: 1000 }, 500, 1).monthlyCost.toFixed(2), '83.33');
    // Three years at 1,080: 30 a month; break-even 30 / 72 = 41.7 %.
    assert.equal(reservationOutcome({ ...month, hoursUsed: 720 }, 1080, 3).breakEvenUtilisation.toFixed(3), '0.417');
  });

  test('a savings plan at 0.07 an hour: 70 % of pay-as-you-go', () => {
    const plan = savingsPlanOutcome({ ...month, hoursUsed: 720 }, 0.07);
    assert.equal(plan.monthlyCost.toFixed(2), '50.40');
    assert.equal(plan.breakEvenUtilisation.toFixed(2), '0.70');
  });
});
