// Consumption budgets on the emulator: list/get/create/update/delete at subscription and billing
// scopes, the eTag rule, the validations of docs/azure-apis.md#budgets, and spend equal to the Cost
// Management total of the same scope, filter and period (asked of the emulator's query route).
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Emulator } from '../../emulator/server';
import { ArmPage, armFetch, FIXED_AS_OF, jsonAs, useEmulator } from '../../support/emulator';
import type { ArmError, Budget as WireBudget } from '../../support/wireShapes';

interface FilterPart { name: string; values: string[] }
/** The wire budget with the filter these tests set and read. */
type Budget = WireBudget & { properties: WireBudget['properties'] & { filter?: { dimensions?: FilterPart; tags?: FilterPart } } };
interface QueryAnswer { properties: { rows: number[][] } }

const V = 'api-version=2024-08-01';

/** The Cost Management total (in cents) of `scope` over [from, to] under `filter`, by the query route. */
async function costManagementCents(e: Emulator, scope: string, from: string, to: string, filter?: unknown): Promise<number> {
  const res = await armFetch(e, `${scope}/providers/Microsoft.CostManagement/query?api-version=2023-11-01`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'ActualCost', timeframe: 'Custom', timePeriod: { from: `${from}T00:00:00Z`, to: `${to}T23:59:59Z` },
      dataset: { granularity: 'None', aggregation: { totalCost: { name: 'Cost', function: 'Sum' } }, ...(filter ? { filter } : {}) },
    }),
  });
  if (res.status === 204) { return 0; }
  assert.equal(res.status, 200, await res.clone().text());
  const json = await jsonAs<QueryAnswer>(res);
  return json.properties.rows.reduce((sum, row) => sum + Math.round(row[0] * 100), 0);
}

/** A budget filter without the `operator` Cost Management's query does not take. */
function queryFilterOf(filter: { dimensions?: { name: string; values: string[] }; tags?: { name: string; values: string[] } }): unknown {
  if (filter.dimensions) { return { dimensions: { name: filter.dimensions.name, operator: 'In', values: filter.dimensions.values } }; }
  return { tags: { name: filter.tags!.name, operator: 'In', values: filter.tags!.values } };
}

function body(overrides: Record<string, unknown> = {}, eTag?: string): string {
  const properties = {
    category: 'Cost',
    amount: 1200,
    timeGrain: 'Monthly',
    timePeriod: { startDate: '2026-11-01T00:00:00Z' },
    notifications: { Actual_GreaterThan_80_Percent: { enabled: true, operator: 'GreaterThan', threshold: 80, contactEmails: ['ops@contoso.com'] } },
    ...overrides,
  };
  return JSON.stringify(eTag === undefined ? { properties } : { eTag, properties });
}

