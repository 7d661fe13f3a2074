// Cost Management at billing scopes: an account, profile, invoice section, EA department or
// enrollment account reports exactly the sum of its subscriptions, per currency (an MCA account
// with profiles in two currencies answers rows in both); access follows the caller's tenant.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Emulator } from '../../emulator/server';
import type { WorldSubscription } from '../../emulator/world/types';
import { armFetch, jsonAs, useEmulator } from '../../support/emulator';
import type { ArmError, QueryResult } from '../../support/wireShapes';


const subscriptionsOf = (e: Emulator) => (e.world as unknown as { subscriptions: WorldSubscription[] }).subscriptions;
const body = JSON.stringify({ type: 'ActualCost', timeframe: 'TheLastMonth', dataset: { aggregation: { totalCost: { name: 'Cost', function: 'Sum' } } } });

/** Cents per currency for a scope, reading every page. */
async function centsByCurrency(e: Emulator, tenantId: string, scope: string): Promise<{ status: number; cents: Map<string, number>; error?: ArmError }> {
  let url: string | null = `/${scope}/providers/Microsoft.CostManagement/query?api-version=2024-08-01&$top=1`;
  const cents = new Map<string, number>();
  while (url) {
    const res = await armFetch(e, url, { token: e.issueToken(tenantId), method: 'POST', body, headers: { 'content-type': 'application/json' } });
    if (res.status === 204) { break; }
    if (res.status !== 200) { return { status: res.status, cents, error: await jsonAs<ArmError>(res) }; }
    const json = await jsonAs<QueryResult<[number, string]>>(res); // Cost, Currency
    for (const [cost, currency] of json.properties.rows) { cents.set(currency, (cents.get(currency) ?? 0) + Math.round(cost * 100)); }
    url = json.properties.nextLink;
  }
  return { status: 200, cents };
}

async function expectedFor(e: Emulator, subs: WorldSubscription[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const s of subs) {
    const r = await centsByCurrency(e, s.tenantId, `subscriptions/${s.subscriptionId}`);
    assert.equal(r.status, 200);
    for (const [c, v] of r.cents) { out.set(c, (out.get(c) ?? 0) + v); }
  }
  return out;
}

const account = (s: WorldSubscription) => `providers/Microsoft.Billing/billingAccounts/${s.billingAccountName}`;

describe('emulator: Cost Management scopes', () => {
  const emu = useEmulator();

  it('reports an MCA billing account per currency, equal to the sum of its subscriptions', async () => {
    const e = emu();
    const mca = subscriptionsOf(e).filter((s) => s.agreementType === 'MicrosoftCustomerAgreement');
    const accountName = mca.find((s) => new Set(mca.filter((x) => x.billingAccountName === s.billingAccountName).map((x) => x.currency)).size > 1)?.billingAccountName;
    assert.ok(accountName, 'an MCA account has profiles in two currencies');
    const subs = mca.filter((s) => s.billingAccountName === accountName);
    const got = await centsByCurrency(e, subs[0].tenantId, account(subs[0]));
    assert.equal(got.status, 200);
    assert.ok(got.cents.size >= 2, 'rows in more than one currency');
    assert.deepEqual(got.cents, await expectedFor(e, subs));
  });

  it('accepts the account name percent-encoded, as generated SDKs send it', async () => {
    const e = emu();
    const sub = subscriptionsOf(e).find((s) => s.billingAccountName.includes(':'))!;
    const raw = await centsByCurrency(e, sub.tenantId, account(sub));
    const encoded = await centsByCurrency(e, sub.tenantId, `providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(sub.billingAccountName)}`);
    assert.deepEqual(encoded.cents, raw.cents);
  });

  it('reports billing profiles and invoice sections as the sum of their subscriptions', async () => {
    const e = emu();
    const withSection = subscriptionsOf(e).filter((s) => s.invoiceSectionName);
    assert.ok(withSection.length > 0);
    const profiles = new Map(withSection.map((s) => [`${s.billingAccountName}/${s.billingProfileName}`, s]));
    for (const s of profiles.values()) {
      const subs = withSection.filter((x) => x.billingAccountName === s.billingAccountName && x.billingProfileName === s.billingProfileName);
      const got = await centsByCurrency(e, s.tenantId, `${account(s)}/billingProfiles/${s.billingProfileName}`);
      assert.deepEqual(got.cents, await expectedFor(e, subs), `profile ${s.billingProfileName}`);
    }
    const s = withSection[0];
    const sectionSubs = withSection.filter((x) => x.billingProfileName === s.billingProfileName && x.invoiceSectionName === s.invoiceSectionName);
    const got = await centsByCurrency(e, s.tenantId, `${account(s)}/billingProfiles/${s.billingProfileName}/invoiceSections/${s.invoiceSectionName}`);
    assert.deepEqual(got.cents, await expectedFor(e, sectionSubs));
  });

  it('reports EA accounts, departments and enrollment accounts as the sum of their subscriptions', async () => {
    const e = emu();
    const ea = subscriptionsOf(e).filter((s) => s.agreementType === 'EnterpriseAgreement');
    assert.ok(ea.length > 0);
    const s = ea[0];
    assert.deepEqual((await centsByCurrency(e, s.tenantId, account(s))).cents, await expectedFor(e, ea.filter((x) => x.billingAccountName === s.billingAccountName)));
    const dept = ea.filter((x) => x.departmentName === s.departmentName);
    assert.deepEqual((await centsByCurrency(e, s.tenantId, `${account(s)}/departments/${s.departmentName}`)).cents, await expectedFor(e, dept));
    const enrollment = ea.filter((x) => x.enrollmentAccountName === s.enrollmentAccountName);
    assert.ok(enrollment.length < ea.length);
    assert.deepEqual((await centsByCurrency(e, s.tenantId, `${account(s)}/enrollmentAccounts/${s.enrollmentAccountName}`)).cents, await expectedFor(e, enrollment));
  });

  it('refuses unknown accounts, accounts of another tenant and scopes it does not serve', async () => {
    const e = emu();
    const subs = subscriptionsOf(e);
    const home = subs.find((s) => s.tenantId === e.tenantId)!;
    const unknown = await centsByCurrency(e, home.tenantId, 'providers/Microsoft.Billing/billingAccounts/99999999');
    assert.equal(unknown.status, 404);
    const foreign = subs.find((s) => s.tenantId !== e.tenantId && s.billingAccountName !== home.billingAccountName)!;
    const denied = await centsByCurrency(e, home.tenantId, account(foreign));
    assert.equal(denied.status, 403);
    assert.equal(denied.error?.error.code, 'AuthorizationFailed');
    const mg = await centsByCurrency(e, home.tenantId, 'providers/Microsoft.Management/managementGroups/root');
    assert.equal(mg.status, 400);
  });
});
