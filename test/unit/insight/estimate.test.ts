import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatIsoDate } from '../../../src/insight/calendar';
import { CostCube, bucketDay, bucketLabel } from '../../../src/insight/costCube';
import { priceUsage } from '../../../src/insight/estimate';
import { Fixed, fixedToString } from '../../../src/insight/fixedDecimal';
import { RateCard, UsageRecord } from '../../../src/insight/inputs';
import { RateIndex } from '../../../src/insight/rateIndex';
import { unpricedMeters } from '../../../src/insight/unpriced';
import { collectUsage, pricingRangeFor } from '../../../src/insight/usageLedger';
import { SUB, card, days, rate, row, vmUri } from './usageFixtures';

async function estimate(rows: UsageRecord[], rateCard: RateCard | undefined, first: string, last: string, granularity: 'day' | 'hour' = 'day') {
  const ledger = await collectUsage(rows, days(first, last), granularity);
  const index = rateCard && new RateIndex(rateCard);
  priceUsage(ledger.cube, () => index);
  return ledger;
}

/** Cost per bucket label over all lines, as exact decimal text; buckets with no cost left out. */
function costByBucket(cube: CostCube): Record<string, string> {
  const totals = new Map<string, Fixed>();
  for (const line of cube.lines) {
    line.cost?.forEach((c, b) => {
      if (c !== 0n) { totals.set(bucketLabel(cube, b), (totals.get(bucketLabel(cube, b)) ?? 0n) + c); }
    });
  }
  return Object.fromEntries([...totals].map(([k, v]) => [k, fixedToString(v)]));
}

const tiered = card([rate('meter-a', { 0: 2, 100: 1 })]);

test('daily costs follow the month-to-date quantity across a tier boundary', async () => {
  const ledger = await estimate(
    [row({ start: '2024-05-01T00:00:00Z', quantity: 95 }), row({ start: '2024-05-02T00:00:00Z', quantity: 10 })],
    tiered, '2024-05-01', '2024-05-31');
  // May 1: 95 × 2 = 190. May 2: 5 × 2 + 5 × 1 = 15.
  assert.deepEqual(costByBucket(ledger.cube), { '2024-05-01': '190', '2024-05-02': '15' });
});

test('a day that ends exactly on the boundary is all first tier, the next day all second tier', async () => {
  const ledger = await estimate(
    [row({ start: '2024-05-01T00:00:00Z', quantity: 100 }), row({ start: '2024-05-02T00:00:00Z', quantity: 10 })],
    tiered, '2024-05-01', '2024-05-31');
  assert.deepEqual(costByBucket(ledger.cube), { '2024-05-01': '200', '2024-05-02': '10' });
});

test('included quantity makes the first units of the month free', async () => {
  const rc = card([rate('meter-a', { 0: 2 }, { included: 5 })]);
  const ledger = await estimate(
    [row({ start: '2024-05-01T00:00:00Z', quantity: 3 }), row({ start: '2024-05-02T00:00:00Z', quantity: 4 })],
    rc, '2024-05-01', '2024-05-31');
  // 3 free on May 1; May 2 brings the month to 7 → 2 billable × 2 = 4.
  assert.deepEqual(costByBucket(ledger.cube), { '2024-05-02': '4' });
});

test('the month-to-date quantity (and the included quantity) resets on the first of the month', async () => {
  const rc = card([rate('meter-a', { 0: 2, 100: 1 }, { included: 5 })]);
  const ledger = await estimate(
    [row({ start: '2024-01-31T00:00:00Z', quantity: 120 }), row({ start: '2024-02-01T00:00:00Z', quantity: 10 })],
    rc, '2024-01-31', '2024-02-01');
  // Jan 31 alone (the month's only usage): 115 billable → 100 × 2 + 15 × 1 = 215.
  // Feb 1 starts afresh: 10 - 5 free = 5 × 2 = 10 (not 10 × 1 as it would be without the reset).
  assert.deepEqual(costByBucket(ledger.cube), { '2024-01-31': '215', '2024-02-01': '10' });
});

