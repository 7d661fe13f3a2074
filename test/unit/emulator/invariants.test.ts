// The world's central promise, checked from the outside with the test's own arithmetic: for a
// subscription with a rate card, the daily cost Cost Management reports equals its usage (read
// from UsageAggregates, every page, grouped by usage day) priced with its RateCard (read through
// the 302, without credentials): tiers on the month-to-date quantity per meter, IncludedQuantity
// first, the rate row with the latest EffectiveDate on or before the day, each day's cost being
// round(cost through the day) − round(cost through the day before), to the cent.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Emulator } from '../../emulator/server';
import type { UsageCosts, WorldSubscription } from '../../emulator/world/types';
import { ArmPage, armFetch, jsonAs, useEmulator } from '../../support/emulator';
import { namedRows } from '../../support/wireShapes';
import type { QueryResult, RateCardDocument, UsageAggregate } from '../../support/wireShapes';


/** The parts of the world the billing side adds (typed structurally so this file does not depend on its shape). */
const worldOf = (e: Emulator) => e.world as unknown as { subscriptions: WorldSubscription[]; usage: UsageCosts };

interface RateRow {
  effective: string; // YYYY-MM-DD
  tiers: Array<{ from: number; price: number }>;
  included: number;
}

async function usageByMeterAndDay(e: Emulator, token: string, subId: string, month: string, nextMonthPlus3: string): Promise<Map<string, Map<string, number>>> {
  const q = new URLSearchParams({
    'api-version': '2015-06-01-preview',
    // Reported time ≠ usage time: start at the month and read a few days past it to catch late rows.
    reportedStartTime: `${month}-01T00:00:00+00:00`,
    reportedEndTime: `${nextMonthPlus3}T00:00:00Z`,
    aggregationGranularity: 'Daily',
    showDetails: 'true',
  });
  let url: string | undefined = `/subscriptions/${subId}/providers/Microsoft.Commerce/UsageAggregates?${q.toString()}`;
  const out = new Map<string, Map<string, number>>();
  let pages = 0;
  while (url) {
    const res = await armFetch(e, url, { token });
    assert.equal(res.status, 200);
    const body = await jsonAs<ArmPage<UsageAggregate>>(res);
    pages++;
    for (const row of body.value) {
      const day = row.properties.usageStartTime.slice(0, 10);
      if (!day.startsWith(month)) { continue; } // a late row of the month before, or usage of the next month
      const meter = row.properties.meterId.toLowerCase();
      if (!out.has(meter)) { out.set(meter, new Map()); }
      // Quantities carry at most 4 decimals: keep them as integers of 1e-4 units.
      const units = Math.round(row.properties.quantity * 1e4);
      out.get(meter)!.set(day, (out.get(meter)!.get(day) ?? 0) + units);
    }
    url = body.nextLink || undefined;
  }
  assert.ok(pages > 1, 'the usage should span several pages');
  return out;
}

async function rateCard(e: Emulator, token: string, subId: string, offer: string, currency: string, region: string): Promise<Map<string, RateRow[]>> {
  const filter = `OfferDurableId eq '${offer}' and Currency eq '${currency}' and Locale eq 'en-US' and RegionInfo eq '${region}'`;
  const res = await armFetch(e, `/subscriptions/${subId}/providers/Microsoft.Commerce/RateCard?api-version=2016-08-31-preview&$filter=${encodeURIComponent(filter)}`, { token, redirect: 'manual' });
  assert.equal(res.status, 302);
  const blob = await fetch(res.headers.get('location')!); // no Authorization header
  assert.equal(blob.status, 200);
  const doc = await jsonAs<RateCardDocument>(blob);
  const meters = new Map<string, RateRow[]>();
  for (const m of doc.Meters) {
    const id = m.MeterId.toLowerCase();
    const tiers = Object.entries(m.MeterRates).map(([from, price]) => ({ from: Number(from), price })).sort((a, b) => a.from - b.from);
    if (!meters.has(id)) { meters.set(id, []); }
    meters.get(id)!.push({ effective: m.EffectiveDate.slice(0, 10), tiers, included: m.IncludedQuantity });
  }
  return meters;
}

/** Cost of a month-to-date quantity, in 1e-10 currency units: quantities in 1e-4 units × prices in 1e-6 units. */
function tieredCost(units: number, row: RateRow): bigint {
  const billable = BigInt(units) - BigInt(Math.round(row.included * 1e4));
  let total = 0n;
  row.tiers.forEach((tier, i) => {
    const lo = BigInt(Math.round(tier.from * 1e4));
    const hi = i + 1 < row.tiers.length ? BigInt(Math.round(row.tiers[i + 1].from * 1e4)) : undefined;
    let portion = billable - lo;
    if (hi !== undefined && portion > hi - lo) { portion = hi - lo; }
    if (portion > 0n) { total += portion * BigInt(Math.round(tier.price * 1e6)); }
  });
  return total;
}

