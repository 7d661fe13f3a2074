import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedFromString as d, fixedToString } from '../../../src/insight/fixedDecimal';
import { TieredRate, cumulativeCost, incrementalCost } from '../../../src/insight/tieredCost';

const twoTiers = (included = '0'): TieredRate => ({
  tiers: [
    { threshold: d('0'), price: d('1.99') },
    { threshold: d('100'), price: d('0.99') },
  ],
  includedQuantity: d(included),
});

test('the worked example of the API reference: 150 units, 5 included → 100×1.99 + 45×0.99 = 243.55', () => {
  assert.equal(fixedToString(cumulativeCost(twoTiers('5'), d('150'))), '243.55');
});

test('exactly at a tier boundary every unit is at the first price', () => {
  assert.equal(fixedToString(cumulativeCost(twoTiers(), d('100'))), '199');
});

test('one unit past the boundary costs the second price', () => {
  assert.equal(fixedToString(incrementalCost(twoTiers(), d('100'), d('1'))), '0.99');
});

test('a quantity that straddles the boundary is split between the tiers', () => {
  // 95 units already this month; 10 more: 5 × 1.99 + 5 × 0.99 = 9.95 + 4.95 = 14.90
  assert.equal(fixedToString(incrementalCost(twoTiers(), d('95'), d('10'))), '14.9');
});

test('included quantity is free, and only the excess is billed', () => {
  assert.equal(cumulativeCost(twoTiers('5'), d('5')), 0n);
  assert.equal(cumulativeCost(twoTiers('5'), d('3')), 0n);
  // 7 units with 5 free: 2 × 1.99
  assert.equal(fixedToString(cumulativeCost(twoTiers('5'), d('7'))), '3.98');
});

test('three tiers with a free first tier (like 5 GB free egress)', () => {
  const rate: TieredRate = {
    tiers: [
      { threshold: d('0'), price: d('0') },
      { threshold: d('5'), price: d('0.087') },
      { threshold: d('10240'), price: d('0.083') },
    ],
    includedQuantity: 0n,
  };
  // 10245 GB: 5 free, 10235 × 0.087 = 890.445, 5 × 0.083 = 0.415 → 890.86
  assert.equal(fixedToString(cumulativeCost(rate, d('10245'))), '890.86');
});

test('decimal quantities do not drift: 0.1 + 0.2 units at 1.00 cost exactly 0.3', () => {
  const rate: TieredRate = { tiers: [{ threshold: 0n, price: d('1') }], includedQuantity: 0n };
  const first = incrementalCost(rate, 0n, d('0.1'));
  const second = incrementalCost(rate, d('0.1'), d('0.2'));
  assert.equal(fixedToString(first + second), '0.3');
});
