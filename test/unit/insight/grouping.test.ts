import assert from 'node:assert/strict';
import { test } from 'node:test';
import { priceUsage } from '../../../src/insight/estimate';
import { GroupBy, groupCosts } from '../../../src/insight/grouping';
import { RateCard, UsageRecord } from '../../../src/insight/inputs';
import { RateIndex } from '../../../src/insight/rateIndex';
import { collectUsage } from '../../../src/insight/usageLedger';
import { card, days, rate, row, vmUri } from './usageFixtures';

const flat = (price: number, currency = 'USD') => card([rate('meter-a', { 0: price })], currency);

async function priced(rows: UsageRecord[], cards: Record<string, RateCard> | RateCard, first = '2024-05-01', last = '2024-05-31') {
  const ledger = await collectUsage(rows, days(first, last), 'day');
  const indexes = new Map<string, RateIndex>();
  priceUsage(ledger.cube, (sub) => {
    const c = 'currency' in cards ? (cards as RateCard) : cards[sub];
    if (!indexes.has(sub)) { indexes.set(sub, new RateIndex(c)); }
    return indexes.get(sub);
  });
  return ledger.cube;
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

test('grouping by a tag key puts untagged resources in their own bucket; tag keys match in any case', async () => {
  const cube = await priced(
    [
      row({ start: '2024-05-01T00:00:00Z', quantity: 10, resourceUri: vmUri('vm1'), tags: { env: 'prod' } }),
      row({ start: '2024-05-01T00:00:00Z', quantity: 20, resourceUri: vmUri('vm2'), tags: { Env: 'dev' } }),
      row({ start: '2024-05-01T00:00:00Z', quantity: 5, resourceUri: vmUri('vm3') }),
    ],
    flat(1));
  const usd = groupCosts(cube, { groupBy: 'tag:env', range: days('2024-05-01', '2024-05-01'), topN: 10, labels: { untagged: 'Sans tag' } })
    .currencies[0];
  assert.deepEqual(usd.groups.map((g) => [g.label, g.kind, g.total]), [
    ['dev', 'value', 2000],
    ['prod', 'value', 1000],
    ['Sans tag', 'untagged', 500],
  ]);
  assert.equal(usd.total, 3500);
});

test('top N groups plus Other: Other holds the rest and the totals still add up', async () => {
  const quantities = [50, 40, 30, 20, 10];
  const rows = quantities.flatMap((q, i) => [
    row({ start: '2024-05-01T00:00:00Z', quantity: q, resourceUri: vmUri(`vm${i + 1}`) }),
    row({ start: '2024-05-02T00:00:00Z', quantity: q / 2, resourceUri: vmUri(`vm${i + 1}`) }),
  ]);
  const usd = groupCosts(await priced(rows, flat(1)), { groupBy: 'resource', range: days('2024-05-01', '2024-05-02'), topN: 2 })
    .currencies[0];
  assert.deepEqual(usd.groups.map((g) => [g.label, g.values]), [
    ['vm1', [5000, 2500]],
    ['vm2', [4000, 2000]],
    ['Other', [6000, 3000]], // vm3 + vm4 + vm5 = 30 + 20 + 10, then half of that
  ]);
  assert.deepEqual(usd.bucketTotals, [15000, 7500]);
  assert.deepEqual(usd.cumulative, [15000, 22500]);
  assert.equal(usd.total, 22500);
});

test('rounded bars add up to the total, and the total is the exact sum rounded once', async () => {
  // Three resources each cost 0.333 on one day: exactly 0.999 together, shown as 1.00.
  const rows = [1, 2, 3].map((i) => row({ start: '2024-05-01T00:00:00Z', quantity: 333, resourceUri: vmUri(`vm${i}`) }));
  const usd = groupCosts(await priced(rows, flat(0.001)), { groupBy: 'resource', range: days('2024-05-01', '2024-05-01'), topN: 5 })
    .currencies[0];
  assert.equal(usd.total, 100);
  assert.equal(sum(usd.groups.map((g) => g.total)), 100);
  assert.deepEqual(usd.groups.map((g) => g.values[0]).sort(), [33, 33, 34]);
});

test('currencies are kept apart and never summed', async () => {
  const rows = [
    row({ start: '2024-05-01T00:00:00Z', quantity: 10, subscriptionId: 'sub-usd' }),
    row({ start: '2024-05-01T00:00:00Z', quantity: 10, subscriptionId: 'sub-jpy' }),
  ];
  const grouped = groupCosts(await priced(rows, { 'sub-usd': flat(1.5, 'USD'), 'sub-jpy': flat(150, 'JPY') }), {
    groupBy: 'meterCategory', range: days('2024-05-01', '2024-05-01'), topN: 5,
  });
  assert.deepEqual(grouped.currencies.map((c) => [c.currency, c.fractionDigits, c.total]), [
    ['JPY', 0, 1500],
    ['USD', 2, 1500],
  ]);
});

test('regrouping the same cube gives the same grand total under every grouping', async () => {
  const rows = [
    row({ start: '2024-05-01T00:00:00Z', quantity: 3.3, resourceUri: vmUri('a', 'rg-a'), location: 'westus', tags: { team: 'x' } }),
    row({ start: '2024-05-02T00:00:00Z', quantity: 4.4, resourceUri: vmUri('b', 'rg-b'), location: 'eastus' }),
    row({ start: '2024-05-03T00:00:00Z', quantity: 5.5, resourceUri: vmUri('c', 'rg-b'), location: 'eastus', meterCategory: 'Storage' }),
  ];
  const cube = await priced(rows, flat(0.77));
  const totals = (['meterCategory', 'service', 'resourceGroup', 'region', 'resource', 'meter', 'tag:team'] as GroupBy[]).map(
    (groupBy) => groupCosts(cube, { groupBy, range: days('2024-05-01', '2024-05-31'), topN: 1 }).currencies[0].total,
  );
  // 13.2 units × 0.77 = 10.164 → 1016 cents, whichever way it is cut.
  assert.deepEqual(new Set(totals), new Set([1016]));
  const byRg = groupCosts(cube, { groupBy: 'resourceGroup', range: days('2024-05-01', '2024-05-31'), topN: 5 }).currencies[0];
  assert.deepEqual(byRg.groups.map((g) => [g.label, g.total]), [['rg-b', 762], ['rg-a', 254]]);
  const byService = groupCosts(cube, { groupBy: 'service', range: days('2024-05-01', '2024-05-31'), topN: 5 }).currencies[0];
  assert.deepEqual(byService.groups.map((g) => g.label), ['microsoft.compute/virtualmachines']);
});

test('a display range inside the priced range shows only its days but keeps the month-to-date tiers', async () => {
  const rows = [row({ start: '2024-05-01T00:00:00Z', quantity: 100 }), row({ start: '2024-05-20T00:00:00Z', quantity: 10 })];
  const cube = await priced(rows, card([rate('meter-a', { 0: 2, 100: 1 })]));
  const shown = groupCosts(cube, { groupBy: 'meterCategory', range: days('2024-05-15', '2024-05-21'), topN: 5 });
  assert.equal(shown.buckets.length, 7);
  assert.equal(shown.buckets[0], '2024-05-15');
  // May 20 is past the first 100 units of May: 10 × 1.
  assert.equal(shown.currencies[0].total, 1000);
  assert.equal(shown.currencies[0].groups[0].values[5], 1000);
});
