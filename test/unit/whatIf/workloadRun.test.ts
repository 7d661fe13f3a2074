// Estimate cost of a workload file against the emulator, through the real retail and RateCard
// clients: the documented example's lines priced at list prices computed here by hand from the
// emulator's price book, another region, another offer; a line the price list cannot place is a
// problem on its own text while the rest still prices; a second run reads its prices from disk.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { parseIsoDate } from '../../../src/insight/calendar';
import { readWorkload } from '../../../src/insight/whatIf/workloadFile';
import { PriceCache } from '../../../src/views/whatIf/priceCache';
import { estimateWorkload, WorkloadInputs } from '../../../src/views/whatIf/workloadRun';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { testClient } from '../azure/clientFixture';

const emulator = useEmulator();
const folder = mkdtempSync(join(tmpdir(), 'workload-cache-'));
after(() => rmSync(folder, { recursive: true, force: true }));
const root = resolve(__dirname, '../../../..');

const texts: WorkloadInputs['texts'] = {
  baseline: (offer) => `Now: ${offer}`,
  region: (r) => `In ${r}`,
  offerRefused: (d) => `Refused: ${d}`,
  noRetailPrices: 'no retail',
  currencyNotOffered: (c) => `no ${c}`,
  listPrices: 'List prices',
  noSubscription: 'no subscription',
  currencyNotCompared: 'not compared',
};

test('the example workload at list prices, in another region and under another offer', async () => {
  const emu = emulator();
  const sub = emu.world.subscriptions.find((s) => s.offerId === 'MS-AZR-0003P' && s.tenantId === emu.tenantId && s.currency === 'USD')!;
  const { client } = testClient(emu);
  const text = readFileSync(join(root, 'docs/examples/web-shop.azcost.json'), 'utf8')
    .replace('"lines": [', '"lines": [\n    { "label": "Bad unit", "service": "Storage", "product": "Premium SSD Managed Disks", "sku": "P10 LRS", "meter": "P10 LRS Disk", "quantity": 1, "unit": "Hours" },\n    { "label": "Nowhere", "vm": "Standard_Z99" },');
  const read = readWorkload(text);
  assert.deepEqual(read.problems, []);
  const inputs: WorkloadInputs = { transport: client, cache: new PriceCache(folder), retailEndpoint: emu.baseUrl, subscriptionId: sub.subscriptionId, regionInfo: sub.regionInfo, today: parseIsoDate(FIXED_AS_OF)!, texts };
  const workload = read.workload!;
  const { report, problems } = await estimateWorkload(inputs, workload);
  assert.deepEqual(problems.map((p) => [p.code, text.slice(p.offset, p.offset + p.length)]), [
    ['unitMismatch', '{ "label": "Bad unit", "service": "Storage", "product": "Premium SSD Managed Disks", "sku": "P10 LRS", "meter": "P10 LRS Disk", "quantity": 1, "unit": "Hours" }'],
    ['unknownMeter', '{ "label": "Nowhere", "vm": "Standard_Z99" }'],
  ]);
  // By hand from the emulator's US price book (meterTemplates.ts): 2 × 730 h × 0.096; 2 × P10 at
  // 19.71; 500 GB × 0.0184; 1,460 vCore hours × 0.2522; 200 GB out with 5 GB free, then 100 GB at
  // 0.087 and 95 GB at 0.083 (the tier boundary at 105 GB) = 16.585.
  const cents = (label: string) => {
    const meter = report.meters.find((m) => m.name === label)!;
    return meter.cells.map((c) => ('costMinor' in c ? c.costMinor : c.reason));
  };
  assert.deepEqual(cents('Web servers'), [14016, 15418, 14016]);
  assert.deepEqual(cents('Data disks'), [3942, 4336, 3942]);
  assert.deepEqual(cents('Images'), [920, 1012, 920]);
  assert.deepEqual(cents('Database'), [36821, 40503, 36821]);
  assert.deepEqual(cents('Downloads'), [1659, 'regionlessMeter', 1659]);
  assert.deepEqual(report.alternatives.map((a) => [a.id, a.totalMinor]), [
    ['baseline', 14016 + 3942 + 920 + 36821 + 1659],
    ['region:westeurope', 15418 + 4336 + 1012 + 40503],
    ['offer:MS-AZR-0023P', 14016 + 3942 + 920 + 36821 + 1659],
  ]);
  assert.deepEqual(report.refused.map((r) => [r.label, r.reason]), [['EUR', 'not compared']]);

  // Again: every price from the disk cache, nothing asked of Azure.
  emu.stats.total = 0;
  const again = await estimateWorkload(inputs, workload);
  assert.equal(emu.stats.total, 0);
  assert.equal(again.report.alternatives[0].totalMinor, report.alternatives[0].totalMinor);
});

test('without a subscription, offers are refused and the rest still prices', async () => {
  const emu = emulator();
  const { client } = testClient(emu);
  const read = readWorkload('{ "offers": ["MS-AZR-0023P"], "lines": [ { "storageGb": 100 } ] }');
  const inputs: WorkloadInputs = { transport: client, cache: new PriceCache(folder), retailEndpoint: emu.baseUrl, regionInfo: 'US', today: parseIsoDate(FIXED_AS_OF)!, texts };
  const { report, problems } = await estimateWorkload(inputs, read.workload!);
  assert.deepEqual(problems, []);
  assert.deepEqual(report.alternatives.map((a) => a.totalMinor), [184]);
  assert.deepEqual(report.refused.map((r) => r.reason), ['no subscription']);
});