test('the rate row in effect is the latest EffectiveDate on or before the usage day', async () => {
  const rc = card([
    rate('meter-a', { 0: 1 }, { effective: '2024-01-01T00:00:00Z' }),
    rate('meter-a', { 0: 3 }, { effective: '2024-03-15T00:00:00Z' }),
    rate('meter-a', { 0: 9 }, { effective: '2024-04-01T00:00:00Z' }),
  ]);
  const ledger = await estimate(
    [row({ start: '2024-03-14T00:00:00Z', quantity: 1 }), row({ start: '2024-03-15T00:00:00Z', quantity: 1 })],
    rc, '2024-03-01', '2024-03-31');
  assert.deepEqual(costByBucket(ledger.cube), { '2024-03-14': '1', '2024-03-15': '3' });
});

test('hourly rows and one daily row of the same usage cost the same for the day', async () => {
  const hourly = Array.from({ length: 24 }, (_, h) =>
    row({ start: `2024-05-10T${String(h).padStart(2, '0')}:00:00Z`, quantity: 5, hours: 1 }));
  const daily = [row({ start: '2024-05-10T00:00:00Z', quantity: 120 })];
  const a = await estimate(hourly, tiered, '2024-05-01', '2024-05-31');
  const b = await estimate(daily, tiered, '2024-05-01', '2024-05-31');
  // 120 units: 100 × 2 + 20 × 1 = 220, whichever way they were reported.
  assert.deepEqual(costByBucket(a.cube), { '2024-05-10': '220' });
  assert.deepEqual(costByBucket(b.cube), { '2024-05-10': '220' });
});

test('an hourly ledger prices each hour at its place in the month', async () => {
  const hourly = Array.from({ length: 24 }, (_, h) =>
    row({ start: `2024-05-10T${String(h).padStart(2, '0')}:00:00Z`, quantity: 5, hours: 1 }));
  const ledger = await estimate(hourly, tiered, '2024-05-10', '2024-05-10', 'hour');
  const costs = costByBucket(ledger.cube);
  // Hours 00–19 reach 100 units at 2/unit (10 each); hours 20–23 are past the boundary (5 each).
  assert.equal(costs['2024-05-10T00:00Z'], '10');
  assert.equal(costs['2024-05-10T19:00Z'], '10');
  assert.equal(costs['2024-05-10T20:00Z'], '5');
  assert.equal(costs['2024-05-10T23:00Z'], '5');
  assert.equal(ledger.stats.coarserThanBucket, 0);
});

test('usage time, not arrival order, decides the day and the tier', async () => {
  // The September row arrives last (it was reported in October) but belongs to September's tiers.
  const ledger = await estimate(
    [
      row({ start: '2024-10-01T00:00:00Z', quantity: 100 }),
      row({ start: '2024-09-30T00:00:00Z', quantity: 100 }),
      // 23:00 on Sept 30 at UTC-2 is 01:00 on Oct 1 UTC.
      row({ start: '2024-09-30T23:00:00-02:00', quantity: 1, hours: 1 }),
    ],
    tiered, '2024-09-01', '2024-10-31');
  // Sept: 100 × 2 = 200. Oct 1: 100 × 2 + 1 × 1 = 201.
  assert.deepEqual(costByBucket(ledger.cube), { '2024-09-30': '200', '2024-10-01': '201' });
});

test('rows outside the ledger range are counted and left out', async () => {
  const ledger = await estimate([row({ start: '2024-04-30T00:00:00Z', quantity: 7 })], tiered, '2024-05-01', '2024-05-31');
  assert.equal(ledger.stats.outOfRange, 1);
  assert.deepEqual(costByBucket(ledger.cube), {});
});

test('a meter missing from the rate card is reported with its quantity, never priced at zero silently', async () => {
  const ledger = await estimate(
    [
      row({ start: '2024-05-01T00:00:00Z', quantity: 10 }),
      row({ start: '2024-05-01T00:00:00Z', quantity: 730, meterId: 'meter-missing' }),
      row({ start: '2024-05-02T00:00:00Z', quantity: 0.5, meterId: 'meter-missing' }),
    ],
    tiered, '2024-05-01', '2024-05-31');
  const report = unpricedMeters(ledger.cube, days('2024-05-01', '2024-05-31'));
  assert.equal(report.length, 1);
  assert.equal(report[0].meterId, 'meter-missing');
  assert.equal(report[0].reason, 'unknown-meter');
  assert.equal(report[0].quantity, '730.5');
  assert.equal(report[0].unit, 'Hours');
  assert.deepEqual(costByBucket(ledger.cube), { '2024-05-01': '20' });
});

