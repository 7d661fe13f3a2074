import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectActualCosts } from '../../../src/insight/actualCosts';
import { groupCosts } from '../../../src/insight/grouping';
import { CostQueryRow } from '../../../src/insight/inputs';
import { collectUsage } from '../../../src/insight/usageLedger';
import { days, row, vmUri } from './usageFixtures';

async function* stream(rows: CostQueryRow[]): AsyncIterable<CostQueryRow> {
  // Each row after an await, as from a real stream of pages.
  for (const r of rows) { yield await Promise.resolve(r); }
}

const costRow = (date: string, amount: number, resourceId: string, currency = 'USD', category = 'Virtual Machines'): CostQueryRow => ({
  date,
  cost: { amount, currency },
  dimensions: { ResourceId: resourceId, MeterCategory: category },
});

test('actual costs group like the estimate, borrowing tags and regions from the usage rows', async () => {
  const usage = await collectUsage(
    [row({ start: '2024-05-01T00:00:00Z', quantity: 1, resourceUri: vmUri('vm1'), tags: { env: 'prod' }, location: 'eastus' })],
    days('2024-05-01', '2024-05-31'), 'day');
  const { cube, stats } = await collectActualCosts(
    stream([
      costRow('2024-05-01', 0.1, vmUri('VM1')),
      costRow('2024-05-01', 0.2, vmUri('vm1')),
      costRow('2024-05-02', 1.25, vmUri('vm2')),
      costRow('2024-06-01', 9, vmUri('vm2')),
    ]),
    days('2024-05-01', '2024-05-31'),
    usage.cube.dimensions,
  );
  assert.equal(stats.outOfRange, 1);
  const byTag = groupCosts(cube, { groupBy: 'tag:env', range: days('2024-05-01', '2024-05-02'), topN: 5 }).currencies[0];
  // Largest first. vm2 has no usage row, so no tags: untagged. 0.1 + 0.2 is exactly 0.30 for prod.
  assert.deepEqual(byTag.groups.map((g) => [g.kind, g.label, g.values]), [
    ['untagged', 'Untagged', [0, 125]],
    ['value', 'prod', [30, 0]],
  ]);
  const byRegion = groupCosts(cube, { groupBy: 'region', range: days('2024-05-01', '2024-05-02'), topN: 5 }).currencies[0];
  // vm2's region is unknown (no usage row, no ResourceLocation column): its own "(none)" bucket.
  assert.deepEqual(byRegion.groups.map((g) => [g.kind, g.label, g.total]), [['none', '(none)', 125], ['value', 'eastus', 30]]);
});

test('rows in several currencies stay in separate series', async () => {
  const { cube } = await collectActualCosts(
    [costRow('2024-05-01', 10, vmUri('a'), 'EUR'), costRow('2024-05-01', 10, vmUri('a'), 'USD')],
    days('2024-05-01', '2024-05-01'),
  );
  const grouped = groupCosts(cube, { groupBy: 'meterCategory', range: days('2024-05-01', '2024-05-01'), topN: 5 });
  assert.deepEqual(grouped.currencies.map((c) => [c.currency, c.total]), [['EUR', 1000], ['USD', 1000]]);
});
