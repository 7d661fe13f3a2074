// The panel's model against the emulator: usage fetched through the real client and billing/,
// priced with the RateCard, must reproduce the emulator world's own daily cost (usage × rates),
// and regrouping or switching views must not fetch again.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DayNumber, parseIsoDate } from '../../../src/insight/calendar';
import { RateIndex } from '../../../src/insight/rateIndex';
import { PanelSelection } from '../../../src/shared/usagePanelMessages';
import { buildPanelData } from '../../../src/views/usagePanel/panelModel';
import { UsageCostSource } from '../../../src/views/usagePanel/usageCostSource';
import { panelTextsForTests as texts } from './panelTextsFixture';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { testClient } from '../azure/clientFixture';

const emulator = useEmulator();


function payAsYouGo() {
  const emu = emulator();
  const sub = emu.world.subscriptions.find((s) => s.offerId === 'MS-AZR-0003P' && s.tenantId === emu.tenantId);
  assert.ok(sub, 'the world has a pay-as-you-go subscription in the home tenant');
  const { client, recorder } = testClient(emu);
  const source = new UsageCostSource(client, { subscriptionId: sub.subscriptionId, label: sub.displayName, currency: sub.currency, regionInfo: sub.regionInfo });
  return { emu, sub, source, recorder };
}

const today: DayNumber = parseIsoDate(FIXED_AS_OF)!;
const lastMonth: PanelSelection = { groupBy: 'meterCategory', period: { preset: 'lastMonth' }, view: 'cost', source: 'estimate' };

test('the estimate from UsageAggregates × RateCard equals the world\'s own cost, day by day', async () => {
  const { emu, sub, source } = payAsYouGo();
  const result = await buildPanelData(source, lastMonth, { today }, texts);
  assert.equal(result.kind, 'series');
  if (result.kind !== 'series') { return; }
  const series = result.payload.currencies;
  assert.deepEqual(series.map((c) => c.currency), [sub.currency]);
  const digits = series[0].fractionDigits;
  const usage = emu.world.usage as unknown as { dailyCost(id: string, day: string): number };
  let worstDay = 0;
  result.payload.buckets.forEach((day, i) => {
    const expected = Math.round(usage.dailyCost(sub.subscriptionId, day) * 10 ** digits);
    worstDay = Math.max(worstDay, Math.abs(series[0].bucketTotals[i] - expected));
  });
  // Each day is rounded on its own by the world and as part of the whole by the panel: a cent at most.
  assert.ok(worstDay <= 1, `largest daily difference ${worstDay} minor units`);
  const expectedTotal = usage.dailyCost ? result.payload.buckets.reduce((s, d) => s + usage.dailyCost(sub.subscriptionId, d), 0) : 0;
  assert.ok(Math.abs(series[0].total - Math.round(expectedTotal * 10 ** digits)) <= 1);
  assert.equal(series[0].total, series[0].bucketTotals.reduce((s, v) => s + v, 0));
  assert.equal(result.payload.unpriced.length, 0, JSON.stringify(result.payload.unpriced));
  assert.deepEqual([result.payload.buckets[0], result.payload.buckets.at(-1)], ['2026-10-01', '2026-10-31']);
});

test('regrouping, the usage view and CSV need no second fetch', async () => {
  const { source, recorder } = payAsYouGo();
  await buildPanelData(source, lastMonth, { today }, texts);
  const requests = recorder.count;
  assert.ok(requests > 0);
  for (const groupBy of ['resourceGroup', 'region', 'resource', 'service'] as const) {
    const r = await buildPanelData(source, { ...lastMonth, groupBy }, { today }, texts);
    assert.equal(r.kind, 'series');
  }
  const usage = await buildPanelData(source, { ...lastMonth, view: 'usage' }, { today }, texts);
  assert.ok(usage.kind === 'series' && usage.payload.usage.length > 0 && usage.payload.usage.every((m) => m.unit !== ''));
  assert.equal(recorder.count, requests);
});

