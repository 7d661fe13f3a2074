// Microsoft.Commerce UsageAggregates as a client sees it: validation with flat errors, selection
// by reported time, continuationToken paging, Daily vs Hourly, showDetails, instanceData.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Emulator } from '../../emulator/server';
import type { WorldSubscription } from '../../emulator/world/types';
import { usageWorldOf } from '../../emulator/world/usage/access';
import { ArmPage, armFetch, jsonAs, useEmulator } from '../../support/emulator';
import type { ArmError, FlatError, InstanceData, UsageAggregate } from '../../support/wireShapes';

/** Commerce answers validation errors flat, not wrapped in `error`. */
type CommerceError = FlatError & { error?: unknown };

const subscriptionsOf = (e: Emulator) => (e.world as unknown as { subscriptions: WorldSubscription[] }).subscriptions;
const payg = (e: Emulator) => subscriptionsOf(e).find((s) => s.offerId === 'MS-AZR-0003P')!;

function usageUrl(subId: string, params: Record<string, string>): string {
  return `/subscriptions/${subId}/providers/Microsoft.Commerce/UsageAggregates?${new URLSearchParams({ 'api-version': '2015-06-01-preview', ...params }).toString()}`;
}

async function allRows(e: Emulator, sub: WorldSubscription, params: Record<string, string>): Promise<{ rows: UsageAggregate[]; pages: number; sizes: number[]; links: string[] }> {
  let url: string | undefined = usageUrl(sub.subscriptionId, params);
  const rows: UsageAggregate[] = [];
  const links: string[] = [];
  const sizes: number[] = [];
  let pages = 0;
  while (url) {
    const res = await armFetch(e, url, { token: e.issueToken(sub.tenantId) });
    assert.equal(res.status, 200, await res.clone().text());
    const body = await jsonAs<ArmPage<UsageAggregate>>(res);
    rows.push(...body.value);
    sizes.push(body.value.length);
    pages++;
    url = body.nextLink || undefined;
    if (url) { links.push(url); }
  }
  return { rows, pages, sizes, links };
}

const day = (iso: string) => iso.slice(0, 10);
const quantityByKey = (rows: UsageAggregate[], key: (r: UsageAggregate) => string) => {
  const out = new Map<string, number>();
  for (const r of rows) { out.set(key(r), (out.get(key(r)) ?? 0) + Math.round(r.properties.quantity * 1e4)); }
  return out;
};

