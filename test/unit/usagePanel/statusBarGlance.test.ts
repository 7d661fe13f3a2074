// The status bar's figures against the emulator: spend to date per currency equals the world's
// own daily cost of the scope's subscriptions, the same day last month likewise, and the figures
// share the usage panel's queries (whichever asks first pays; the other asks nothing).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DayNumber, formatIsoDate, parseIsoDate } from '../../../src/insight/calendar';
import { readGlance } from '../../../src/views/statusBar/glanceFigures';
import { buildPanelData } from '../../../src/views/usagePanel/panelModel';
import { BillingCostSource } from '../../../src/views/usagePanel/billingCostSource';
import { defaultSelectionFor } from '../../../src/views/usagePanel/usageScope';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { testClient } from '../azure/clientFixture';
import { panelTextsForTests } from './panelTextsFixture';

const emulator = useEmulator();
const today: DayNumber = parseIsoDate(FIXED_AS_OF)!; // 2026-11-15

type World = ReturnType<typeof emulator>['world'];
const dailyCost = (world: World, id: string, day: string) => (world.usage as unknown as { dailyCost(id: string, day: string): number }).dailyCost(id, day);
const days = (first: string, last: string) => {
  const out: string[] = [];
  for (let d = parseIsoDate(first)!; d <= parseIsoDate(last)!; d++) {out.push(formatIsoDate(d));}
  return out;
};

function mcaAccount() {
  const emu = emulator();
  const subs = emu.world.subscriptions.filter((s) => s.agreementType === 'MicrosoftCustomerAgreement' && s.tenantId === emu.tenantId);
  const accountName = subs[0].billingAccountName;
  return { emu, accountName, subs: subs.filter((s) => s.billingAccountName === accountName) };
}

const costQueries = (recorder: ReturnType<typeof testClient>['recorder']) => recorder.countWhere((e) => /Microsoft\.CostManagement\/query/i.test(e.url) && !/skiptoken/i.test(e.url));

test('a billing account in two currencies: spend to date and the same day last month per currency, as the world bills them', async () => {
  const { emu, accountName, subs } = mcaAccount();
  const { client } = testClient(emu);
  const source = new BillingCostSource(client, { kind: 'billingAccount', accountName, label: 'Contoso' });
  const glance = await readGlance(source, { today });
  assert.deepEqual(glance.currencies.map((c) => c.currency), [...new Set(subs.map((s) => s.currency))].sort());
  assert.ok(glance.currencies.length >= 2, 'USD and EUR profiles under one account');
  const thisPeriod = days('2026-11-01', '2026-11-15');
  const lastPeriodSameDays = days('2026-10-01', '2026-10-15');
  for (const c of glance.currencies) {
    const inCurrency = subs.filter((s) => s.currency === c.currency);
    const expected = (list: string[]) => Math.round(inCurrency.reduce((sum, s) => sum + list.reduce((a, d) => a + dailyCost(emu.world, s.subscriptionId, d), 0), 0) * 100);
    // Cost Management rows are rounded one by one: a cent per subscription-day at most.
    const slack = inCurrency.length * thisPeriod.length;
    assert.ok(Math.abs(c.toDate - expected(thisPeriod)) <= slack, `${c.currency} to date ${c.toDate} vs ${expected(thisPeriod)}`);
    assert.ok(c.sameDayLastPeriod !== undefined && Math.abs(c.sameDayLastPeriod - expected(lastPeriodSameDays)) <= slack, `${c.currency} same day last month ${c.sameDayLastPeriod} vs ${expected(lastPeriodSameDays)}`);
    assert.ok(c.forecast, `${c.currency} has a forecast`);
    assert.ok(c.forecast.low <= c.forecast.total && c.forecast.total <= c.forecast.high, 'the forecast lies in its range');
    assert.ok(c.forecast.total >= c.toDate - (expected(['2026-11-15']) + slack), 'the forecast is at least the complete days so far');
    assert.ok(c.topServices.length <= 3 && c.topServices.every((s, i, all) => i === 0 || all[i - 1].total >= s.total), 'at most three, costliest first');
  }
  assert.deepEqual(glance.period, { first: parseIsoDate('2026-11-01'), today, end: parseIsoDate('2026-11-30') });
});

test('the status bar and the usage panel share queries: pinned first, the panel asks nothing; panel first, the status bar asks nothing either', async () => {
  const { emu, accountName } = mcaAccount();
  const scope = { kind: 'billingAccount' as const, accountName, label: 'Contoso' };

  const first = testClient(emu);
  const shared = new BillingCostSource(first.client, scope);
  await readGlance(shared, { today });
  // The forecast is the panel's: it also reads the three billing periods before (one query, shared),
  // which hold the same day of last month too.
  assert.equal(costQueries(first.recorder), 2, 'this billing period and the forecast\'s history');
  const panel = await buildPanelData(shared, defaultSelectionFor(scope), { today }, panelTextsForTests);
  assert.equal(panel.kind, 'series');
  assert.equal(costQueries(first.recorder), 2, 'the panel reused the status bar\'s billing period and history');

  const second = testClient(emu);
  const other = new BillingCostSource(second.client, scope);
  await buildPanelData(other, defaultSelectionFor(scope), { today }, panelTextsForTests);
  assert.equal(costQueries(second.recorder), 2, 'the panel: its period and the forecast\'s history');
  await readGlance(other, { today });
  assert.equal(costQueries(second.recorder), 2, 'nothing more: last month is in the forecast\'s history');
  // A refresh within a minute reuses the answers; a full Refresh asks again.
  other.clear(60_000);
  await readGlance(other, { today });
  assert.equal(costQueries(second.recorder), 2);
  other.clear();
  await readGlance(other, { today });
  assert.equal(costQueries(second.recorder), 4);
});

test('a refresh while the panel\'s query is in flight joins it', async () => {
  const { emu, accountName } = mcaAccount();
  const scope = { kind: 'billingAccount' as const, accountName, label: 'Contoso' };
  const { client, recorder } = testClient(emu);
  const source = new BillingCostSource(client, scope);
  const panel = buildPanelData(source, defaultSelectionFor(scope), { today }, panelTextsForTests);
  // Forgetting old answers keeps the one in flight.
  source.clear(0);
  await Promise.all([panel, readGlance(source, { today })]);
  // The period and the forecast's history: each asked once by the two together.
  assert.equal(costQueries(recorder), 2);
});