test('an invalid custom period comes back as a message for the field, without a request', async () => {
  const { source, recorder } = payAsYouGo();
  const r = await buildPanelData(source, { ...lastMonth, period: { preset: 'custom', from: '2026-11-10', to: '2026-11-01' } }, { today }, texts);
  assert.deepEqual(r, {
    kind: 'periodInvalid', field: 'to',
    message: 'The end date 2026-11-01 is before the start date 2026-11-10. Pick an end date on or after the start date.',
  });
  assert.equal(recorder.count, 0);
});

test('this billing period carries a forecast whose to-date part equals the sum of the complete days', async () => {
  const { source } = payAsYouGo();
  const r = await buildPanelData(source, { ...lastMonth, period: { preset: 'billingPeriod' } }, { today }, texts);
  assert.ok(r.kind === 'series');
  if (r.kind !== 'series') { return; }
  const [forecast] = r.payload.forecast;
  const series = r.payload.currencies[0];
  // Today (the last bucket) is partial and left out of the run rate.
  const complete = series.bucketTotals.slice(0, -1).reduce((s, v) => s + v, 0);
  assert.equal(forecast.toDate, complete);
  assert.equal(forecast.periodEnd, '2026-11-30');
  // The model's figures themselves are checked against the world in panelForecast.test.ts.
  assert.ok(forecast.low <= forecast.forecast && forecast.forecast <= forecast.high, JSON.stringify(forecast));
  assert.ok(forecast.forecast > complete);
  assert.ok(r.payload.notes.includes('partial'));
});

test('actual cost from Cost Management sits beside the estimate, day by day, and can be charted instead', async () => {
  const { source } = payAsYouGo();
  const r = await buildPanelData(source, lastMonth, { today }, texts);
  assert.ok(r.kind === 'series');
  if (r.kind !== 'series') { return; }
  assert.deepEqual(r.payload.sources, ['estimate', 'actual']);
  const [cmp] = r.payload.comparison;
  assert.equal(cmp.estimate.length, 31);
  // Usage × rates is what the world bills, so the two agree to the cent on every day.
  assert.ok(cmp.difference.every((d) => d !== null && Math.abs(d) <= 1), JSON.stringify(cmp.difference));
  assert.equal(cmp.totals.difference, cmp.difference.reduce((s: number, d) => s + (d ?? 0), 0));

  const actual = await buildPanelData(source, { ...lastMonth, source: 'actual', groupBy: 'resourceGroup' }, { today }, texts);
  assert.ok(actual.kind === 'series' && actual.payload.selection.source === 'actual');
  if (actual.kind !== 'series') { return; }
  assert.equal(actual.payload.currencies[0].total, cmp.totals.actual);
  assert.ok(actual.payload.currencies[0].groups.every((g) => g.kind === 'value'), 'every actual row has a resource group');
});

test('the hourly view of two days adds up to the daily view of the same days', async () => {
  const { source } = payAsYouGo();
  const period = { preset: 'custom' as const, from: '2026-11-10', to: '2026-11-11' };
  const hourly = await buildPanelData(source, { ...lastMonth, period, view: 'hourly' }, { today }, texts);
  const daily = await buildPanelData(source, { ...lastMonth, period, view: 'cost' }, { today }, texts);
  assert.ok(hourly.kind === 'series' && daily.kind === 'series');
  if (hourly.kind !== 'series' || daily.kind !== 'series') { return; }
  assert.equal(hourly.payload.granularity, 'hour');
  assert.equal(hourly.payload.buckets.length, 48);
  assert.equal(hourly.payload.buckets[0], '2026-11-10T00:00Z');
  // Tiers follow the same month-to-date quantity either way, so the two days cost the same.
  assert.ok(Math.abs(hourly.payload.currencies[0].total - daily.payload.currencies[0].total) <= 1);
  assert.ok(hourly.payload.currencies[0].total > 0);
});

