// What-if pricing on hand-made usage and prices: tiers follow the month's cumulative quantity,
// an offer's monthly credit comes off each month down to zero, meters another region cannot price
// say why, and commitments' break-even is the commitment's hourly cost over pay-as-you-go's.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RetailPrice } from '../../../src/billing/models/retailPrice';
import { dayFromParts, parseIsoDate } from '../../../src/insight/calendar';
import { fixedFromNumber, fixedToNumber } from '../../../src/insight/fixedDecimal';
import { bucketDay } from '../../../src/insight/costCube';
import { priceUsage } from '../../../src/insight/estimate';
import { RateIndex } from '../../../src/insight/rateIndex';
import { UsageLedger } from '../../../src/insight/usageLedger';
import { commitmentOptions } from '../../../src/insight/whatIf/commitmentOptions';
import { reservationOutcome, savingsPlanOutcome } from '../../../src/insight/whatIf/commitments';
import { meterKey, monthlyQuantities, quantitiesOfCube } from '../../../src/insight/whatIf/monthlyQuantities';
import { monthlyCreditOf, offerAlternative } from '../../../src/insight/whatIf/offerAlternative';
import { Alternative, MeterPrice, priceAlternatives } from '../../../src/insight/whatIf/priceAlternatives';
import { matchInRegion } from '../../../src/insight/whatIf/regionMatch';
import { buildWhatIfReport } from '../../../src/insight/whatIf/whatIfReport';
import { card, rate as cardRate, row } from './usageFixtures';

const rate = (...tiers: Array<[number, number]>): MeterPrice => ({
  kind: 'priced',
  schedules: [{ effectiveDay: Number.NEGATIVE_INFINITY, unit: 'Hours', includedQuantity: 0n, tiers: tiers.map(([threshold, price]) => ({ threshold: fixedFromNumber(threshold), price: fixedFromNumber(price) })) }],
});

const line = (meterId: string, day: string, quantity: number) => ({ meter: { meterId, unit: 'Hours' }, day: parseIsoDate(day)!, quantity: fixedFromNumber(quantity) });

// Meter A: 60 + 60 units in November, 50 in December; meter B: 10 units in November.
const USAGE = monthlyQuantities([line('A', '2026-11-03', 60), line('a', '2026-11-20', 60), line('A', '2026-12-01', 50), line('B', '2026-11-05', 10)]);
const A = meterKey('a', 'Hours');
const B = meterKey('b', 'Hours');

