// The large world (scale 'large'): 2,000 resources with a year of hourly usage against the full
// rate card, never materialised. Startup must stay within a couple of seconds, and a
// UsageAggregates page deep into a year-long Hourly list is computed from its cursor alone.
// The figures are printed as test diagnostics.
import * as assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Emulator, startEmulator } from '../../emulator/server';
import type { WorldSubscription } from '../../emulator/world/types';
import { usageWorldOf } from '../../emulator/world/usage/access';
import { encodeCursor } from '../../emulator/routes/commerce/usageAggregates';
import { ArmPage, armFetch, FIXED_AS_OF, jsonAs } from '../../support/emulator';
import { testCaDir } from '../../support/paths';
import type { QueryResult, UsageAggregate } from '../../support/wireShapes';


const HOUR = 3_600_000;
const asOfMs = Date.parse(`${FIXED_AS_OF}T00:00:00Z`);
const yearAgo = new Date(asOfMs - 365 * 86_400_000).toISOString().slice(0, 19) + 'Z';
const asOfIso = `${FIXED_AS_OF}T00:00:00Z`;

describe('emulator: the large world', () => {
  let e: Emulator | undefined;
  after(async () => e?.close());

  it('starts within a couple of seconds with 2,000 resources and a year of hourly usage', async (t) => {
    const started = performance.now();
    e = await startEmulator({ caDir: testCaDir, asOf: FIXED_AS_OF, scale: 'large' });
    const startupMs = performance.now() - started;
    const usage = usageWorldOf(e.world);
    const subs = (e.world as unknown as { subscriptions: WorldSubscription[] }).subscriptions;
    let resources = 0;
    let streamHours = 0;
    const firstDay = usage.asOfDay - 365;
    for (const s of subs) {
      for (const r of usage.resourcesOf(s.subscriptionId)) {
        resources++;
        for (const st of r.streams) { streamHours += Math.max(0, Math.min(st.lastDay, usage.window.lastDay) - Math.max(st.firstDay, firstDay) + 1) * 24; }
      }
    }
    t.diagnostic(`startEmulator({scale:'large'}): ${startupMs.toFixed(0)} ms; ${subs.length} subscriptions, ${resources} resources, ${usage.catalogue.meters.length} meters; ${(streamHours / 1e6).toFixed(1)} million resource-meter-hours in the last year`);
    assert.ok(resources >= 2000);
    assert.ok(usage.catalogue.meters.length > 2000, 'the full rate card');
    assert.ok(streamHours > 15e6, 'order of 17 million hourly rows or more');
  });

  it('serves one Hourly UsageAggregates page deep into the year from its cursor, the same rows a window starting there gives', async (t) => {
    assert.ok(e);
    const subs = (e.world as unknown as { subscriptions: WorldSubscription[] }).subscriptions;
    const usage = usageWorldOf(e.world);
    const sub = subs.filter((s) => !s.offerId.endsWith('0145P')).sort((a, b) => usage.streamsOf(b.subscriptionId).length - usage.streamsOf(a.subscriptionId).length)[0];
    const token = e.issueToken(sub.tenantId);
    const deepHour = asOfMs / HOUR - 7 * 24; // a week before today, ~8,000 hours into the list
    const base = { 'api-version': '2015-06-01-preview', aggregationGranularity: 'Hourly', reportedEndTime: asOfIso };
    const url = (params: Record<string, string>) => `/subscriptions/${sub.subscriptionId}/providers/Microsoft.Commerce/UsageAggregates?${new URLSearchParams({ ...base, ...params }).toString()}`;

    const timings: number[] = [];
    let deep: ArmPage<UsageAggregate> | undefined;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const res = await armFetch(e, url({ reportedStartTime: yearAgo, continuationToken: encodeCursor({ bucket: deepHour, slot: 0 }) }), { token });
      deep = await jsonAs<ArmPage<UsageAggregate>>(res);
      timings.push(performance.now() - started);
      assert.equal(res.status, 200);
    }
    const fresh = await jsonAs<ArmPage<UsageAggregate>>(await armFetch(e, url({ reportedStartTime: new Date(deepHour * HOUR).toISOString().slice(0, 19) + 'Z' }), { token }));
    assert.ok(deep);
    assert.ok(deep.value.length > 0);
    assert.deepEqual(deep.value.map((r) => r.name), fresh.value.map((r) => r.name));
    assert.ok(deep.value.every((r) => Date.parse(r.properties.usageStartTime) >= (deepHour - 24) * HOUR));
    t.diagnostic(`deep UsageAggregates page (${deep.value.length} rows, hour ${deepHour - asOfMs / HOUR + 365 * 24} of ${365 * 24}): ${timings.map((x) => x.toFixed(0)).join(' / ')} ms (first / warm)`);
    assert.ok(Math.min(...timings) < 1000);
  });

  it('answers a month of Cost Management at the largest billing scope', async (t) => {
    assert.ok(e);
    const subs = (e.world as unknown as { subscriptions: WorldSubscription[] }).subscriptions;
    const counts = new Map<string, number>();
    for (const s of subs) { counts.set(s.billingAccountName, (counts.get(s.billingAccountName) ?? 0) + 1); }
    const [account, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const tenantId = subs.find((s) => s.billingAccountName === account)!.tenantId;
    const timings: number[] = [];
    for (const timeframe of ['TheLastMonth', 'MonthToDate']) {
      const started = performance.now();
      const res = await armFetch(e, `/providers/Microsoft.Billing/billingAccounts/${account}/providers/Microsoft.CostManagement/query?api-version=2023-11-01`, {
        token: e.issueToken(tenantId), method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'ActualCost', timeframe, dataset: { granularity: 'Daily', aggregation: { c: { name: 'Cost', function: 'Sum' } } } }),
      });
      timings.push(performance.now() - started);
      assert.equal(res.status, 200);
      const rows = (await jsonAs<QueryResult>(res)).properties.rows;
      assert.ok(rows.length >= 14);
    }
    t.diagnostic(`Cost Management Daily at a billing account with ${n} subscriptions: TheLastMonth ${timings[0].toFixed(0)} ms, MonthToDate ${timings[1].toFixed(0)} ms`);
  });
});
