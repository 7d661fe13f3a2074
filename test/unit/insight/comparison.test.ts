import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareEstimateToActual } from '../../../src/insight/comparison';
import { GroupedCosts } from '../../../src/insight/grouping';

function totals(currency: string, bucketTotals: number[]): GroupedCosts['currencies'][number] {
  const total = bucketTotals.reduce((s, v) => s + v, 0);
  return { currency, fractionDigits: 2, groups: [], bucketTotals, cumulative: [], total };
}

test('each day shows estimate, actual and their difference; totals are the sums of the rows', () => {
  const buckets = ['2024-05-01', '2024-05-02'];
  const estimate: GroupedCosts = { granularity: 'day', buckets, currencies: [totals('USD', [1000, 1200])] };
  const actual: GroupedCosts = { granularity: 'day', buckets, currencies: [totals('USD', [1010, 1150]), totals('EUR', [90, 90])] };
  const [eur, usd] = compareEstimateToActual(estimate, actual);
  assert.deepEqual(usd.rows, [
    { bucket: '2024-05-01', estimate: 1000, actual: 1010, difference: 10 },
    { bucket: '2024-05-02', estimate: 1200, actual: 1150, difference: -50 },
  ]);
  assert.deepEqual(usd.totals, { estimate: 2200, actual: 2160, difference: -40 });
  // No estimate in euros: shown as missing, never as zero.
  assert.deepEqual(eur.totals, { estimate: null, actual: 180, difference: null });
});

test('series over different days are refused', () => {
  const a: GroupedCosts = { granularity: 'day', buckets: ['2024-05-01'], currencies: [] };
  const b: GroupedCosts = { granularity: 'day', buckets: ['2024-05-02'], currencies: [] };
  assert.throws(() => compareEstimateToActual(a, b), /different days/);
});