describe('pricing alternatives', () => {
  test('usage is reduced to a quantity per meter and month once (meter ids compared in lower case)', () => {
    assert.deepEqual(
      [...USAGE].map(([key, usage]) => [key, [...usage.months.values()].map((m) => fixedToNumber(m.total))]),
      [[A, [120, 50]], [B, [10]]],
    );
  });

  test('tiers apply to the month, an unknown meter is unpriced, a monthly credit comes off each month', () => {
    const payg: Alternative = { id: 'payg', priceOf: (m) => (m === 'a' ? rate([0, 1], [100, 0.5]) : rate([0, 2])) };
    const devTest: Alternative = { id: 'devtest', priceOf: (m) => (m === 'a' ? rate([0, 0.8]) : { kind: 'unpriced', reason: 'unknownMeter' }) };
    const msdn: Alternative = { ...payg, id: 'msdn', monthlyCredit: fixedFromNumber(100) };
    const [p, d, m] = priceAlternatives(USAGE, [payg, devTest, msdn]);
    // A in November: 100 × 1 + 20 × 0.5 = 110 (pricing each row alone would give 120); December 50.
    // B: 10 × 2 = 20. Total 180.
    assert.deepEqual([fixedToNumber(p.perMeter.get(A)!.cost), fixedToNumber(p.perMeter.get(B)!.cost), fixedToNumber(p.total)], [160, 20, 180]);
    // Dev/Test: A at 0.8 flat: 96 + 40 = 136; B unpriced, with the reason, not zero.
    assert.equal(fixedToNumber(d.total), 136);
    assert.deepEqual(d.unpriced, [{ key: B, meterId: 'b', reason: 'unknownMeter' }]);
    assert.equal(d.perMeter.has(B), false);
    // Credit 100 a month: November 130 → 100 off; December 50 → 50 off (never below zero). 180 − 150 = 30.
    assert.deepEqual([fixedToNumber(m.gross), fixedToNumber(m.creditApplied), fixedToNumber(m.total)], [180, 150, 30]);
    // The report: cents per meter add up to each total; the difference is to the baseline (the first).
    const report = buildWhatIfReport({
      currency: 'USD', period: { from: '2026-11-01', to: '2026-12-31' }, quantities: USAGE,
      labels: [{ id: 'payg', kind: 'baseline', label: 'PAYG' }, { id: 'devtest', kind: 'offer', label: 'Dev/Test' }, { id: 'msdn', kind: 'offer', label: 'MSDN' }],
      results: [p, d, m],
    });
    assert.deepEqual(report.alternatives.map((a) => [a.grossMinor, a.creditMinor, a.totalMinor, a.differenceMinor]), [[18000, 0, 18000, 0], [13600, 0, 13600, -4400], [18000, 15000, 3000, -15000]]);
    assert.deepEqual(report.alternatives[1].unpriced, [{ meterKey: B, meterName: 'B', reason: 'unknownMeter' }]);
    assert.deepEqual(report.meters.find((x) => x.key === B)!.cells[1], { reason: 'unknownMeter' });
  });

  test('by hand across a tier boundary: 5 included, 1.99 up to 100 then 0.99; a price change mid-month is walked by day', () => {
    // Rate card A: included 5, tiers 0 → 1.99, 100 → 0.99. November: 150 units → billable 145 →
    // 100 × 1.99 + 45 × 0.99 = 243.55 (the API notes' worked example).
    const rates = new RateIndex(card([
      cardRate('m1', { 0: 1.99, 100: 0.99 }, { included: 5 }),
      // m2 costs 1.00 until 16 November, 2.00 from then; 10 units a day on the 15th and 16th: 10 + 20 = 30.
      cardRate('m2', { 0: 1 }, { effective: '2020-01-01T00:00:00Z' }),
      cardRate('m2', { 0: 2 }, { effective: '2026-11-16T00:00:00Z' }),
    ]));
    const usage = monthlyQuantities([
      line('m1', '2026-11-02', 90), line('m1', '2026-11-20', 60),
      line('m2', '2026-11-15', 10), line('m2', '2026-11-16', 10),
    ]);
    const [result] = priceAlternatives(usage, [offerAlternative('own', rates)]);
    assert.equal(fixedToNumber(result.perMeter.get(meterKey('m1', 'Hours'))!.cost), 243.55);
    assert.equal(fixedToNumber(result.perMeter.get(meterKey('m2', 'Hours'))!.cost), 30);
  });

  test('the baseline (own rate card, what-if engine) equals the usage panel estimate to the cent', () => {
    // Hourly usage over two months of three meters: one crossing tiers mid-month, one whose price
    // changes on the 16th, one with an included quantity and a unit in packs (10,000s vs 10K).
    const rows = [];
    for (let day = 1; day <= 61; day++) {
      const date = new Date(Date.UTC(2026, 9, day));
      for (let hour = 0; hour < 24; hour += 3) {
        const start = new Date(date.getTime() + hour * 3_600_000).toISOString();
        rows.push(row({ start, hours: 1, quantity: 1 + ((day * 7 + hour) % 5) * 0.37, meterId: 'tiered', resourceUri: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm${hour % 2}` }));
        rows.push(row({ start, hours: 1, quantity: 0.5, meterId: 'repriced' }));
        rows.push(row({ start, hours: 1, quantity: 0.013 * (hour + 1), meterId: 'ops', unit: '10,000s', meterCategory: 'Storage' }));
      }
    }
    const rates = new RateIndex(card([
      cardRate('tiered', { 0: 0.123457, 200: 0.0981, 600: 0.05 }, { included: 3 }),
      cardRate('repriced', { 0: 0.0914 }, { effective: '2019-01-01T00:00:00Z' }),
      cardRate('repriced', { 0: 0.096 }, { effective: '2026-11-16T00:00:00Z' }),
      cardRate('ops', { 0: 0.055 }, { unit: '10K', included: 0.1 }),
    ]));
    const ledger = new UsageLedger({ first: dayFromParts(2026, 10, 1), last: dayFromParts(2026, 11, 30) }, 'hour');
    for (const r of rows) { ledger.add(r); }
    priceUsage(ledger.cube, () => rates);
    let estimate = 0n;
    for (const l of ledger.cube.lines) { for (const c of l.cost ?? []) { estimate += c; } }
    const [baseline] = priceAlternatives(quantitiesOfCube(ledger.cube), [offerAlternative('own', rates)]);
    const cents = (x: bigint) => Math.round(fixedToNumber(x) * 100);
    assert.ok(cents(estimate) > 0);
    assert.equal(cents(baseline.total), cents(estimate));
    // Not just the total: each meter too.
    for (const id of ['tiered', 'repriced', 'ops']) {
      const own = ledger.cube.lines.filter((l) => l.meter.meterId === id).reduce((sum, l) => sum + (l.cost ?? []).reduce((a, b) => a + b, 0n), 0n);
      const key = [...baseline.perMeter.keys()].find((k) => k.startsWith(id))!;
      assert.equal(cents(baseline.perMeter.get(key)!.cost), cents(own), id);
    }
    // A period that starts mid-month (the panel's "last 30 days"): the earlier days of the month
    // only move month-to-date, as in the panel, where they are priced but not shown.
    const shown = { first: dayFromParts(2026, 10, 20), last: dayFromParts(2026, 11, 30) };
    let shownEstimate = 0n;
    for (const l of ledger.cube.lines) {
      (l.cost ?? []).forEach((c, b) => { if (bucketDay(ledger.cube, b) >= shown.first) { shownEstimate += c; } });
    }
    const [partial] = priceAlternatives(quantitiesOfCube(ledger.cube, shown), [offerAlternative('own', rates)]);
    assert.ok(cents(shownEstimate) < cents(estimate));
    assert.equal(cents(partial.total), cents(shownEstimate));
  });

  test('an offer credit is read from its Monetary Credit terms', () => {
    assert.equal(monthlyCreditOf([{ name: 'Monetary Credit', credit: 150, excludedMeterIds: [] }]), fixedFromNumber(150));
    assert.equal(monthlyCreditOf([]), undefined);
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
    if (match.kind === 'priced') {assert.deepEqual(match.schedules[0].tiers.map((t) => [fixedToNumber(t.threshold), fixedToNumber(t.price)]), [[0, 0.11], [100, 0.1]]);}
  });

  test('not sold there, a region-less meter, two candidates, another unit: each says why', () => {
    assert.deepEqual(matchInRegion(source, 'brazilsouth', [row({ armRegionName: 'westeurope' })]), { kind: 'unpriced', reason: 'notSoldInRegion' });
    assert.deepEqual(matchInRegion(row({ armRegionName: 'Global' }), 'westeurope', []), { kind: 'unpriced', reason: 'regionlessMeter' });
    assert.deepEqual(matchInRegion(row({ armRegionName: 'Zone 1' }), 'westeurope', []), { kind: 'unpriced', reason: 'regionlessMeter' });
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

  test('the retail list\'s reservations and savings plans for an hourly meter, over a 30-day period', () => {
    const usage = monthlyQuantities([line('vm', '2026-11-10', 500)]).get(meterKey('vm', 'Hours'))!;
    const base = { meterId: 'vm', meterName: 'D2s v3', armRegionName: 'eastus', unitOfMeasure: '1 Hour', tierMinimumUnits: 0, savingsPlan: [] };
    const rows: RetailPrice[] = [
      { ...base, type: 'Consumption', price: { amount: 0.1, currency: 'USD' }, unitPrice: 0.1, savingsPlan: [{ term: '1 Year', retailPrice: 0.07 }, { term: '3 Years', retailPrice: 0.05 }] },
      { ...base, type: 'Reservation', reservationTerm: '1 Year', price: { amount: 500, currency: 'USD' } },
      { ...base, type: 'Reservation', reservationTerm: '3 Years', price: { amount: 1080, currency: 'USD' } },
    ];
    const options = commitmentOptions(usage, rows, 720);
    // 720 h is 720 / 730 of a month. One-year reservation: 500 / 12 × 720/730 = 41.10 for the
    // period against 500 h × 0.1 = 50 pay-as-you-go; break-even 500 / 8760 / 0.1 = 57.08 %.
    const r1 = options.find((o) => o.kind === 'reservation' && o.years === 1)!;
    assert.equal(r1.monthlyCost.toFixed(2), '41.10');
    assert.equal(r1.payAsYouGo, 50);
    assert.equal(r1.breakEvenUtilisation.toFixed(4), '0.5708');
    const r3 = options.find((o) => o.kind === 'reservation' && o.years === 3)!;
    assert.equal(r3.breakEvenUtilisation.toFixed(4), (1080 / 26280 / 0.1).toFixed(4));
    const s1 = options.find((o) => o.kind === 'savingsPlan' && o.years === 1)!;
    assert.deepEqual([s1.monthlyCost.toFixed(2), s1.breakEvenUtilisation.toFixed(2)], ['35.00', '0.70']);
    assert.equal(options.length, 4);
    // A meter not billed by the hour has no commitment.
    assert.deepEqual(commitmentOptions({ ...usage, unit: 'GB' }, rows, 720), []);
  });
});
