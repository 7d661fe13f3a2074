// The panel's month-end forecast against the emulator: the figures it shows must be the model run
// on the world's own daily costs (this period's days and the three calendar months before, read
// straight from the world, not through Cost Management), Cost Management's forecast must be the
// world's actual days plus the emulator's documented forecast (every later day at the mean of the
// 28 days before today), both extra queries are made once per scope, and a scope whose forecast
// Cost Management refuses shows ours alone, without an error.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonthsClamped, DayNumber, formatIsoDate, parseIsoDate } from '../../../src/insight/calendar';
import { DailyAmount, forecastMonth, PastPeriod } from '../../../src/insight/monthForecast';
import { forecastSum } from '../../../src/insight/monthForecast/sumOfParts';
import { ForecastSummary, PanelSelection } from '../../../src/shared/usagePanelMessages';
import { BillingCostSource } from '../../../src/views/usagePanel/billingCostSource';
import { buildPanelData } from '../../../src/views/usagePanel/panelModel';
import { UsageCostSource } from '../../../src/views/usagePanel/usageCostSource';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { testClient } from '../azure/clientFixture';
import { panelTextsForTests as texts } from './panelTextsFixture';

const emulator = useEmulator();
const today: DayNumber = parseIsoDate(FIXED_AS_OF)!; // 2026-11-15
const november = { first: parseIsoDate('2026-11-01')!, last: parseIsoDate('2026-11-30')! };
const thisPeriod: PanelSelection = { groupBy: 'meterCategory', period: { preset: 'billingPeriod' }, view: 'cost', source: 'actual' };

type World = ReturnType<typeof emulator>['world'];

/** The world's own cost of some subscriptions on a day, in cents. */
function worldCents(world: World, ids: string[]): (day: DayNumber) => number {
  const usage = world.usage as unknown as { dailyCost(id: string, day: string): number };
  return (day) => ids.reduce((sum, id) => sum + Math.round(usage.dailyCost(id, formatIsoDate(day)) * 100), 0);
}

/** The period's days so far and the three calendar months before, from the world. */
function seriesOf(cents: (day: DayNumber) => number): { days: DailyAmount[]; history: PastPeriod[] } {
  const days: DailyAmount[] = [];
  for (let d = november.first; d <= today; d++) {days.push({ day: d, amount: cents(d) });}
  const history: PastPeriod[] = [-3, -2, -1].map((m) => {
    const start = addMonthsClamped(november.first, m);
    const end = addMonthsClamped(november.first, m + 1) - 1;
    const list: DailyAmount[] = [];
    for (let d = start; d <= end; d++) {list.push({ day: d, amount: cents(d) });}
    return { start, end, days: list };
  });
  return { days, history };
}

/**
 * What the panel should show, worked out from the world alone. With `parts` (a profile's
 * subscriptions), the model is the sum of theirs beside the whole's (sumOfParts.ts).
 */
function expected(cents: (day: DayNumber) => number, parts: Array<(day: DayNumber) => number> = []): { model: ReturnType<typeof forecastMonth>; costManagement: number } {
  const { days, history } = seriesOf(cents);
  const model = forecastSum({ periodStart: november.first, periodEnd: november.last, today, days, history }, parts.map(seriesOf));
  // Cost Management (the emulator's method): the actual days before today, then each of the 16
  // days from today to the 30th at the mean of the 28 days before today, rounded to the cent.
  let actual = 0;
  for (let d = november.first; d < today; d++) {actual += cents(d);}
  let last28 = 0;
  for (let d = today - 28; d < today; d++) {last28 += cents(d);}
  return { model, costManagement: actual + 16 * Math.round(last28 / 28) };
}

function forecastOf(r: Awaited<ReturnType<typeof buildPanelData>>): ForecastSummary {
  assert.ok(r.kind === 'series', JSON.stringify(r));
  assert.equal(r.payload.forecast.length, 1);
  return r.payload.forecast[0];
}

