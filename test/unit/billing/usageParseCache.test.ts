// The fast path for common UsageAggregates rows (shared decoding of repeated strings) must give
// exactly what the careful path gives, and hand anything unusual to the careful path.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseUsageAggregate, UsageParseCache } from '../../../src/billing/models/usage';
import { fixedFromNumber, fixedFromString } from '../../../src/insight/fixedDecimal';
import usage from './fixtures/usage-aggregates-2015-06-01-preview.json';

const modern = (over: Record<string, unknown> = {}) => ({
  id: '/subscriptions/sub1/providers/Microsoft.Commerce/UsageAggregates/r1',
  name: 'r1',
  properties: {
    subscriptionId: 'sub1', usageStartTime: '2024-05-01T03:00:00+00:00', usageEndTime: '2024-05-01T04:00:00+00:00',
    meterId: 'm1', meterName: 'D2s v3', meterCategory: 'Virtual Machines', meterSubCategory: 'Dsv3', meterRegion: 'US West', unit: 'Hours', quantity: 0.75,
    infoFields: {},
    instanceData: JSON.stringify({ 'Microsoft.Resources': { resourceUri: '/subscriptions/sub1/resourceGroups/RG1/providers/Microsoft.Compute/virtualMachines/VM1', location: 'westus', tags: { env: 'dev' } } }),
    ...over,
  },
});

describe('usage rows: the cached fast path', () => {
  it('gives the same row as the careful path, for the fixtures and for odd rows', () => {
    const rows: unknown[] = [
      ...usage.value,
      modern(),
      modern({ infoFields: undefined, instanceData: undefined }),
      modern({ infoFields: null, meterName: null }),
      modern({ infoFields: { project: 'p1', meteredService: 'Storage' }, instanceData: '' }),
      modern({ quantity: '1.5' }),
      modern({ meterId: 7 }),
      modern({ meterId: '' }),
      modern({ unit: 3 }),
      modern({ usageStartTime: '2024-13-01T00:00:00Z' }),
      modern({ instanceData: '{"other":{}}' }),
      modern({ instanceData: { 'Microsoft.Resources': { resourceUri: '/x' } } }),
      modern({ infoFields: 'legacy' }),
      { id: 'no-properties' },
    ];
    const cache = new UsageParseCache();
    for (const raw of [...rows, ...rows]) { assert.deepEqual(parseUsageAggregate(raw, cache), parseUsageAggregate(raw), JSON.stringify(raw)); }
  });

  it('decodes a repeated instanceData and time once and shares them between rows', () => {
    const cache = new UsageParseCache();
    const a = parseUsageAggregate(modern(), cache);
    const b = parseUsageAggregate(modern({ quantity: 2 }), cache);
    assert.ok('instanceData' in a && 'instanceData' in b);
    assert.equal(a.instanceData, b.instanceData);
    assert.equal(a.usageStartTime, b.usageStartTime);
    assert.equal(b.resourceId, '/subscriptions/sub1/resourcegroups/rg1/providers/microsoft.compute/virtualmachines/vm1');
  });
});

describe('fixed decimals from JSON numbers', () => {
  it('the arithmetic shortcut equals reading the shortest decimal text', () => {
    const samples = [0.1, 0.2, 0.1 + 0.2, 0.057865, 1e-12, 5e-13, 1.5e-12, 2047.999999999999, 2047.9999999999995, 1234.567890123, 1e-7, 1 / 3, 2048.5, 123456.789];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 20000; i++) {
      const magnitude = 10 ** (Math.floor(random() * 8) - 4);
      const value = random() * magnitude;
      samples.push(value, -value, Number(value.toFixed(Math.floor(random() * 14))));
    }
    for (const value of samples) { assert.equal(fixedFromNumber(value), fixedFromString(String(value)), String(value)); }
  });
});
