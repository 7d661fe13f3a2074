// Cost Management query at subscription scope: definition validation, columns and their order,
// timeframes, grouping and filters, re-POST paging, 204, QPU headers and the optional limiter.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Emulator } from '../../emulator/server';
import type { WorldSubscription } from '../../emulator/world/types';
import { armFetch, jsonAs, useEmulator } from '../../support/emulator';
import { namedRows } from '../../support/wireShapes';
import type { ArmError, QueryResult } from '../../support/wireShapes';

/** A row by column name. Every query here sums Cost; the other columns are those its grouping and granularity add. */
interface CostRow {
  Cost: number;
}
type TagRow = CostRow & { TagKey: string; TagValue: string };

const subscriptionsOf = (e: Emulator) => (e.world as unknown as { subscriptions: WorldSubscription[] }).subscriptions;
const payg = (e: Emulator) => subscriptionsOf(e).find((s) => s.offerId === 'MS-AZR-0003P')!;
const VERSIONS = ['2019-11-01', '2021-10-01', '2022-10-01', '2023-03-01', '2023-11-01', '2024-08-01', '2025-03-01'];
const october = { from: '2026-10-01T00:00:00Z', to: '2026-10-31T23:59:59Z' };
const cost = { totalCost: { name: 'Cost', function: 'Sum' } };