test('usage before the first rate row is reported as having no rate in effect', async () => {
  const rc = card([rate('meter-a', { 0: 1 }, { effective: '2024-05-15T00:00:00Z' })]);
  const ledger = await estimate(
    [row({ start: '2024-05-14T00:00:00Z', quantity: 4 }), row({ start: '2024-05-15T00:00:00Z', quantity: 4 })],
    rc, '2024-05-01', '2024-05-31');
  const report = unpricedMeters(ledger.cube, days('2024-05-01', '2024-05-31'));
  assert.deepEqual(report.map((r) => [r.reason, r.quantity]), [['no-rate-in-effect', '4']]);
  assert.deepEqual(costByBucket(ledger.cube), { '2024-05-15': '4' });
});

test('a subscription without a rate card is reported, not priced', async () => {
  const ledger = await estimate([row({ start: '2024-05-01T00:00:00Z', quantity: 3 })], undefined, '2024-05-01', '2024-05-31');
  assert.deepEqual(unpricedMeters(ledger.cube, days('2024-05-01', '2024-05-31')).map((r) => r.reason), ['no-rate-card']);
});

test('units that differ by a factor are converted before pricing', async () => {
  const rc = card([
    rate('meter-tx', { 0: 0.0036 }, { unit: '10K' }),
    rate('meter-vm', { 0: 5 }, { unit: '100 Hours' }),
  ]);
  const ledger = await estimate(
    [
      // "10,000s" and "10K" are the same unit: 250 × 0.0036 = 0.9
      row({ start: '2024-05-01T00:00:00Z', quantity: 250, meterId: 'meter-tx', unit: '10,000s' }),
      // 250 Hours = 2.5 × 100 Hours → 2.5 × 5 = 12.5
      row({ start: '2024-05-02T00:00:00Z', quantity: 250, meterId: 'meter-vm', unit: 'Hours' }),
    ],
    rc, '2024-05-01', '2024-05-31');
  assert.deepEqual(costByBucket(ledger.cube), { '2024-05-01': '0.9', '2024-05-02': '12.5' });
});

test('units that count different things are reported as a unit mismatch', async () => {
  const rc = card([rate('meter-a', { 0: 1 }, { unit: '1 GB' })]);
  const ledger = await estimate([row({ start: '2024-05-01T00:00:00Z', quantity: 3, unit: 'Hours' })], rc, '2024-05-01', '2024-05-31');
  assert.deepEqual(unpricedMeters(ledger.cube, days('2024-05-01', '2024-05-31')).map((r) => r.reason), ['unit-mismatch']);
});

test('resources sharing a meter share the tiered cost of the day by quantity', async () => {
  const ledger = await estimate(
    [
      row({ start: '2024-05-01T00:00:00Z', quantity: 90, resourceUri: vmUri('vm1') }),
      row({ start: '2024-05-01T00:00:00Z', quantity: 30, resourceUri: vmUri('vm2') }),
    ],
    tiered, '2024-05-01', '2024-05-31');
  // 120 units together: 100 × 2 + 20 × 1 = 220, shared 3 : 1 → 165 and 55.
  const byResource = Object.fromEntries(ledger.cube.lines.map((l) => [l.resource.name, fixedToString(l.cost![0])]));
  assert.deepEqual(byResource, { vm1: '165', vm2: '55' });
  assert.equal(ledger.cube.lines[0].currency, 'USD');
});

test('resource URIs differing only in casing are one resource', async () => {
  const ledger = await estimate(
    [
      row({ start: '2024-05-01T00:00:00Z', quantity: 1, resourceUri: vmUri('VM1', 'RG1') }),
      row({ start: '2024-05-02T00:00:00Z', quantity: 1, resourceUri: vmUri('vm1', 'rg1') }),
    ],
    tiered, '2024-05-01', '2024-05-31');
  assert.equal(ledger.cube.lines.length, 1);
  assert.equal(ledger.cube.lines[0].resource.resourceGroup, 'rg1');
});

test('the pricing range starts at the first of the month so mid-month charts keep their tiers', () => {
  const range = pricingRangeFor(days('2024-02-20', '2024-03-05'));
  assert.equal(formatIsoDate(range.first), '2024-02-01');
  assert.equal(formatIsoDate(range.last), '2024-03-05');
  assert.equal(bucketDay({ granularity: 'hour', firstBucket: range.first * 24 }, 25), range.first + 1);
  assert.equal(SUB.length, 36);
});
