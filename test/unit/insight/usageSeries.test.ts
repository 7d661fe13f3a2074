import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apportion } from '../../../src/insight/apportion';
import { fixedFromString as d } from '../../../src/insight/fixedDecimal';
import { collectUsage } from '../../../src/insight/usageLedger';
import { usageByMeter } from '../../../src/insight/usageSeries';
import { days, row, vmUri } from './usageFixtures';

test('usage is a series per meter in its own unit, quantities of different meters never added', async () => {
  const ledger = await collectUsage(
    [
      row({ start: '2024-05-01T00:00:00Z', quantity: 0.1, resourceUri: vmUri('a'), meterId: 'm-gb', unit: 'GB', meterCategory: 'Storage' }),
      row({ start: '2024-05-01T00:00:00Z', quantity: 0.2, resourceUri: vmUri('b'), meterId: 'm-gb', unit: 'GB', meterCategory: 'Storage' }),
      row({ start: '2024-05-02T00:00:00Z', quantity: 24, meterId: 'm-h', unit: 'Hours' }),
    ],
    days('2024-05-01', '2024-05-31'), 'day');
  const usage = usageByMeter(ledger.cube, days('2024-05-01', '2024-05-02'));
  assert.deepEqual(usage.buckets, ['2024-05-01', '2024-05-02']);
  assert.deepEqual(usage.meters.map((m) => [m.meterId, m.unit, m.values, m.totalText]), [
    ['m-gb', 'GB', [0.3, 0], '0.3'],
    ['m-h', 'Hours', [0, 24], '24'],
  ]);
});

test('apportioned parts sum to the rounded whole, also with negative corrections', () => {
  // 0.335 + 0.335 + 0.335 = 1.005 → 1.01 (half away from zero); parts 0.34, 0.34, 0.33.
  const parts = apportion([d('0.335'), d('0.335'), d('0.335')], 2);
  assert.deepEqual(parts, [34n, 34n, 33n]);
  // 2.50 - 0.004 = 2.496 → 2.50.
  const withRefund = apportion([d('2.5'), d('-0.004')], 2);
  assert.equal(withRefund[0] + withRefund[1], 250n);
  assert.deepEqual(withRefund, [250n, 0n]);
});
