// Cost Management forecast: Actual rows equal the query's daily costs, Forecast rows continue
// from the world's today at the mean of the 28 days before it, no grouping, and the timeframe
// enum shrinks to Custom from 2024-08-01.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Emulator } from '../../emulator/server';
import type { WorldSubscription } from '../../emulator/world/types';
import { armFetch, jsonAs, useEmulator } from '../../support/emulator';
import { namedRows } from '../../support/wireShapes';
import type { ArmError, QueryResult } from '../../support/wireShapes';

/** A daily row of a cost query or forecast (CostStatus: forecasts only). */
interface DailyCostRow {
  Cost: number;
  UsageDate: number;
  CostStatus: string;
  Currency: string;
}

const subscriptionsOf = (e: Emulator) => (e.world as unknown as { subscriptions: WorldSubscription[] }).subscriptions;
const payg = (e: Emulator) => subscriptionsOf(e).find((s) => s.offerId === 'MS-AZR-0003P')!;
const cost = { totalCost: { name: 'Cost', function: 'Sum' } };
const november = { from: '2026-11-01T00:00:00Z', to: '2026-11-30T23:59:59Z' };

async function rowsOf(e: Emulator, sub: WorldSubscription, kind: 'query' | 'forecast', version: string, body: unknown): Promise<{ status: number; columns: string[]; rows: DailyCostRow[]; error?: ArmError }> {
  let url: string | null = `/subscriptions/${sub.subscriptionId}/providers/Microsoft.CostManagement/${kind}?api-version=${version}`;
  const rows: DailyCostRow[] = [];
  let columns: string[] = [];
  while (url) {
    const res = await armFetch(e, url, { token: e.issueToken(sub.tenantId), method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    if (res.status === 204) { return { status: 204, columns, rows }; }
    if (res.status !== 200) { return { status: res.status, columns, rows, error: await jsonAs<ArmError>(res) }; }
    const json = await jsonAs<QueryResult>(res);
    assert.equal(json.type, 'Microsoft.CostManagement/query');
    columns = json.properties.columns.map((c) => c.name);
    rows.push(...namedRows<DailyCostRow>(json));
    url = json.properties.nextLink;
  }
  return { status: 200, columns, rows };
}

describe('emulator: Cost Management forecast', () => {
  const emu = useEmulator({ settings: { pageSize: 10 } });

  it('returns Actual rows equal to the query, then Forecast rows at the mean of the last 28 days', async () => {
    const e = emu();
    const sub = payg(e);
    const f = await rowsOf(e, sub, 'forecast', '2025-03-01', {
      type: 'ActualCost', timeframe: 'Custom', timePeriod: november, includeActualCost: true, includeFreshPartialCost: false,
      dataset: { granularity: 'Daily', aggregation: cost },
    });
    assert.equal(f.status, 200);
    assert.deepEqual(f.columns, ['Cost', 'UsageDate', 'CostStatus', 'Currency']);
    const actual = f.rows.filter((r) => r.CostStatus === 'Actual');
    const forecast = f.rows.filter((r) => r.CostStatus === 'Forecast');
    assert.deepEqual(actual.map((r) => r.UsageDate), Array.from({ length: 14 }, (_, i) => 20261101 + i));
    assert.deepEqual(forecast.map((r) => r.UsageDate), Array.from({ length: 16 }, (_, i) => 20261115 + i));

    const q = await rowsOf(e, sub, 'query', '2025-03-01', {
      type: 'ActualCost', timeframe: 'Custom', timePeriod: { from: '2026-10-18T00:00:00Z', to: '2026-11-14T00:00:00Z' },
      dataset: { granularity: 'Daily', aggregation: cost },
    });
    const byDate = new Map(q.rows.map((r) => [r.UsageDate, r.Cost]));
    for (const r of actual) { assert.equal(r.Cost, byDate.get(r.UsageDate)); }
    const last28 = q.rows.reduce((s, r) => s + Math.round(r.Cost * 100), 0);
    assert.equal(q.rows.length, 28);
    for (const r of forecast) { assert.equal(Math.round(r.Cost * 100), Math.round(last28 / 28)); }
  });

  it('leaves out Actual rows unless includeActualCost is true', async () => {
    const e = emu();
    const f = await rowsOf(e, payg(e), 'forecast', '2023-11-01', { type: 'Usage', timeframe: 'Custom', timePeriod: november, dataset: { granularity: 'Daily', aggregation: cost } });
    assert.equal(f.rows.length, 16);
    assert.ok(f.rows.every((r) => r.CostStatus === 'Forecast'));
    const past = await rowsOf(e, payg(e), 'forecast', '2023-11-01', { type: 'Usage', timeframe: 'Custom', timePeriod: { from: '2026-10-01T00:00:00Z', to: '2026-10-31T00:00:00Z' }, dataset: { granularity: 'Daily', aggregation: cost } });
    assert.equal(past.status, 204, 'a past period without actual costs has nothing to say');
  });

  it('refuses grouping and non-Custom timeframes from 2024-08-01, but takes MonthToDate on older versions', async () => {
    const e = emu();
    const grouped = await rowsOf(e, payg(e), 'forecast', '2023-11-01', {
      type: 'ActualCost', timeframe: 'Custom', timePeriod: november, dataset: { granularity: 'Daily', aggregation: cost, grouping: [{ type: 'Dimension', name: 'ServiceName' }] },
    });
    assert.equal(grouped.status, 400);
    assert.match(grouped.error?.error.message ?? '', /grouping/);
    const mtdNew = await rowsOf(e, payg(e), 'forecast', '2024-08-01', { type: 'ActualCost', timeframe: 'MonthToDate', includeActualCost: true, dataset: { granularity: 'Daily', aggregation: cost } });
    assert.equal(mtdNew.status, 400);
    const mtdOld = await rowsOf(e, payg(e), 'forecast', '2023-11-01', { type: 'ActualCost', timeframe: 'MonthToDate', includeActualCost: true, dataset: { granularity: 'Daily', aggregation: cost } });
    assert.equal(mtdOld.status, 200);
    assert.ok(mtdOld.rows.every((r) => r.CostStatus === 'Actual' ? r.UsageDate < 20261115 : r.UsageDate === 20261115));
    const quantity = await rowsOf(e, payg(e), 'forecast', '2023-11-01', { type: 'ActualCost', timeframe: 'Custom', timePeriod: november, dataset: { granularity: 'Daily', aggregation: { q: { name: 'UsageQuantity', function: 'Sum' } } } });
    assert.equal(quantity.status, 400, 'forecast aggregates costs only');
  });
});