describe('emulator: Consumption budgets', () => {
  const emu = useEmulator();
  const put = (path: string, text: string) => armFetch(emu(), `${path}?${V}`, { method: 'PUT', body: text, headers: { 'content-type': 'application/json' } });
  const subScope = () => {
    const e = emu();
    const sub = e.world.subscriptions.find((s) => s.tenantId === e.tenantId && s.agreementType === 'MicrosoftCustomerAgreement');
    assert.ok(sub);
    return { sub, scope: `/subscriptions/${sub.subscriptionId}` };
  };

  it('lists the seeded budgets of a subscription, with spend = the Cost Management total of their period and filter', async () => {
    const e = emu();
    const { sub, scope } = subScope();
    const res = await armFetch(e, `${scope}/providers/Microsoft.Consumption/budgets?${V}`);
    assert.equal(res.status, 200);
    const budgets = (await jsonAs<ArmPage<Budget>>(res)).value;
    assert.deepEqual(budgets.map((b) => b.name), ['compute-monthly', 'platform-monthly']);
    const [filtered, budget] = budgets;
    assert.equal(budget.type, 'Microsoft.Consumption/budgets');
    assert.match(budget.eTag, /^"[0-9a-f]+"$/);
    // Monthly budget, so this month from the 1st up to yesterday (today's usage is not complete).
    assert.equal(FIXED_AS_OF, '2026-11-15');
    const cents = await costManagementCents(e, scope, '2026-11-01', '2026-11-14');
    assert.ok(cents > 0);
    assert.deepEqual(budget.properties.currentSpend, { amount: cents / 100, unit: sub.currency });
    // Independently of Cost Management: the usage side's own daily costs, rounded once.
    assert.ok(Math.abs(cents - Math.round(e.world.usage.costBetween(sub.subscriptionId, '2026-11-01', '2026-11-14') * 100)) <= 2);
    // Straight-line forecast: 14 days spent, 30 days in November.
    assert.equal(budget.properties.forecastSpend.amount, Math.round((cents * 30) / 14) / 100);
    // Seeded past its 80 % actual threshold, under 100 %; the filtered one under its 90 %.
    const ratio = budget.properties.currentSpend.amount / budget.properties.amount;
    assert.ok(ratio > 0.8 && ratio <= 0.85, `platform-monthly at ${ratio}`);
    const filteredCents = await costManagementCents(e, scope, '2026-11-01', '2026-11-14', queryFilterOf(filtered.properties.filter ?? {}));
    assert.ok(filteredCents > 0 && filteredCents < cents, 'the filter keeps part of the costs');
    assert.equal(Math.round(filtered.properties.currentSpend.amount * 100), filteredCents);
    const filteredRatio = filtered.properties.currentSpend.amount / filtered.properties.amount;
    assert.ok(filteredRatio > 0.4 && filteredRatio <= 0.45, `compute-monthly at ${filteredRatio}`);
  });

  it('computes spend for a new budget from its filter (meter category, tag) and its scope (resource group)', async () => {
    const e = emu();
    const { sub, scope } = subScope();
    const month = (f: unknown) => costManagementCents(e, scope, '2026-11-01', '2026-11-14', f);
    const grouped = await jsonAs<{ properties: { rows: Array<[number, string]> } }>(await armFetch(e, `${scope}/providers/Microsoft.CostManagement/query?api-version=2023-11-01`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'ActualCost', timeframe: 'Custom', timePeriod: { from: '2026-11-01T00:00:00Z', to: '2026-11-14T23:59:59Z' }, dataset: { granularity: 'None', aggregation: { c: { name: 'Cost', function: 'Sum' } }, grouping: [{ type: 'Dimension', name: 'ResourceGroupName' }] } }),
    }));
    const group = grouped.properties.rows[0][1];
    const filters = [
      { dimensions: { name: 'MeterCategory', operator: 'In', values: ['Storage'] } },
      { tags: { name: 'env', operator: 'In', values: ['prod', 'PROD'] } },
    ];
    for (const [i, filter] of filters.entries()) {
      const created = await jsonAs<Budget>(await put(`${scope}/providers/Microsoft.Consumption/budgets/filtered-${i}`, body({ filter })));
      const expected = await month(queryFilterOf(filter));
      assert.ok(expected > 0, `the world has costs under ${JSON.stringify(filter)}`);
      assert.equal(Math.round(created.properties.currentSpend.amount * 100), expected, JSON.stringify(filter));
    }
    const rgScope = `${scope}/resourceGroups/${group}`;
    const rg = await jsonAs<Budget>(await put(`${rgScope}/providers/Microsoft.Consumption/budgets/rg-only`, body()));
    const rgCents = await costManagementCents(e, rgScope, '2026-11-01', '2026-11-14');
    assert.ok(rgCents > 0);
    assert.equal(Math.round(rg.properties.currentSpend.amount * 100), rgCents);
    assert.equal(rg.properties.currentSpend.unit, sub.currency);
  });

  it('creates (201), updates with the current eTag (200), refuses a missing (400) or stale (412) eTag, deletes (200, then 204)', async () => {
    const { scope } = subScope();
    const path = `${scope}/providers/Microsoft.Consumption/budgets/team-budget`;
    const created = await put(path, body());
    assert.equal(created.status, 201);
    const first = await jsonAs<Budget>(created);
    assert.equal(first.properties.timePeriod.endDate, '2036-11-01T00:00:00Z', 'end defaults to start + 10 years');
    assert.equal(first.properties.notifications.Actual_GreaterThan_80_Percent.thresholdType, 'Actual');
    assert.equal((await put(path, body({ amount: 1500 }))).status, 400);
    const stale = await put(path, body({ amount: 1500 }, '"0000"'));
    assert.equal(stale.status, 412);
    assert.equal((await jsonAs<ArmError>(stale)).error.code, 'PreconditionFailed');
    const updated = await put(path, body({ amount: 1500 }, first.eTag));
    assert.equal(updated.status, 200);
    const second = await jsonAs<Budget>(updated);
    assert.equal(second.properties.amount, 1500);
    assert.notEqual(second.eTag, first.eTag);
    assert.equal((await put(path, body({ amount: 1600 }, first.eTag))).status, 412, 'the old eTag is stale now');
    const got = await jsonAs<Budget>(await armFetch(emu(), `${path}?${V}`));
    assert.equal(got.eTag, second.eTag);
    assert.equal((await armFetch(emu(), `${path}?${V}`, { method: 'DELETE' })).status, 200);
    assert.equal((await armFetch(emu(), `${path}?${V}`)).status, 404);
    assert.equal((await armFetch(emu(), `${path}?${V}`, { method: 'DELETE' })).status, 204);
  });

  it('refuses what the budget rules forbid, saying why', async () => {
    const { scope } = subScope();
    const path = `${scope}/providers/Microsoft.Consumption/budgets/invalid-one`;
    const six = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`n${i}`, { enabled: true, operator: 'GreaterThan', threshold: 50, contactEmails: ['a@b.c'] }]));
    const cases: Array<[string, string, RegExp]> = [
      ['threshold as a fraction above 1000 %', body({ notifications: { n: { enabled: true, operator: 'GreaterThan', threshold: 1001, contactEmails: ['a@b.c'] } } }), /percentage from 0 to 1000/],
      ['six notifications', body({ notifications: six }), /at most 5 notifications/],
      ['start not on the 1st', body({ timePeriod: { startDate: '2026-11-02T00:00:00Z' } }), /first day of a month/],
      ['start before June 2017', body({ timePeriod: { startDate: '2017-05-01T00:00:00Z' } }), /before 2017-06-01/],
      ['start more than a year ahead', body({ timePeriod: { startDate: '2027-12-01T00:00:00Z' } }), /12 months in the future/],
      ['a new monthly budget starting last month', body({ timePeriod: { startDate: '2026-10-01T00:00:00Z' } }), /in the past: a Monthly budget can start on 2026-11-01 at the earliest/],
      ['a new quarterly budget starting three months back', body({ timeGrain: 'Quarterly', timePeriod: { startDate: '2026-08-01T00:00:00Z' } }), /2026-09-01 at the earliest/],
      ['end before start', body({ timePeriod: { startDate: '2026-11-01T00:00:00Z', endDate: '2026-11-01T00:00:00Z' } }), /must be after the start date/],
      ['zero amount', body({ amount: 0 }), /greater than 0/],
      ['amount as text', body({ amount: '100' }), /greater than 0/],
      ['threshold below 0', body({ notifications: { n: { enabled: true, operator: 'GreaterThan', threshold: -1, contactEmails: ['a@b.c'] } } }), /out of range/],
      ['unknown filter dimension', body({ filter: { dimensions: { name: 'Colour', operator: 'In', values: ['red'] } } }), /not a dimension a budget can filter on/],
      ['empty filter value', body({ filter: { tags: { name: 'env', operator: 'In', values: [' '] } } }), /empty value/],
      ['category Usage', body({ category: 'Usage' }), /category/],
      ['unknown time grain', body({ timeGrain: 'Weekly' }), /time grain/],
      ['billing grain on an MCA subscription', body({ timeGrain: 'BillingMonth' }), /Web Direct/],
      ['operator NotEqualTo', body({ notifications: { n: { enabled: true, operator: 'NotEqualTo', threshold: 50, contactEmails: ['a@b.c'] } } }), /operator/],
      ['no contact', body({ notifications: { n: { enabled: true, operator: 'GreaterThan', threshold: 50 } } }), /contact email/],
      ['filter operator Contains', body({ filter: { tags: { name: 'env', operator: 'Contains', values: ['prod'] } } }), /only 'In'/],
      ['negative amount', body({ amount: -5 }), /greater than 0/],
      ['not JSON', '{"properties":', /could not be deserialized/],
    ];
    for (const [what, text, message] of cases) {
      const res = await put(path, text);
      assert.equal(res.status, 400, what);
      assert.match((await jsonAs<ArmError>(res)).error.message, message, what);
    }
    assert.equal((await armFetch(emu(), `${path}?${V}`)).status, 404, 'nothing was stored');
    assert.equal((await put(`${scope}/providers/Microsoft.Consumption/budgets/bad%20name`, body())).status, 400, 'a space in the name');
    assert.equal((await put(`${scope}/providers/Microsoft.Consumption/budgets/${'x'.repeat(64)}`, body())).status, 400, '64 characters');
  });

  it('lets an update keep a start date in the past, and accepts a quarterly start within the quarter', async () => {
    const { scope } = subScope();
    const path = `${scope}/providers/Microsoft.Consumption/budgets/platform-monthly`;
    const seeded = await jsonAs<Budget>(await armFetch(emu(), `${path}?${V}`));
    assert.ok(seeded.properties.timePeriod.startDate < '2026-11-01');
    const kept = await put(path, JSON.stringify({ eTag: seeded.eTag, properties: { ...seeded.properties, amount: seeded.properties.amount + 10 } }));
    assert.equal(kept.status, 200, await kept.clone().text());
    assert.equal((await put(`${scope}/providers/Microsoft.Consumption/budgets/quarter`, body({ timeGrain: 'Quarterly', timePeriod: { startDate: '2026-09-01T00:00:00Z' } }))).status, 201);
  });

  it('works at billing scopes: seeded on the MCA profile, action groups refused there', async () => {
    const e = emu();
    const account = e.world.billing.accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement' && a.tenantId === e.tenantId);
    assert.ok(account);
    const profile = account.profiles[0];
    const scope = `/providers/Microsoft.Billing/billingAccounts/${account.name}/billingProfiles/${profile.name}`;
    const [seeded] = (await jsonAs<ArmPage<Budget>>(await armFetch(e, `${scope}/providers/Microsoft.Consumption/budgets?${V}`))).value;
    assert.equal(seeded.properties.timeGrain, 'Quarterly');
    // The quarter that holds today, counted from the budget's start month.
    const start = seeded.properties.timePeriod.startDate.slice(0, 10);
    const monthsSince = (2026 - Number(start.slice(0, 4))) * 12 + 11 - Number(start.slice(5, 7));
    const quarterStart = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1 + Math.floor(monthsSince / 3) * 3, 1)).toISOString().slice(0, 10);
    const expected = await costManagementCents(e, scope, quarterStart, '2026-11-14');
    assert.equal(Math.round(seeded.properties.currentSpend.amount * 100), expected);
    assert.equal(seeded.properties.currentSpend.unit, profile.currency);
    assert.ok(seeded.properties.currentSpend.amount > seeded.properties.amount, 'seeded past 100 %');
    const withGroup = body({ notifications: { n: { enabled: true, operator: 'GreaterThan', threshold: 90, contactEmails: ['a@b.c'], contactGroups: ['/subscriptions/x/resourceGroups/rg/providers/microsoft.insights/actionGroups/ag'] } } });
    const refused = await put(`${scope}/providers/Microsoft.Consumption/budgets/with-group`, withGroup);
    assert.equal(refused.status, 400);
    assert.match((await jsonAs<ArmError>(refused)).error.message, /only supported at subscription and resource group scope/);
    assert.equal((await put(`${scope}/providers/Microsoft.Consumption/budgets/profile-budget`, body())).status, 201);
  });

  it('serves the EA billing account\'s seeded annual budget near its 100 % threshold, spend = the account\'s Cost Management total', async () => {
    const e = emu();
    const ea = e.world.billing.accounts.find((a) => a.agreementType === 'EnterpriseAgreement' && a.tenantId === e.tenantId);
    assert.ok(ea);
    const scope = `/providers/Microsoft.Billing/billingAccounts/${ea.name}`;
    const [budget] = (await jsonAs<ArmPage<Budget>>(await armFetch(e, `${scope}/providers/Microsoft.Consumption/budgets?${V}`))).value;
    assert.equal(budget.name, 'enrollment-annual');
    assert.equal(budget.properties.timePeriod.startDate, '2026-01-01T00:00:00Z');
    assert.equal(Math.round(budget.properties.currentSpend.amount * 100), await costManagementCents(e, scope, '2026-01-01', '2026-11-14'));
    const ratio = budget.properties.currentSpend.amount / budget.properties.amount;
    assert.ok(ratio > 0.9 && ratio <= 0.95, `enrollment-annual at ${ratio}`);
    assert.ok(budget.properties.forecastSpend.amount > budget.properties.amount, 'forecast past 100 %');
    assert.equal((await put(`${scope}/providers/Microsoft.Consumption/budgets/ea-monthly`, body())).status, 201);
  });

  it('accepts the pay-as-you-go billing grains on a Web Direct subscription and a resource group scope', async () => {
    const e = emu();
    const payg = e.world.subscriptions.find((s) => s.tenantId === e.tenantId && s.offerId === 'MS-AZR-0003P');
    assert.ok(payg);
    assert.equal((await put(`/subscriptions/${payg.subscriptionId}/providers/Microsoft.Consumption/budgets/billing-month`, body({ timeGrain: 'BillingMonth' }))).status, 201);
    assert.equal((await put(`/subscriptions/${payg.subscriptionId}/resourceGroups/rg-web/providers/Microsoft.Consumption/budgets/rg-budget`, body())).status, 201);
  });

  it('answers 404 for scopes the caller cannot reach', async () => {
    const e = emu();
    const other = e.world.subscriptions.find((s) => s.tenantId !== e.tenantId);
    assert.ok(other);
    assert.equal((await armFetch(e, `/subscriptions/${other.subscriptionId}/providers/Microsoft.Consumption/budgets?${V}`)).status, 404);
    assert.equal((await armFetch(e, `/providers/Microsoft.Billing/billingAccounts/99999999/providers/Microsoft.Consumption/budgets?${V}`)).status, 404);
  });
});