function post(e: Emulator, sub: WorldSubscription, pathAndQuery: string, body: unknown, headers: Record<string, string> = {}) {
  return armFetch(e, pathAndQuery, { token: e.issueToken(sub.tenantId), method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}
const queryPath = (scope: string, version = '2023-11-01', extra = '') => `/${scope}/providers/Microsoft.CostManagement/query?api-version=${version}${extra}`;

/** Every page, following properties.nextLink with the same body; rows as objects by column name. */
async function queryAll<R extends CostRow = CostRow & { Currency: string }>(e: Emulator, sub: WorldSubscription, scope: string, body: unknown, extra = ''): Promise<{ columns: string[]; rows: R[]; pages: number; status: number }> {
  let url: string | null = queryPath(scope, '2023-11-01', extra);
  const rows: R[] = [];
  let columns: string[] = [];
  let pages = 0;
  while (url) {
    const res = await post(e, sub, url, body);
    if (res.status === 204) { return { columns, rows, pages, status: 204 }; }
    assert.equal(res.status, 200, await res.clone().text());
    const json = await jsonAs<QueryResult>(res);
    columns = json.properties.columns.map((c) => c.name);
    rows.push(...namedRows<R>(json));
    pages++;
    url = json.properties.nextLink;
  }
  return { columns, rows, pages, status: 200 };
}

const centsOf = (rows: CostRow[]) => rows.reduce((s, r) => s + Math.round(r.Cost * 100), 0);

describe('emulator: Cost Management query', () => {
  const emu = useEmulator({ settings: { pageSize: 50 } });

  it('answers in the QueryResult envelope with columns in Azure\'s order and UsageDate as a yyyymmdd number', async () => {
    const e = emu();
    const sub = payg(e);
    const res = await post(e, sub, queryPath(`subscriptions/${sub.subscriptionId}`), {
      type: 'ActualCost', timeframe: 'Custom', timePeriod: october,
      dataset: { granularity: 'Daily', aggregation: { totalCost: { name: 'PreTaxCost', function: 'Sum' }, qty: { name: 'UsageQuantity', function: 'Sum' } }, grouping: [{ type: 'Dimension', name: 'ServiceName' }, { type: 'Dimension', name: 'ResourceGroupName' }] },
    });
    assert.equal(res.status, 200);
    assert.ok(res.headers.get('x-ms-request-id'));
    // PreTaxCost, UsageQuantity, UsageDate, ServiceName, ResourceGroupName, Currency
    const json = await jsonAs<QueryResult<[number, number, number, string, string, string]>>(res);
    assert.equal(json.type, 'Microsoft.CostManagement/query');
    assert.match(json.id, new RegExp(`^subscriptions/${sub.subscriptionId}/providers/Microsoft.CostManagement/query/[0-9a-f-]{36}$`));
    assert.equal(json.location, null);
    assert.deepEqual(json.properties.columns, [
      { name: 'PreTaxCost', type: 'Number' }, { name: 'UsageQuantity', type: 'Number' }, { name: 'UsageDate', type: 'Number' },
      { name: 'ServiceName', type: 'String' }, { name: 'ResourceGroupName', type: 'String' }, { name: 'Currency', type: 'String' },
    ]);
    for (const row of json.properties.rows) {
      assert.equal(typeof row[2], 'number');
      assert.ok(row[2] >= 20261001 && row[2] <= 20261031);
      assert.equal(row[4], row[4].toLowerCase(), 'resource groups come lower-cased');
      assert.equal(row[5], sub.currency);
    }
  });

  it('answers every api-version and refuses an unknown one', async () => {
    const e = emu();
    const sub = payg(e);
    const body = { type: 'Usage', timeframe: 'TheLastMonth', dataset: { aggregation: cost } };
    const totals = new Set<number>();
    for (const v of VERSIONS) {
      const res = await post(e, sub, queryPath(`subscriptions/${sub.subscriptionId}`, v), body);
      assert.equal(res.status, 200, v);
      totals.add((await jsonAs<QueryResult<[number, string]>>(res)).properties.rows[0][0]);
    }
    assert.equal(totals.size, 1, 'the same total in every version');
    const bad = await post(e, sub, queryPath(`subscriptions/${sub.subscriptionId}`, '2019-10-01-preview'), body);
    assert.equal(bad.status, 400);
    assert.equal((await jsonAs<ArmError>(bad)).error.code, 'InvalidApiVersionParameter');
  });

  const invalid: Array<[string, unknown, RegExp]> = [
    ['a missing type', { timeframe: 'MonthToDate', dataset: { aggregation: cost } }, /type/],
    ['an unknown timeframe', { type: 'ActualCost', timeframe: 'LastYear', dataset: { aggregation: cost } }, /timeframe/],
    ['Custom without timePeriod', { type: 'ActualCost', timeframe: 'Custom', dataset: { aggregation: cost } }, /timePeriod is required/],
    ['timePeriod with another timeframe', { type: 'ActualCost', timeframe: 'MonthToDate', timePeriod: october, dataset: { aggregation: cost } }, /only when timeframe is 'Custom'/],
    ['a period that ends before it starts', { type: 'ActualCost', timeframe: 'Custom', timePeriod: { from: october.to, to: october.from }, dataset: { aggregation: cost } }, /earlier/],
    ['a period longer than a year', { type: 'ActualCost', timeframe: 'Custom', timePeriod: { from: '2025-01-01T00:00:00Z', to: '2026-10-31T00:00:00Z' }, dataset: { aggregation: cost } }, /1 year/],
    ['three aggregations', { type: 'ActualCost', timeframe: 'MonthToDate', dataset: { aggregation: { a: { name: 'Cost', function: 'Sum' }, b: { name: 'CostUSD', function: 'Sum' }, c: { name: 'UsageQuantity', function: 'Sum' } } } }, /at most 2 aggregations/],
    ['an aggregation function other than Sum', { type: 'ActualCost', timeframe: 'MonthToDate', dataset: { aggregation: { a: { name: 'Cost', function: 'Avg' } } } }, /Sum/],
    ['an unknown aggregation column', { type: 'ActualCost', timeframe: 'MonthToDate', dataset: { aggregation: { a: { name: 'Price', function: 'Sum' } } } }, /aggregation column/],
    ['three groupings', { type: 'ActualCost', timeframe: 'MonthToDate', dataset: { aggregation: cost, grouping: [{ type: 'Dimension', name: 'ServiceName' }, { type: 'Dimension', name: 'Meter' }, { type: 'Dimension', name: 'ResourceId' }] } }, /at most 2 groupings/],
    ['an unknown dimension', { type: 'ActualCost', timeframe: 'MonthToDate', dataset: { aggregation: cost, grouping: [{ type: 'Dimension', name: 'Colour' }] } }, /dimension 'Colour'/],
    ['an unknown granularity', { type: 'ActualCost', timeframe: 'MonthToDate', dataset: { granularity: 'Hourly', aggregation: cost } }, /granularity/],
    ['an "and" with one expression', { type: 'ActualCost', timeframe: 'MonthToDate', dataset: { aggregation: cost, filter: { and: [{ dimensions: { name: 'ServiceName', operator: 'In', values: ['Storage'] } }] } } }, /at least two/],
    ['a filter operator other than In', { type: 'ActualCost', timeframe: 'MonthToDate', dataset: { aggregation: cost, filter: { dimensions: { name: 'ServiceName', operator: 'Contains', values: ['Storage'] } } } }, /operator/],
  ];
  for (const [what, body, message] of invalid) {
    it(`refuses ${what} with 400 BadRequest`, async () => {
      const e = emu();
      const sub = payg(e);
      const res = await post(e, sub, queryPath(`subscriptions/${sub.subscriptionId}`), body);
      assert.equal(res.status, 400);
      const json = await jsonAs<ArmError>(res);
      assert.equal(json.error.code, 'BadRequest');
      assert.match(json.error.message, message);
    });
  }

  it('resolves timeframes against the world\'s today (2026-11-15, a Sunday)', async () => {
    const e = emu();
    const sub = payg(e);
    const dates = async (timeframe: string) => {
      const r = await queryAll<CostRow & { UsageDate: number }>(e, sub, `subscriptions/${sub.subscriptionId}`, { type: 'ActualCost', timeframe, dataset: { granularity: 'Daily', aggregation: cost } });
      return r.status === 204 ? [] : r.rows.map((x) => x.UsageDate);
    };
    const mtd = await dates('MonthToDate');
    assert.equal(Math.min(...mtd), 20261101);
    assert.equal(Math.max(...mtd), 20261114, 'usage ends the day before today');
    assert.deepEqual(await dates('BillingMonthToDate'), mtd);
    const last = await dates('TheLastMonth');
    assert.equal(last.length, 31);
    assert.equal(Math.min(...last), 20261001);
    assert.deepEqual(await dates('TheLastBillingMonth'), last);
    assert.deepEqual(await dates('WeekToDate'), [], 'the week began today, which has no usage yet: 204');
  });

  it('pages by re-POSTing the same body to properties.nextLink; $top sets the page size', async () => {
    const e = emu();
    const sub = payg(e);
    const scope = `subscriptions/${sub.subscriptionId}`;
    const body = { type: 'ActualCost', timeframe: 'Custom', timePeriod: october, dataset: { granularity: 'Daily', aggregation: cost, grouping: [{ type: 'Dimension', name: 'Meter' }] } };
    const whole = await queryAll(e, sub, scope, body);
    assert.equal(whole.pages, Math.ceil(whole.rows.length / 50));
    const paged = await queryAll(e, sub, scope, body, '&$top=7');
    assert.equal(paged.pages, Math.ceil(whole.rows.length / 7));
    assert.deepEqual(paged.rows, whole.rows);

    const first = await jsonAs<QueryResult>(await post(e, sub, queryPath(scope, '2023-11-01', '&$top=7'), body));
    const next = first.properties.nextLink as string;
    assert.match(next, /^https:\/\/127\.0\.0\.1:\d+\/subscriptions\/.*\/query\?api-version=2023-11-01&.*skiptoken=/);
    const changed = await post(e, sub, next, { ...body, type: 'Usage' });
    assert.equal(changed.status, 400, 'a different body on the nextLink is refused');
    const get = await armFetch(e, next, { token: e.issueToken(sub.tenantId) });
    assert.equal(get.status, 405, 'GET on the nextLink is not how query pages are read');
    const badTop = await post(e, sub, queryPath(scope, '2023-11-01', '&$top=0'), body);
    assert.equal(badTop.status, 400);
  });

  it('answers 204 with no body when the period has no data', async () => {
    const e = emu();
    const sub = payg(e);
    const res = await post(e, sub, queryPath(`subscriptions/${sub.subscriptionId}`), { type: 'ActualCost', timeframe: 'Custom', timePeriod: { from: '2021-01-01T00:00:00Z', to: '2021-01-31T00:00:00Z' }, dataset: { aggregation: cost } });
    assert.equal(res.status, 204);
    assert.equal(await res.text(), '');
    assert.ok(res.headers.get('x-ms-ratelimit-microsoft.costmanagement-qpu-consumed'));
  });

  it('groups by tag with TagKey and TagValue columns, by month with BillingMonth, and every grouping adds up to the total', async () => {
    const e = emu();
    const sub = payg(e);
    const scope = `subscriptions/${sub.subscriptionId}`;
    const base = { type: 'ActualCost', timeframe: 'Custom', timePeriod: { from: '2026-09-01T00:00:00Z', to: '2026-10-31T00:00:00Z' } };
    const total = await queryAll(e, sub, scope, { ...base, dataset: { aggregation: cost } });
    assert.equal(total.rows.length, 1);
    const byTag = await queryAll<TagRow>(e, sub, scope, { ...base, dataset: { aggregation: cost, grouping: [{ type: 'TagKey', name: 'env' }] } });
    assert.deepEqual(byTag.columns, ['Cost', 'TagKey', 'TagValue', 'Currency']);
    assert.ok(byTag.rows.every((r) => (r.TagKey === 'env' && r.TagValue !== '') || (r.TagKey === '' && r.TagValue === '')));
    assert.equal(centsOf(byTag.rows), centsOf(total.rows));
    const monthly = await queryAll<CostRow & { BillingMonth: string }>(e, sub, scope, { ...base, dataset: { granularity: 'Monthly', aggregation: cost } });
    assert.deepEqual(monthly.columns, ['Cost', 'BillingMonth', 'Currency']);
    assert.deepEqual(monthly.rows.map((r) => r.BillingMonth), ['2026-09-01T00:00:00', '2026-10-01T00:00:00']);
    assert.equal(centsOf(monthly.rows), centsOf(total.rows));
    const daily = await queryAll(e, sub, scope, { ...base, dataset: { granularity: 'Daily', aggregation: cost, grouping: [{ type: 'Dimension', name: 'ResourceId' }, { type: 'Dimension', name: 'Meter' }] } });
    assert.equal(centsOf(daily.rows), centsOf(total.rows), 'per-resource daily rows add up exactly to the total');
  });

  it('filters by dimensions and tags (In, and, or), matching a resource-group scope', async () => {
    const e = emu();
    const sub = payg(e);
    const scope = `subscriptions/${sub.subscriptionId}`;
    const base = { type: 'ActualCost', timeframe: 'TheLastMonth' };
    const groups = await queryAll<CostRow & { ResourceGroup: string }>(e, sub, scope, { ...base, dataset: { aggregation: cost, grouping: [{ type: 'Dimension', name: 'ResourceGroup' }] } });
    assert.ok(groups.rows.length >= 1);
    for (const g of groups.rows) {
      const filtered = await queryAll(e, sub, scope, { ...base, dataset: { aggregation: cost, filter: { dimensions: { name: 'ResourceGroup', operator: 'In', values: [g.ResourceGroup.toUpperCase()] } } } });
      assert.equal(centsOf(filtered.rows), Math.round(g.Cost * 100));
      const rgScope = await queryAll(e, sub, `${scope}/resourceGroups/${g.ResourceGroup}`, { ...base, dataset: { aggregation: cost } });
      assert.equal(centsOf(rgScope.rows), Math.round(g.Cost * 100));
    }
    const byService = await queryAll<CostRow & { ServiceName: string }>(e, sub, scope, { ...base, dataset: { aggregation: cost, grouping: [{ type: 'Dimension', name: 'ServiceName' }] } });
    const [a, b] = byService.rows;
    const either = await queryAll(e, sub, scope, { ...base, dataset: { aggregation: cost, filter: { or: [
      { dimensions: { name: 'ServiceName', operator: 'In', values: [a.ServiceName] } },
      { dimensions: { name: 'ServiceName', operator: 'In', values: [b.ServiceName] } },
    ] } } });
    assert.equal(centsOf(either.rows), Math.round(a.Cost * 100) + Math.round(b.Cost * 100));
    const byEnv = await queryAll<TagRow>(e, sub, scope, { ...base, dataset: { aggregation: cost, grouping: [{ type: 'TagKey', name: 'env' }] } });
    const tagged = byEnv.rows.find((r) => r.TagKey === 'env');
    if (tagged) {
      const both = await queryAll(e, sub, scope, { ...base, dataset: { aggregation: cost, filter: { and: [
        { tags: { name: 'env', operator: 'In', values: [tagged.TagValue] } },
        { dimensions: { name: 'ChargeType', operator: 'In', values: ['Usage'] } },
      ] } } });
      assert.equal(centsOf(both.rows), Math.round(tagged.Cost * 100));
    }
  });

  it('reports CostUSD beside Cost in a non-USD subscription', async () => {
    const e = emu();
    const sub = subscriptionsOf(e).find((s) => s.currency !== 'USD' && !s.offerId.endsWith('0145P'));
    assert.ok(sub, 'the world has a non-USD subscription');
    const r = await queryAll<CostRow & { CostUSD: number; Currency: string }>(e, sub, `subscriptions/${sub.subscriptionId}`, { type: 'ActualCost', timeframe: 'TheLastMonth', dataset: { aggregation: { c: { name: 'Cost', function: 'Sum' }, u: { name: 'CostUSD', function: 'Sum' } } } });
    assert.deepEqual(r.columns, ['Cost', 'CostUSD', 'Currency']);
    assert.equal(r.rows[0].Currency, sub.currency);
    assert.notEqual(r.rows[0].Cost, r.rows[0].CostUSD);
  });

  it('sends the QPU headers, and throttles a scope with code "429" only when the limiter is on', async () => {
    const e = emu();
    const sub = payg(e);
    const path = queryPath(`subscriptions/${sub.subscriptionId}`);
    const body = { type: 'ActualCost', timeframe: 'MonthToDate', dataset: { aggregation: cost } };
    const res = await post(e, sub, path, body);
    assert.equal(res.headers.get('x-ms-ratelimit-microsoft.costmanagement-qpu-consumed'), '1');
    assert.match(res.headers.get('x-ms-ratelimit-microsoft.costmanagement-qpu-remaining') ?? '', /^QueriesPerHour:\d+,QueriesPerMin:\d+,QueriesPer10Sec:\d+$/);
    for (let i = 0; i < 15; i++) { assert.equal((await post(e, sub, path, body)).status, 200, 'off by default: never throttled'); }

    e.settings.costManagementQpuLimits = { per10Seconds: 3, perMinute: 100, perHour: 1000 };
    try {
      const rgPath = queryPath(`subscriptions/${sub.subscriptionId}/resourceGroups/${'x'.repeat(3)}`);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) { statuses.push((await post(e, sub, rgPath, body)).status); }
      assert.deepEqual(statuses.slice(0, 3).map((s) => s === 200 || s === 204), [true, true, true]);
      assert.equal(statuses[3], 429);
      const throttled = await post(e, sub, rgPath, body);
      assert.equal(throttled.status, 429);
      assert.deepEqual(await jsonAs(throttled), { error: { code: '429', message: 'Too many requests. Please retry.' } });
      const wait = Number(throttled.headers.get('x-ms-ratelimit-microsoft.costmanagement-qpu-retry-after'));
      assert.ok(wait >= 1 && wait <= 10);
      const ownBucket = await post(e, sub, rgPath, body, { ClientType: 'azure-billing-insight' });
      assert.notEqual(ownBucket.status, 429, 'a ClientType header has its own bucket');
    } finally {
      e.settings.costManagementQpuLimits = null;
    }
  });
});