test("a subscription's forecast is the model on the world's days, with its range, and Cost Management's beside it", async () => {
  const emu = emulator();
  // Pay-As-You-Go has a weekday pattern and first-of-month charges (test/emulator/README.md).
  const sub = emu.world.subscriptions.find((s) => s.displayName === 'Pay-As-You-Go')!;
  const { client } = testClient(emu);
  const source = new UsageCostSource(client, { subscriptionId: sub.subscriptionId, label: sub.displayName, offerDurableId: sub.offerId, currency: sub.currency, regionInfo: sub.regionInfo });
  const f = forecastOf(await buildPanelData(source, thisPeriod, { today }, texts));
  const want = expected(worldCents(emu.world, [sub.subscriptionId]));
  assert.equal(f.periodEnd, '2026-11-30');
  assert.deepEqual([f.forecast, f.low, f.high], [want.model.total, want.model.low, want.model.high]);
  assert.ok(f.low < f.forecast && f.forecast < f.high, 'a range with spread, from three months of history');
  assert.equal(want.model.range.method, 'backtest');
  assert.ok(want.model.oneOff > 0, "the 1st's monthly charge is counted once, not carried forward");
  assert.equal(f.costManagement, want.costManagement);

  // Regrouping and switching to the estimate reuse both forecast queries.
  assert.equal(source.forecasts.queryCount, 2);
  await buildPanelData(source, { ...thisPeriod, groupBy: 'resourceGroup' }, { today }, texts);
  await buildPanelData(source, { ...thisPeriod, source: 'estimate' }, { today }, texts);
  assert.equal(source.forecasts.queryCount, 2);
});

test("a billing profile's forecast is made from its subscriptions' with one history query, and Cost Management's adds them up too", async () => {
  const emu = emulator();
  const inProfile = emu.world.subscriptions.filter((s) => s.agreementType === 'MicrosoftCustomerAgreement' && s.currency === 'EUR' && s.tenantId === emu.tenantId);
  const { billingAccountName: accountName, billingProfileName } = inProfile[0];
  const { client } = testClient(emu);
  const source = new BillingCostSource(client, { kind: 'billingProfile', accountName, profileName: billingProfileName!, label: 'Europe' });
  const f = forecastOf(await buildPanelData(source, { ...thisPeriod, groupBy: 'subscription' }, { today }, texts));
  const ids = inProfile.map((s) => s.subscriptionId);
  const want = expected(worldCents(emu.world, ids), ids.map((id) => worldCents(emu.world, [id])));
  assert.equal(f.currency, 'EUR');
  assert.deepEqual([f.forecast, f.low, f.high], [want.model.total, want.model.low, want.model.high]);
  assert.notEqual(f.forecast, expected(worldCents(emu.world, ids)).model.total, 'not the whole\'s model alone');
  assert.equal(f.costManagement, want.costManagement);
  // The subscriptions' history came with the profile's: one query grouped by subscription.
  assert.equal(source.forecasts.queryCount, 2);
});

test("where Cost Management refuses its forecast, the panel shows ours alone and no error", async () => {
  const emu = emulator();
  const sub = emu.world.subscriptions.find((s) => s.displayName === 'Contoso Web Prod')!;
  emu.faults.add({ kind: 'error', status: 400, path: '/providers/Microsoft.CostManagement/forecast' });
  try {
    const { client } = testClient(emu);
    const source = new UsageCostSource(client, { subscriptionId: sub.subscriptionId, label: sub.displayName, offerDurableId: 'MS-AZR-0017G', currency: sub.currency });
    const r = await buildPanelData(source, thisPeriod, { today }, texts);
    const f = forecastOf(r);
    assert.equal(f.costManagement, undefined);
    assert.equal(f.forecast, expected(worldCents(emu.world, [sub.subscriptionId])).model.total);
    assert.ok(r.kind === 'series' && r.payload.notes.every((n) => !/forecast/i.test(n)), 'no note about it either');
  } finally {
    emu.faults.clear();
  }
});
