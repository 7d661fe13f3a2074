// Consumption budgets on the emulator: list/get/create/update/delete at subscription and billing
// scopes, the eTag rule, the validations of docs/azure-apis.md#budgets, and spend from usage costs.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArmPage, armFetch, FIXED_AS_OF, jsonAs, useEmulator } from '../../support/emulator';
import type { ArmError, Budget } from '../../support/wireShapes';

const V = 'api-version=2024-08-01';

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

  it('lists the seeded budget of a subscription, with spend from the usage side', async () => {
    const e = emu();
    const { sub, scope } = subScope();
    const res = await armFetch(e, `${scope}/providers/Microsoft.Consumption/budgets?${V}`);
    assert.equal(res.status, 200);
    const [budget] = (await jsonAs<ArmPage<Budget>>(res)).value;
    assert.equal(budget.name, 'platform-monthly');
    assert.equal(budget.type, 'Microsoft.Consumption/budgets');
    assert.match(budget.eTag, /^"[0-9a-f]+"$/);
    // Monthly budget, so this month from the 1st up to yesterday (today's usage is not complete).
    const spent = Math.round(e.world.usage.costBetween(sub.subscriptionId, '2026-11-01', '2026-11-14') * 100) / 100;
    assert.equal(FIXED_AS_OF, '2026-11-15');
    assert.deepEqual(budget.properties.currentSpend, { amount: spent, unit: sub.currency });
    // Straight-line forecast: 14 days spent, 30 days in November.
    assert.equal(budget.properties.forecastSpend.amount, Math.round((Math.round(spent * 100) * 30) / 14) / 100);
  });

  it('creates (201), updates with the current eTag (200), refuses a missing (400) or stale (409) eTag, deletes (200, then 204)', async () => {
    const { scope } = subScope();
    const path = `${scope}/providers/Microsoft.Consumption/budgets/team-budget`;
    const created = await put(path, body());
    assert.equal(created.status, 201);
    const first = await jsonAs<Budget>(created);
    assert.equal(first.properties.timePeriod.endDate, '2036-11-01T00:00:00Z', 'end defaults to start + 10 years');
    assert.equal(first.properties.notifications.Actual_GreaterThan_80_Percent.thresholdType, 'Actual');
    assert.equal((await put(path, body({ amount: 1500 }))).status, 400);
    assert.equal((await put(path, body({ amount: 1500 }, '"0000"'))).status, 409);
    const updated = await put(path, body({ amount: 1500 }, first.eTag));
    assert.equal(updated.status, 200);
    const second = await jsonAs<Budget>(updated);
    assert.equal(second.properties.amount, 1500);
    assert.notEqual(second.eTag, first.eTag);
    assert.equal((await put(path, body({ amount: 1600 }, first.eTag))).status, 409, 'the old eTag is stale now');
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
    const expected = profile.subscriptions.reduce((sum, s) => sum + Math.round(e.world.usage.costBetween(s.subscriptionId, quarterStart, '2026-11-14') * 100), 0);
    assert.equal(Math.round(seeded.properties.currentSpend.amount * 100), expected);
    assert.equal(seeded.properties.currentSpend.unit, profile.currency);
    const withGroup = body({ notifications: { n: { enabled: true, operator: 'GreaterThan', threshold: 90, contactEmails: ['a@b.c'], contactGroups: ['/subscriptions/x/resourceGroups/rg/providers/microsoft.insights/actionGroups/ag'] } } });
    const refused = await put(`${scope}/providers/Microsoft.Consumption/budgets/with-group`, withGroup);
    assert.equal(refused.status, 400);
    assert.match((await jsonAs<ArmError>(refused)).error.message, /only supported at subscription and resource group scope/);
    assert.equal((await put(`${scope}/providers/Microsoft.Consumption/budgets/profile-budget`, body())).status, 201);
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
