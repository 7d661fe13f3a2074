// Properties of the usage world itself: made from the seed (same seed, same answers), big enough
// (100+ resources, 13 months), shaped like Azure (tags, late rows, tiers, several offers and
// currencies), and its rounding rule: a meter's daily cents add up to the rounded cost of the
// month's quantity, and per-resource cents add up to the meter's.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWorld } from '../../emulator/world';
import type { WorldOptions, WorldSubscription } from '../../emulator/world/types';
import { usageWorldOf } from '../../emulator/world/usage/access';
import { addMonths, dayNumber, dayString } from '../../emulator/world/usage/calendar';
import { dayUnits, reportedLate } from '../../emulator/world/usage/hourlyUsage';
import { offerPricing } from '../../emulator/world/usage/offers';
import { exactTieredCost, roundToCents } from '../../emulator/world/usage/tierCost';
import { FIXED_AS_OF } from '../../support/emulator';

const options: WorldOptions = { seed: 1, scale: 'small', asOf: FIXED_AS_OF };
const worldOf = (o: WorldOptions) => {
  const world = createWorld(o);
  return { usage: usageWorldOf(world), subs: (world as unknown as { subscriptions: WorldSubscription[] }).subscriptions };
};

describe('the usage world', () => {
  const { usage, subs } = worldOf(options);

  it('has 100+ resources across its subscriptions, with usage from 13 months before today up to yesterday', () => {
    const resources = subs.flatMap((s) => usage.resourcesOf(s.subscriptionId));
    assert.ok(resources.length >= 100, `${resources.length} resources`);
    assert.equal(dayString(usage.window.firstDay), '2025-10-01');
    assert.equal(dayString(usage.window.lastDay), '2026-11-14');
    const groups = new Set(resources.map((r) => `${r.subscriptionId}/${r.resourceGroup}`));
    assert.ok(groups.size > subs.length, 'several resource groups per subscription');
    assert.ok(new Set(resources.map((r) => r.location)).size >= 4, 'several regions');
    const categories = new Set(resources.flatMap((r) => r.streams.map((s) => s.meter.meterCategory)));
    for (const c of ['Virtual Machines', 'Storage', 'Bandwidth', 'SQL Database']) assert.ok(categories.has(c), c);
    const units = new Set(resources.flatMap((r) => r.streams.map((s) => s.meter.rateCardUnit)));
    for (const u of ['1 Hour', '1 GB/Month', '10K']) assert.ok(units.has(u), u);
  });

  it('tags most resources with env, a cost centre and owner, with the mess real estates have, and leaves some untagged', () => {
    const resources = subs.flatMap((s) => usage.resourcesOf(s.subscriptionId));
    const untagged = resources.filter((r) => !r.tags).length;
    assert.ok(untagged > 0 && untagged < resources.length / 2);
    const keys = new Set(resources.flatMap((r) => Object.keys(r.tags ?? {})));
    const isCentre = (k: string) => k.toLowerCase() === 'costcenter';
    assert.deepEqual([...keys].filter((k) => !isCentre(k)).sort(), ['env', 'owner', 'workload']);
    assert.deepEqual([...keys].filter(isCentre).sort(), ['COSTCENTER', 'CostCenter', 'costCenter', 'costcenter']);
    const values = new Set(resources.flatMap((r) => Object.entries(r.tags ?? {}).filter(([k]) => isCentre(k)).map(([, v]) => v)));
    assert.ok([...values].some((v) => v !== v.trim()), 'values padded with spaces');
    assert.ok([...values].some((v) => v.startsWith('cc-')), 'values in lower case');
    assert.ok([...values].some((v) => /^CC\d/.test(v)), 'values without the hyphen');
    const shared = resources.filter((r) => r.tags?.workload === 'shared-services');
    assert.ok(shared.length > 0 && shared.every((r) => ['rg-shared', 'rg-network'].includes(r.resourceGroup.toLowerCase())), 'shared infrastructure marked');
  });

  it('reports a few percent of resource-days a day late', () => {
    let late = 0;
    let total = 0;
    for (const s of subs) {
      for (const st of usage.streamsOf(s.subscriptionId)) {
        for (let d = usage.window.firstDay; d <= usage.window.lastDay; d += 3) {
          total++;
          if (reportedLate(st, d)) late++;
        }
      }
    }
    assert.ok(late / total > 0.02 && late / total < 0.07, `${((100 * late) / total).toFixed(1)} % late`);
  });

  it('prices subscriptions in several currencies, some by a rate card and some by a negotiated price list', () => {
    assert.ok(new Set(subs.map((s) => s.currency)).size >= 2);
    const kinds = new Set(subs.map((s) => offerPricing(s.offerId).kind));
    assert.ok(kinds.has('rateCard') && kinds.has('priceList'));
    const october = (s: WorldSubscription) => usage.costBetween(s.subscriptionId, '2026-10-01', '2026-10-31');
    for (const s of subs) assert.ok(october(s) >= 0);
    assert.ok(subs.filter((s) => october(s) > 0).length >= subs.length - 2, 'nearly every subscription has costs');
  });

  it('rounds per meter and day so that a month adds up to the rounded cost of its quantity, and resources add up to their meter', () => {
    const sub = subs.find((s) => s.offerId === 'MS-AZR-0003P')!;
    const month = addMonths(dayNumber(FIXED_AS_OF), -1);
    const ledger = usage.ledger(sub.subscriptionId, month);
    const byMeter = new Map<number, number[]>();
    ledger.streams.forEach((s, pos) => byMeter.set(s.meter.index, [...(byMeter.get(s.meter.index) ?? []), pos]));
    let checked = 0;
    for (const positions of byMeter.values()) {
      const meter = ledger.streams[positions[0]].meter;
      if (usage.prices.history(meter, sub.offerId, sub.currency).length > 1) continue; // a mid-month price change breaks the identity on purpose
      let quantity = 0;
      let cents = 0;
      for (let d = 0; d < ledger.days; d++) {
        for (const pos of positions) {
          quantity += ledger.quantity[pos * ledger.days + d];
          cents += ledger.cents[pos * ledger.days + d];
          assert.equal(ledger.quantity[pos * ledger.days + d], dayUnits(ledger.streams[pos], month + d));
        }
      }
      const row = usage.prices.ratesOn(meter, sub.offerId, sub.currency, month);
      assert.equal(cents, roundToCents(exactTieredCost(quantity, row.tiers, meter.includedQuantity)), meter.meterName);
      checked++;
    }
    assert.ok(checked >= 2);
    let daySum = 0;
    for (let d = 0; d < ledger.days; d++) daySum += ledger.dayCents[d];
    assert.equal(Math.round(usage.costBetween(sub.subscriptionId, dayString(month), dayString(month + ledger.days - 1)) * 100), daySum);
  });

  it('computes the tier formula of the worked example in the API docs', () => {
    // {"0":1.99,"100":0.99}, IncludedQuantity 5, 150 units → 100×1.99 + 45×0.99 = 243.55
    assert.equal(roundToCents(exactTieredCost(150 * 1e4, [{ from: 0, price: 1.99 }, { from: 100, price: 0.99 }], 5)), 24355);
    assert.equal(roundToCents(exactTieredCost(4 * 1e4, [{ from: 0, price: 1.99 }], 5)), 0);
  });

  it('is made from the seed: the same seed gives the same world, another seed another', () => {
    const again = worldOf(options);
    const other = worldOf({ ...options, seed: 2 });
    const fingerprint = (w: ReturnType<typeof worldOf>) => w.subs.slice(0, 5).map((s) => [
      w.usage.resourcesOf(s.subscriptionId).map((r) => r.resourceId).join(','),
      w.usage.costBetween(s.subscriptionId, '2026-10-01', '2026-10-31'),
    ]);
    assert.deepEqual(fingerprint(again), fingerprint({ usage, subs }));
    assert.notDeepEqual(fingerprint(other), fingerprint({ usage, subs }));
  });
});