test('the hourly view is refused for long periods, with a note, and the daily view is shown', async () => {
  const { source } = payAsYouGo();
  const r = await buildPanelData(source, { ...lastMonth, view: 'hourly' }, { today }, texts);
  assert.ok(r.kind === 'series');
  if (r.kind !== 'series') { return; }
  assert.equal(r.payload.granularity, 'day');
  assert.equal(r.payload.hourlyAvailable, false);
  assert.ok(r.payload.notes.includes('hourly up to 14 days'));
});

test('an Enterprise Agreement subscription (no Commerce) shows its actual cost, saying why there is no estimate', async () => {
  const emu = emulator();
  const ea = emu.world.subscriptions.find((s) => s.offerId === 'MS-AZR-0017P' && s.tenantId === emu.tenantId);
  assert.ok(ea, 'the world has an EA subscription in the home tenant');
  const { client, recorder } = testClient(emu);
  const source = new UsageCostSource(client, { subscriptionId: ea.subscriptionId, label: ea.displayName, offerDurableId: ea.offerId });
  const r = await buildPanelData(source, lastMonth, { today }, texts);
  assert.ok(r.kind === 'series', JSON.stringify(r));
  if (r.kind !== 'series') { return; }
  assert.deepEqual(r.payload.sources, ['actual']);
  assert.equal(r.payload.selection.source, 'actual');
  assert.ok(r.payload.notes.some((n) => n.startsWith('no estimate: ')), r.payload.notes.join(' | '));
  const usage = emu.world.usage as unknown as { dailyCost(id: string, day: string): number };
  const expected = r.payload.buckets.reduce((s, d) => s + usage.dailyCost(ea.subscriptionId, d), 0);
  assert.ok(Math.abs(r.payload.currencies[0].total - Math.round(expected * 10 ** r.payload.currencies[0].fractionDigits)) <= 1);
  // No Commerce request was even sent.
  assert.equal(recorder.countWhere((e) => /Microsoft\.Commerce/i.test(e.url)), 0);
});

test('panels of subscriptions bought on the same terms share one RateCard download', async () => {
  const emu = emulator();
  const payg = emu.world.subscriptions.filter((s) => s.offerId === 'MS-AZR-0003P' && s.tenantId === emu.tenantId && s.currency === 'USD');
  assert.ok(payg.length >= 2, 'two pay-as-you-go subscriptions in USD');
  const { client, recorder } = testClient(emu);
  const shared = new Map<string, Promise<RateIndex>>();
  for (const sub of payg.slice(0, 2)) {
    const source = new UsageCostSource(client, { subscriptionId: sub.subscriptionId, label: sub.displayName, currency: 'USD', regionInfo: sub.regionInfo }, shared);
    assert.equal((await buildPanelData(source, lastMonth, { today }, texts)).kind, 'series');
  }
  assert.equal(recorder.countWhere((e) => /Microsoft\.Commerce\/RateCard/i.test(e.url)), 1);
});

test('the note about missing actual cost quotes the failure without the link or token in it', async () => {
  const { source } = payAsYouGo();
  const failing = Object.assign(Object.create(source) as typeof source, {
    actual: () => Promise.reject(new Error('request to https://acct.blob.core.windows.net/c/cost.json?sv=1&sig=n0tForTheNote failed; Authorization: Bearer abc.def.ghi')),
  });
  const r = await buildPanelData(failing, lastMonth, { today }, texts);
  assert.ok(r.kind === 'series');
  const note = r.payload.notes.find((n) => n.startsWith('no actual:'));
  assert.ok(note, `a note says why actual cost is missing: ${JSON.stringify(r.payload.notes)}`);
  assert.doesNotMatch(note, /n0tForTheNote|abc\.def\.ghi/);
  assert.match(note, /acct\.blob\.core\.windows\.net\/c\/cost\.json/);
});
