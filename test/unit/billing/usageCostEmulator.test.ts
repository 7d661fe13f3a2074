// UsageAggregates, RateCard, Cost Management, retail prices and budgets through the real client
// against the emulator. Expectations come from the world's own costs or an independent walk of the
// raw route, never from constants.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { budgetBody, deleteBudget, getBudget, listBudgets, saveBudget } from '../../../src/billing/budgets';
import { costScopes, forecastCost, queryCost, queryDailyCost } from '../../../src/billing/costQuery';
import { addDays, calendarDate } from '../../../src/billing/models/dates';
import { MoneyTotals } from '../../../src/insight/moneyTotals';
import type { RetailPrice } from '../../../src/billing/models/retailPrice';
import { getRateCard } from '../../../src/billing/rateCard';
import { listRetailPrices } from '../../../src/billing/retailPrices';
import { listUsageForDays } from '../../../src/billing/usageAggregates';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import type { WorldSubscription } from '../../emulator/world/types';
import { TestClient } from '../azure/clientFixture';
import { clientFor, rawList } from './support/live';

const YESTERDAY = addDays(calendarDate(FIXED_AS_OF), -1);
const MONTH_START = calendarDate(`${FIXED_AS_OF.slice(0, 8)}01`);

describe('usage, prices and cost against the emulator', () => {
  const emu = useEmulator({ settings: { pageSize: 40, retailPrices: { pageSize: 100, omitNextPageLink: false, shuffle: false, throttleEvery: 0, throttleRetryAfterSeconds: null } } });
  let home: TestClient;
  let payg: WorldSubscription;

  before(() => {
    home = clientFor(emu());
    payg = emu().world.subscriptions.find((s) => s.offerId === 'MS-AZR-0003P' && s.tenantId === emu().tenantId && s.state === 'Enabled')!;
  });
  after(() => home.client.dispose());

  it('reads every page of usage for the days asked, quantities equal to an independent walk of the raw route', async () => {
    const from = addDays(MONTH_START, -5);
    const list = listUsageForDays(home.client, payg.subscriptionId, { from, to: YESTERDAY }, { lateArrivalDays: 3 });
    const rows = (await list.all()).items;
    assert.equal(list.report.skipped.length, 0);
    const q = `reportedStartTime=${from}T00:00:00Z&reportedEndTime=${addDays(YESTERDAY, 4)}T00:00:00Z&aggregationGranularity=Daily&showDetails=true`;
    const raw = await rawList(emu(), `/subscriptions/${payg.subscriptionId}/providers/Microsoft.Commerce/UsageAggregates?api-version=2015-06-01-preview&${q}`);
    assert.ok(raw.length > 40, 'several pages');
    const key = (meter: string, day: string) => `${meter.toLowerCase()}|${day}`;
    const expected = new Map<string, number>();
    for (const r of raw) {
      const day = r.properties.usageStartTime.slice(0, 10);
      if (day < from || day > YESTERDAY) continue;
      expected.set(key(r.properties.meterId, day), (expected.get(key(r.properties.meterId, day)) ?? 0) + Math.round(r.properties.quantity * 1e4));
    }
    const got = new Map<string, number>();
    for (const r of rows) got.set(key(r.meterId, r.usageDay), (got.get(key(r.meterId, r.usageDay)) ?? 0) + Math.round(r.quantity * 1e4));
    assert.deepEqual(got, expected);
    assert.ok(rows.every((r) => r.resourceId === undefined || r.resourceId === r.resourceId.toLowerCase()));
    assert.ok(rows.some((r) => r.resourceGroup && r.location), 'instanceData decoded');
  });

  it('reads the rate card through the 302 and directly, the same meters both ways', async () => {
    const query = { offerDurableId: payg.offerId, currency: payg.currency, locale: 'en-US', regionInfo: payg.regionInfo };
    const viaBlob = await getRateCard(home.client, payg.subscriptionId, query);
    assert.ok(viaBlob.meters.length > 0);
    assert.equal(viaBlob.currency, payg.currency);
    assert.ok(viaBlob.meters.every((m) => m.meterRates.every((t, i, a) => i === 0 || a[i - 1].threshold < t.threshold)), 'tiers ascending');
    emu().settings.rateCardRedirect = false;
    try {
      const direct = await getRateCard(home.client, payg.subscriptionId, query);
      assert.deepEqual(direct, viaBlob);
    } finally {
      emu().settings.rateCardRedirect = true;
    }
  });

  it('reports each day\'s cost equal to the world\'s, and grouped rows add up to the day', async () => {
    const scope = costScopes.subscription(payg.subscriptionId);
    const period = { from: MONTH_START, to: YESTERDAY };
    const daily = (await queryDailyCost(home.client, scope, { period }).all()).items;
    for (let d = MONTH_START; d <= YESTERDAY; d = addDays(d, 1)) {
      const row = daily.find((r) => r.date === d);
      const world = emu().world.usage.dailyCost(payg.subscriptionId, d);
      assert.deepEqual(row?.cost ?? { amount: 0, currency: payg.currency }, { amount: world, currency: payg.currency }, d);
    }
    const grouped = await queryDailyCost(home.client, scope, { period, groupBy: [{ type: 'Dimension', name: 'ResourceGroupName' }] }).all();
    const perDay = new Map<string, MoneyTotals>();
    for (const r of grouped.items) perDay.set(r.date, (perDay.get(r.date) ?? new MoneyTotals()).add(r.cost));
    for (const r of daily) assert.deepEqual(perDay.get(r.date)?.list(), [r.cost], r.date);
    assert.ok(grouped.items.every((r) => 'ResourceGroupName' in r.dimensions));
    // Five rows a page: the same rows come back over many re-POSTed pages.
    assert.ok(grouped.items.length > 10);
    const before = home.recorder.count;
    const paged = await queryDailyCost(home.client, scope, { period, groupBy: [{ type: 'Dimension', name: 'ResourceGroupName' }], pageSize: 5 }).all();
    assert.ok(home.recorder.count - before >= Math.ceil(grouped.items.length / 5), 'one request per page');
    assert.deepEqual(paged.items, grouped.items);
  });

  it('keeps the EUR profile\'s cost in EUR and its total equal to the world\'s', async () => {
    const account = emu().world.billing.visibleAccounts(emu().tenantId).find((a) => a.agreementType === 'MicrosoftCustomerAgreement')!;
    const eur = account.profiles.find((p) => p.currency === 'EUR')!;
    const rows = (await queryCost(home.client, costScopes.billingProfile(account.name, eur.name), { period: { from: MONTH_START, to: YESTERDAY }, granularity: 'None' }).all()).items;
    const total = new MoneyTotals().addAll(rows.map((r) => r.cost)).list();
    const worldCents = eur.subscriptions.reduce((sum, s) => sum + Math.round(emu().world.usage.costBetween(s.subscriptionId, MONTH_START, YESTERDAY) * 100), 0);
    assert.deepEqual(total, [{ amount: worldCents / 100, currency: 'EUR' }]);
  });

  it('forecasts the rest of the month with actual days marked as such', async () => {
    const monthEnd = addDays(calendarDate(`${FIXED_AS_OF.slice(0, 5)}${String(Number(FIXED_AS_OF.slice(5, 7)) + 1).padStart(2, '0')}-01`), -1);
    const rows = (await forecastCost(home.client, costScopes.subscription(payg.subscriptionId), { period: { from: MONTH_START, to: monthEnd }, includeActualCost: true }).all()).items;
    const forecastDays = rows.filter((r) => r.costStatus === 'Forecast').map((r) => r.date);
    assert.ok(forecastDays.length > 0 && forecastDays.every((d) => d >= FIXED_AS_OF && d <= monthEnd));
    for (const r of rows.filter((x) => x.costStatus === 'Actual')) {
      assert.deepEqual(r.cost, { amount: emu().world.usage.dailyCost(payg.subscriptionId, r.date), currency: payg.currency }, r.date);
    }
  });

  it('walks every retail price page without a token; the same rows when the service forgets its links', async () => {
    // An independent walk of the raw route: every row, with its price in micro-dollars.
    const walk = async () => {
      const rows: string[] = [];
      let url: string | undefined = `${emu().baseUrl}/api/retail/prices?api-version=2023-01-01-preview`;
      while (url) {
        const body: any = await (await fetch(url)).json();
        for (const i of body.Items) rows.push(`${i.meterId}|${i.skuId}|${i.effectiveStartDate}|${i.isPrimaryMeterRegion}|${Math.round(i.retailPrice * 1e6)}`);
        url = body.NextPageLink ?? undefined;
      }
      return rows.sort();
    };
    const expected = await walk();
    assert.ok(expected.length > 200, 'several pages of 100');
    assert.equal(new Set(expected).size, expected.length, 'the plain walk repeats nothing');
    const mine = (p: RetailPrice) => `${p.meterId}|${p.skuId}|${p.effectiveStartDate?.toISOString().replace('.000Z', 'Z')}|${p.isPrimaryMeterRegion}|${Math.round(p.price.amount * 1e6)}`;
    const list = listRetailPrices(home.client, emu().baseUrl);
    const got = (await list.all()).items;
    assert.deepEqual(got.map(mine).sort(), expected);
    assert.equal(list.report.duplicatesDropped, 0);
    assert.ok(got.every((p) => p.price.currency === 'USD'));
    assert.ok(got.some((p) => p.savingsPlan.length > 0 && p.isPrimaryMeterRegion === false), 'the non-primary row with the savings plan is kept');
    emu().settings.retailPrices.omitNextPageLink = true;
    try {
      const again = listRetailPrices(home.client, emu().baseUrl);
      assert.deepEqual((await again.all()).items.map(mine).sort(), expected);
    } finally {
      emu().settings.retailPrices.omitNextPageLink = false;
    }
    // Every second page is throttled (429 + Retry-After 0): the client's pipeline retries it, the
    // listing neither loses nor repeats a row.
    emu().settings.retailPrices.throttleEvery = 2;
    emu().settings.retailPrices.throttleRetryAfterSeconds = 0;
    try {
      const throttled = listRetailPrices(home.client, emu().baseUrl);
      assert.deepEqual((await throttled.all()).items.map(mine).sort(), expected);
    } finally {
      emu().settings.retailPrices.throttleEvery = 0;
      emu().settings.retailPrices.throttleRetryAfterSeconds = null;
    }
  });

  it('creates, reads, updates with the eTag, lists and deletes a budget', async () => {
    const scope = costScopes.subscription(payg.subscriptionId);
    const notify = { enabled: true, operator: 'GreaterThan', threshold: 80, thresholdType: 'Actual', contactEmails: ['ops@contoso.com'], contactRoles: [], contactGroups: [] };
    const asOf = new Date(`${FIXED_AS_OF}T00:00:00Z`);
    const created = await saveBudget(home.client, scope, 'billing-test', { amount: 250, timeGrain: 'Monthly', startDate: MONTH_START, notifications: { at80: notify } }, { asOf });
    assert.equal(created.amount, 250);
    assert.equal(created.currentSpend?.currency, payg.currency);
    const again = await getBudget(home.client, scope, 'billing-test');
    const updated = await saveBudget(home.client, scope, 'billing-test', { amount: 300, timeGrain: 'Monthly', startDate: MONTH_START, notifications: { at80: notify }, eTag: again.eTag }, { asOf });
    assert.equal(updated.amount, 300);
    assert.ok((await listBudgets(home.client, scope).all()).items.some((b) => b.name === 'billing-test' && b.amount === 300));
    // A stale eTag is refused by the service, not overwritten.
    await assert.rejects(saveBudget(home.client, scope, 'billing-test', { amount: 1, timeGrain: 'Monthly', startDate: MONTH_START, notifications: {}, eTag: again.eTag }, { asOf }), (e: { status?: number }) => e.status === 409 || e.status === 412);
    await deleteBudget(home.client, scope, 'billing-test');
    assert.ok(!(await listBudgets(home.client, scope).all()).items.some((b) => b.name === 'billing-test'));
    assert.ok(budgetBody);
  });
});
