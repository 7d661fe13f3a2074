// A what-if of a pay-as-you-go subscription against the emulator, through the real clients: the
// baseline is the usage panel's estimate to the cent (from the same priced usage, nothing fetched
// again), other offers come from their RateCards (credit shown), EA and CSP say why not, other
// regions price the same meters or list why not, and a second run reads every price list from disk.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DayNumber, parseIsoDate } from '../../../src/insight/calendar';
import { pricingRangeFor } from '../../../src/insight/usageLedger';
import { resolvePeriod } from '../../../src/insight/periods';
import { PriceCache } from '../../../src/views/whatIf/priceCache';
import { runWhatIf, WhatIfTexts } from '../../../src/views/whatIf/whatIfRun';
import { UsageCostSource } from '../../../src/views/usagePanel/usageCostSource';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { testClient } from '../azure/clientFixture';

const emulator = useEmulator();
const folder = mkdtempSync(join(tmpdir(), 'whatif-cache-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const texts: WhatIfTexts = {
  baseline: (offer) => `Now: ${offer}`,
  region: (r) => `In ${r}`,
  offerRefused: (d) => `Refused: ${d}`,
  noRetailPrices: 'no retail',
  currencyNotOffered: (c) => `no ${c}`,
};
const today: DayNumber = parseIsoDate(FIXED_AS_OF)!;

test('what-if of a pay-as-you-go subscription: baseline, offers, regions, commitments, cached prices', async () => {
  const emu = emulator();
  const sub = emu.world.subscriptions.find((s) => s.offerId === 'MS-AZR-0003P' && s.tenantId === emu.tenantId && s.currency === 'USD')!;
  const { client } = testClient(emu);
  const source = new UsageCostSource(client, { subscriptionId: sub.subscriptionId, label: sub.displayName, offerDurableId: sub.offerId, currency: sub.currency, regionInfo: sub.regionInfo });
  const resolved = resolvePeriod({ preset: 'lastMonth' }, { today });
  assert.ok(resolved.ok);
  const period = resolved.period;
  const priced = await source.estimate(pricingRangeFor(period), 'day');
  let estimate = 0n;
  for (const line of priced.cube.lines) { for (const c of line.cost ?? []) { estimate += c; } }

  const cache = new PriceCache(folder);
  const plan = { offers: ['MS-AZR-0023P', 'MS-AZR-0063P', 'MS-AZR-0017P', 'MS-AZR-0145P'], regions: ['westeurope', 'koreacentral', 'brazilsouth'] };
  const inputs = { transport: client, cache, retailEndpoint: emu.baseUrl, subscriptionId: sub.subscriptionId, regionInfo: sub.regionInfo, priced, period, texts };
  emu.stats.total = 0;
  emu.stats.byRoute = {};
  const report = await runWhatIf(inputs, plan);
  const usageCalls = Object.entries(emu.stats.byRoute).filter(([route]) => /UsageAggregates/i.test(route));
  assert.deepEqual(usageCalls, [], 'the usage is the panel\'s: not fetched again');

  const [baseline, ...others] = report.alternatives;
  assert.equal(baseline.kind, 'baseline');
  assert.equal(baseline.grossMinor, Math.round(Number(estimate) / 1e16), 'baseline = the panel estimate, to the cent');
  assert.equal(baseline.unpriced.length, 0);
  // Every column of the table adds up to its alternative's gross.
  report.alternatives.forEach((a, i) => {
    const sum = report.meters.reduce((s, m) => s + ('costMinor' in m.cells[i] ? m.cells[i].costMinor : 0), 0);
    assert.equal(sum, a.grossMinor, a.label);
  });
  assert.deepEqual(others.map((a) => a.id), ['offer:MS-AZR-0023P', 'offer:MS-AZR-0063P', 'region:westeurope', 'region:koreacentral', 'region:brazilsouth']);
  const devTest = others[0];
  assert.ok(devTest.totalMinor <= baseline.totalMinor, 'Dev/Test costs no more');
  const vse = others[1];
  assert.equal(vse.creditMinor, Math.min(15000, vse.grossMinor), 'the 150 monthly credit of Visual Studio Enterprise, one month');
  assert.deepEqual(report.refused.map((r) => r.label), ['Enterprise Agreement (MS-AZR-0017P)', 'Cloud Solution Provider (MS-AZR-0145P)']);
  assert.ok(report.refused.every((r) => r.reason.startsWith('Refused: ') && r.reason.length > 20));
  // Regions: bandwidth and other region-less meters are listed, never priced at zero.
  for (const region of others.slice(2)) {
    assert.ok(region.unpriced.length > 0, region.label);
    for (const u of region.unpriced) {
      const meter = report.meters.find((m) => m.key === u.meterKey)!;
      assert.ok(!('costMinor' in meter.cells[report.alternatives.indexOf(region)]));
    }
  }
  const reasons = new Set(others.slice(2).flatMap((r) => r.unpriced.map((u) => u.reason)));
  assert.ok(reasons.has('regionlessMeter'), [...reasons].join());
  // Prices abroad are higher than at home for the meters priced in both (US prices × 1.1, 1.21, 1.46).
  const brazil = report.alternatives.findIndex((a) => a.id === 'region:brazilsouth');
  const pricedBoth = report.meters.filter((m) => 'costMinor' in m.cells[0] && 'costMinor' in m.cells[brazil] && m.cells[0].costMinor > 100);
  assert.ok(pricedBoth.length > 0);
  for (const m of pricedBoth) {
    const home = m.cells[0] as { costMinor: number };
    const there = m.cells[brazil] as { costMinor: number };
    assert.ok(there.costMinor > home.costMinor, m.name);
  }
  // The first resource of every subscription is an always-on VM: its Linux meter has commitments.
  assert.ok(report.commitments.length > 0);
  for (const c of report.commitments) { assert.ok(c.options.every((o) => o.breakEvenUtilisation > 0 && o.breakEvenUtilisation < 1.5)); }

  // Second run: every RateCard and retail list from disk, nothing asked of the network.
  const files = readdirSync(folder).length;
  assert.ok(files >= 3);
  emu.stats.total = 0;
  const again = await runWhatIf({ ...inputs, cache: new PriceCache(folder) }, plan);
  const nonRefused = emu.stats.total;
  assert.equal(nonRefused, 0, JSON.stringify(emu.stats.byRoute));
  assert.deepEqual(again.alternatives.map((a) => a.totalMinor), report.alternatives.map((a) => a.totalMinor));
});
