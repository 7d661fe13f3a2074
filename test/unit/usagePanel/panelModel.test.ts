// The panel's model against the emulator: usage fetched through the real client and billing/,
// priced with the RateCard, must reproduce the emulator world's own daily cost (usage × rates),
// and regrouping or switching views must not fetch again.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DayNumber, parseIsoDate } from '../../../src/insight/calendar';
import { PERIOD_ERROR_TEMPLATES, fillTemplate } from '../../../src/insight/periods';
import { PanelSelection } from '../../../src/shared/usagePanelMessages';
import { PanelTexts, buildPanelData } from '../../../src/views/usagePanel/panelModel';
import { UsageCostSource } from '../../../src/views/usagePanel/usageCostSource';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { testClient } from '../azure/clientFixture';

const emulator = useEmulator();

const texts: PanelTexts = {
  groupings: { meterCategory: 'Meter category', service: 'Service', resourceGroup: 'Resource group', region: 'Region', resource: 'Resource', meter: 'Meter' },
  tagGrouping: (k) => `Tag: ${k}`,
  other: 'Other',
  untagged: 'Untagged',
  none: '(none)',
  unpricedReason: (r) => r,
  periodError: (e) => fillTemplate(PERIOD_ERROR_TEMPLATES[e.code], e.params),
  title: (s, f, t) => `${s} · ${f} to ${t}`,
  emptyMessage: (f, t) => `No usage from ${f} to ${t}.`,
  emptyHint: 'Pick a longer period.',
  notePartialToday: 'partial',
  noteHourlyTooLong: (n) => `hourly up to ${n} days`,
  noteEstimateTerms: (o, c) => `terms ${o} ${c}`,
  noteSkippedRows: (n) => `${n} skipped`,
};

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
  if (result.kind !== 'series') return;
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
  if (r.kind !== 'series') return;
  const [forecast] = r.payload.forecast;
  const series = r.payload.currencies[0];
  // Today (the last bucket) is partial and left out of the run rate.
  const complete = series.bucketTotals.slice(0, -1).reduce((s, v) => s + v, 0);
  assert.equal(forecast.toDate, complete);
  assert.equal(forecast.periodEnd, '2026-11-30');
  const days = series.bucketTotals.length - 1;
  assert.equal(forecast.forecast, complete + Math.round((complete * (30 - days)) / days));
  assert.ok(r.payload.notes.includes('partial'));
});