describe('emulator: Commerce UsageAggregates', () => {
  const emu = useEmulator({ settings: { pageSize: 25 } });

  it('requires reportedStartTime and reportedEndTime and answers with a flat error', async () => {
    const e = emu();
    const sub = payg(e);
    const res = await armFetch(e, usageUrl(sub.subscriptionId, { reportedEndTime: '2026-10-02T00:00:00Z' }), { token: e.issueToken(sub.tenantId) });
    assert.equal(res.status, 400);
    const body = await jsonAs<CommerceError>(res);
    assert.equal(body.error, undefined, 'Commerce errors are not wrapped in "error"');
    assert.equal(body.code, 'InvalidInput');
    assert.match(body.message, /reportedStartTime/);
  });

  const invalid: Array<[string, Record<string, string>, RegExp]> = [
    ['an unencoded + (which arrives as a space)', { reportedStartTime: '2026-10-01T00:00:00 00:00', reportedEndTime: '2026-10-02T00:00:00Z' }, /%2B/],
    ['a date without a time zone', { reportedStartTime: '2026-10-01T00:00:00', reportedEndTime: '2026-10-02T00:00:00Z' }, /time zone/],
    ['a Daily window not at midnight', { reportedStartTime: '2026-10-01T05:00:00Z', reportedEndTime: '2026-10-02T00:00:00Z' }, /00:00:00 UTC/],
    ['an Hourly window not on the hour', { reportedStartTime: '2026-10-01T05:30:00Z', reportedEndTime: '2026-10-02T00:00:00Z', aggregationGranularity: 'Hourly' }, /on the hour/],
    ['a granularity outside the closed enum', { reportedStartTime: '2026-10-01T00:00:00Z', reportedEndTime: '2026-10-02T00:00:00Z', aggregationGranularity: 'Weekly' }, /Daily.*Hourly/],
    ['showDetails that is not a boolean', { reportedStartTime: '2026-10-01T00:00:00Z', reportedEndTime: '2026-10-02T00:00:00Z', showDetails: 'yes' }, /showDetails/],
    ['an end before the start', { reportedStartTime: '2026-10-02T00:00:00Z', reportedEndTime: '2026-10-01T00:00:00Z' }, /later/],
    ['a forged continuation token', { reportedStartTime: '2026-10-01T00:00:00Z', reportedEndTime: '2026-10-02T00:00:00Z', continuationToken: 'bm9wZQ==' }, /continuation/],
  ];
  for (const [what, params, message] of invalid) {
    it(`refuses ${what}`, async () => {
      const e = emu();
      const sub = payg(e);
      const res = await armFetch(e, usageUrl(sub.subscriptionId, params), { token: e.issueToken(sub.tenantId) });
      assert.equal(res.status, 400);
      const body = await jsonAs<FlatError>(res);
      assert.equal(body.code, 'InvalidInput');
      assert.match(body.message, message);
    });
  }

  it('accepts a +00:00 offset sent as %2B and a non-zero offset that lands on UTC midnight', async () => {
    const e = emu();
    const sub = payg(e);
    const a = await allRows(e, sub, { reportedStartTime: '2026-10-01T00:00:00+00:00', reportedEndTime: '2026-10-02T00:00:00+00:00' });
    const b = await allRows(e, sub, { reportedStartTime: '2026-10-01T02:00:00+02:00', reportedEndTime: '2026-10-02T00:00:00Z' });
    assert.ok(a.rows.length > 0);
    assert.deepEqual(b.rows.map((r) => r.name), a.rows.map((r) => r.name));
  });

  it('answers ARM errors for an unknown api-version, an unknown subscription and a token of another tenant', async () => {
    const e = emu();
    const sub = payg(e);
    const window = { reportedStartTime: '2026-10-01T00:00:00Z', reportedEndTime: '2026-10-02T00:00:00Z' };
    const badVersion = await armFetch(e, usageUrl(sub.subscriptionId, { ...window, 'api-version': '2016-08-31-preview' }), { token: e.issueToken(sub.tenantId) });
    assert.equal(badVersion.status, 400);
    assert.equal((await jsonAs<ArmError>(badVersion)).error.code, 'InvalidApiVersionParameter');
    const unknown = await armFetch(e, usageUrl('00000000-0000-4000-8000-00000000dead', window), { token: e.issueToken(sub.tenantId) });
    assert.equal(unknown.status, 404);
    assert.equal((await jsonAs<FlatError>(unknown)).code, 'SubscriptionNotFound');
    const otherTenant = e.issueToken(e.tenantId === sub.tenantId ? subscriptionsOf(e).find((s) => s.tenantId !== sub.tenantId)!.tenantId : e.tenantId);
    const wrong = await armFetch(e, usageUrl(sub.subscriptionId, window), { token: otherTenant });
    assert.equal(wrong.status, 401);
    assert.equal((await jsonAs<FlatError>(wrong)).code, 'InvalidAuthenticationTokenTenant');
  });

  it('pages with continuationToken in an absolute top-level nextLink that keeps every other parameter', async () => {
    const e = emu();
    const sub = payg(e);
    const params = { reportedStartTime: '2026-10-01T00:00:00+00:00', reportedEndTime: '2026-10-15T00:00:00+00:00' };
    const paged = await allRows(e, sub, params);
    assert.ok(paged.pages >= 3);
    assert.ok(paged.sizes.slice(0, -1).every((n) => n === 25), 'every page but the last is full');
    assert.ok(paged.sizes.at(-1)! > 0 && paged.sizes.at(-1)! <= 25, 'the last page is not empty');
    for (const link of paged.links) {
      const url = new URL(link);
      assert.equal(url.origin, e.baseUrl);
      assert.equal(url.searchParams.get('api-version'), '2015-06-01-preview');
      assert.equal(url.searchParams.get('reportedStartTime'), '2026-10-01T00:00:00+00:00');
      assert.ok(url.searchParams.get('continuationToken'));
    }
    assert.equal(new Set(paged.rows.map((r) => r.name)).size, paged.rows.length, 'no row twice');
    // The same rows in the same order as one big page.
    e.settings.pageSize = 10_000;
    try {
      const whole = await allRows(e, sub, params);
      assert.equal(whole.pages, 1);
      assert.deepEqual(paged.rows.map((r) => r.name), whole.rows.map((r) => r.name));
    } finally {
      e.settings.pageSize = 25;
    }
  });

  it('selects rows by reported time: late rows show up in the next window, none is lost or repeated', async () => {
    const e = emu();
    const sub = payg(e);
    const big = await allRows(e, sub, { reportedStartTime: '2026-10-01T00:00:00Z', reportedEndTime: '2026-11-01T00:00:00Z' });
    let late = 0;
    const byDay: UsageAggregate[] = [];
    for (let d = 1; d <= 31; d++) {
      const from = `2026-10-${String(d).padStart(2, '0')}`;
      const to = d === 31 ? '2026-11-01' : `2026-10-${String(d + 1).padStart(2, '0')}`;
      const { rows } = await allRows(e, sub, { reportedStartTime: `${from}T00:00:00Z`, reportedEndTime: `${to}T00:00:00Z` });
      for (const r of rows) {
        const usage = day(r.properties.usageStartTime);
        assert.ok(usage === from || usage === day(new Date(Date.parse(from) - 86_400_000).toISOString()), `a row reported on ${from} is for that day or the day before`);
        if (usage !== from) { late++; }
      }
      byDay.push(...rows);
    }
    assert.ok(late > 0, 'some usage reached the billing system a day late');
    assert.deepEqual(byDay.map((r) => r.name).sort(), big.rows.map((r) => r.name).sort());
  });

  it('writes instanceData as a JSON string with Microsoft.Resources, and infoFields for classic resources', async () => {
    const e = emu();
    const usage = usageWorldOf(e.world);
    const withClassic = subscriptionsOf(e).find((s) => !s.offerId.endsWith('0145P') && usage.resourcesOf(s.subscriptionId).some((r) => r.classic));
    assert.ok(withClassic, 'some subscription has a classic storage account');
    const { rows } = await allRows(e, withClassic, { reportedStartTime: '2026-10-01T00:00:00Z', reportedEndTime: '2026-10-04T00:00:00Z' });
    const modern = rows.filter((r) => r.properties.instanceData !== undefined);
    const classic = rows.filter((r) => r.properties.instanceData === undefined);
    assert.ok(modern.length > 0 && classic.length > 0);
    for (const r of modern) {
      assert.equal(typeof r.properties.instanceData, 'string');
      const res = (JSON.parse(String(r.properties.instanceData)) as InstanceData)['Microsoft.Resources'];
      assert.match(res.resourceUri, new RegExp(`^/subscriptions/${withClassic.subscriptionId}/resourceGroups/[^/]+/providers/`));
      assert.match(res.location, /^[a-z0-9]+$/, 'an ARM region name, not a display name');
      assert.notEqual(res.location, r.properties.meterRegion);
      assert.deepEqual(r.properties.infoFields, {});
    }
    for (const r of classic) {
      assert.equal(r.properties.infoFields.meteredService, 'Storage');
      assert.ok(r.properties.infoFields.project);
    }
    const first = rows[0];
    assert.equal(first.type, 'Microsoft.Commerce/UsageAggregate');
    assert.equal(first.id, `/subscriptions/${withClassic.subscriptionId}/providers/Microsoft.Commerce/UsageAggregates/${first.name}`);
    assert.match(first.properties.usageStartTime, /^\d{4}-\d{2}-\d{2}T00:00:00\+00:00$/);
  });

  it('sums Hourly rows to the Daily rows of the same resource, meter and usage day', async () => {
    const e = emu();
    const sub = payg(e);
    const key = (r: UsageAggregate) => `${r.properties.instanceData ?? JSON.stringify(r.properties.infoFields)}|${r.properties.meterId}|${day(r.properties.usageStartTime)}`;
    const daily = await allRows(e, sub, { reportedStartTime: '2026-10-10T00:00:00Z', reportedEndTime: '2026-10-13T00:00:00Z' });
    const hourly = await allRows(e, sub, { reportedStartTime: '2026-10-10T00:00:00Z', reportedEndTime: '2026-10-13T00:00:00Z', aggregationGranularity: 'Hourly' });
    for (const r of hourly.rows) {
      assert.equal(Date.parse(r.properties.usageEndTime) - Date.parse(r.properties.usageStartTime), 3_600_000);
      assert.match(r.name, /^Hourly_/);
    }
    // Compare only usage days wholly inside both windows (late rows shift by a whole day in both).
    const inside = (r: UsageAggregate) => ['2026-10-10', '2026-10-11'].includes(day(r.properties.usageStartTime));
    assert.deepEqual(quantityByKey(hourly.rows.filter(inside), key), quantityByKey(daily.rows.filter(inside), key));
  });

  it('rolls up per meter with showDetails=false: no instance data, same quantities', async () => {
    const e = emu();
    const usage = usageWorldOf(e.world);
    const sharesAMeter = (s: WorldSubscription) => {
      const meters = usage.streamsOf(s.subscriptionId).map((x) => x.meter.meterId);
      return new Set(meters).size < meters.length;
    };
    const sub = subscriptionsOf(e).find((s) => !s.offerId.endsWith('0145P') && sharesAMeter(s));
    assert.ok(sub, 'some subscription has two resources on one meter');
    const window = { reportedStartTime: '2026-10-01T00:00:00Z', reportedEndTime: '2026-10-08T00:00:00Z' };
    const detailed = await allRows(e, sub, window);
    const rolled = await allRows(e, sub, { ...window, showDetails: 'false' });
    assert.ok(rolled.rows.length < detailed.rows.length);
    assert.ok(rolled.rows.every((r) => r.properties.instanceData === undefined));
    const key = (r: UsageAggregate) => `${r.properties.meterId}|${r.properties.usageStartTime}`;
    assert.deepEqual(quantityByKey(rolled.rows, key), quantityByKey(detailed.rows, key));
  });

  it('reports nothing for usage on or after the world\'s today', async () => {
    const e = emu();
    const sub = payg(e);
    const { rows } = await allRows(e, sub, { reportedStartTime: '2026-11-12T00:00:00Z', reportedEndTime: '2026-11-20T00:00:00Z' });
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => day(r.properties.usageStartTime) < '2026-11-15'));
  });

  it('refuses CSP subscriptions as Azure does (DisallowedProvider)', async () => {
    const e = emu();
    const csp = subscriptionsOf(e).find((s) => s.offerId === 'MS-AZR-0145P');
    assert.ok(csp, 'the world has a CSP subscription');
    const res = await armFetch(e, usageUrl(csp.subscriptionId, { reportedStartTime: '2026-10-01T00:00:00Z', reportedEndTime: '2026-10-02T00:00:00Z' }), { token: e.issueToken(csp.tenantId) });
    assert.equal(res.status, 400);
    assert.equal((await jsonAs<ArmError>(res)).error.code, 'DisallowedProvider');
  });
});