const cents = (exact: bigint) => Number((exact + 50_000_000n) / 100_000_000n); // half up

function rowOn(rows: RateRow[], day: string): RateRow {
  const valid = rows.filter((r) => r.effective <= day).sort((a, b) => a.effective.localeCompare(b.effective));
  return valid.at(-1) ?? rows[0];
}

async function costManagementDaily(e: Emulator, token: string, subId: string, month: string, lastDay: string): Promise<Map<string, number>> {
  const body = JSON.stringify({
    type: 'ActualCost', timeframe: 'Custom', timePeriod: { from: `${month}-01T00:00:00Z`, to: `${lastDay}T23:59:59Z` },
    dataset: { granularity: 'Daily', aggregation: { totalCost: { name: 'Cost', function: 'Sum' } } },
  });
  let url: string | undefined = `/subscriptions/${subId}/providers/Microsoft.CostManagement/query?api-version=2023-11-01&$top=7`;
  const out = new Map<string, number>();
  let pages = 0;
  while (url) {
    const res = await armFetch(e, url, { token, method: 'POST', body, headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 200);
    const json = await jsonAs<QueryResult>(res);
    pages++;
    for (const row of namedRows<{ Cost: number; UsageDate: number }>(json)) {
      const date = String(row.UsageDate);
      out.set(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`, row.Cost);
    }
    url = json.properties.nextLink ?? undefined;
  }
  assert.ok(pages >= 4, 'a month of daily rows at $top=7 takes several re-POSTed pages');
  return out;
}

describe('invariant: Cost Management = UsageAggregates × RateCard', () => {
  const emu = useEmulator({ settings: { pageSize: 40 } });

  for (const offer of ['MS-AZR-0003P', 'MS-AZR-0023P', 'MS-AZR-0063P']) {
    it(`holds to the cent for every day of October 2026 on a ${offer} subscription, across a tier boundary`, async () => {
      const e = emu();
      const sub = worldOf(e).subscriptions.find((s) => s.offerId === offer);
      assert.ok(sub, `the world has a ${offer} subscription`);
      const token = e.issueToken(sub.tenantId);
      const usage = await usageByMeterAndDay(e, token, sub.subscriptionId, '2026-10', '2026-11-03');
      const rates = await rateCard(e, token, sub.subscriptionId, offer, sub.currency, sub.regionInfo);
      const reported = await costManagementDaily(e, token, sub.subscriptionId, '2026-10', '2026-10-31');

      const expected = new Map<string, number>();
      let crossedTier = false;
      for (const [meterId, days] of usage) {
        const rows = rates.get(meterId);
        assert.ok(rows, `meter ${meterId} is on the rate card`);
        let cumulative = 0;
        for (let d = 1; d <= 31; d++) {
          const day = `2026-10-${String(d).padStart(2, '0')}`;
          const q = days.get(day) ?? 0;
          if (q === 0) { continue; }
          const row = rowOn(rows, day);
          const before = cumulative;
          cumulative += q;
          const dayCents = cents(tieredCost(cumulative, row)) - cents(tieredCost(before, row));
          expected.set(day, (expected.get(day) ?? 0) + dayCents);
          const billable = (x: number) => x / 1e4 - row.included;
          if (d > 1 && row.tiers.slice(1).some((t) => billable(before) < t.from && billable(cumulative) > t.from)) { crossedTier = true; }
        }
      }
      assert.ok(crossedTier, 'some meter crosses a tier threshold in the middle of the month');
      assert.equal(reported.size, expected.size, 'one Cost Management row per day with usage');
      for (const [day, want] of expected) {
        assert.equal(Math.round((reported.get(day) ?? NaN) * 100), want, `cost on ${day}`);
      }
    });
  }

  it("agrees with the costs the billing side reads (world.usage.costBetween)", async () => {
    const e = emu();
    assert.ok('streamsOf' in worldOf(e).usage, 'world.usage is the usage world, not a stand-in');
    for (const sub of worldOf(e).subscriptions.filter((s) => !s.offerId.endsWith('0145P'))) {
      const token = e.issueToken(sub.tenantId);
      const body = JSON.stringify({ type: 'ActualCost', timeframe: 'TheLastMonth', dataset: { aggregation: { c: { name: 'Cost', function: 'Sum' } } } });
      const res = await armFetch(e, `/subscriptions/${sub.subscriptionId}/providers/Microsoft.CostManagement/query?api-version=2025-03-01`, { token, method: 'POST', body, headers: { 'content-type': 'application/json' } });
      const reported = res.status === 204 ? 0 : (await jsonAs<QueryResult<[number, string]>>(res)).properties.rows.reduce((s, r) => s + Math.round(r[0] * 100), 0);
      assert.equal(reported, Math.round(worldOf(e).usage.costBetween(sub.subscriptionId, '2026-10-01', '2026-10-31') * 100), sub.displayName);
    }
  });
});
