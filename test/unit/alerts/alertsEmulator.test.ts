// Against the emulator: Cost Management's alerts route (shapes, dismiss, refusals), and one pass of
// the monitor's checks over the scopes where the world plants its alerts — the spike and the new
// service on Contoso Platform Prod, the steady rise on EA Marketing Sites, the credit lot of Contoso
// Operations expiring on 2026-12-10 — each found exactly as the rules say, from figures read
// straight from the world.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listCostAlerts, dismissCostAlert } from '../../../src/billing/costAlerts';
import { costScopes } from '../../../src/billing/costQuery';
import { parseIsoDate } from '../../../src/insight/calendar';
import { DEFAULT_THRESHOLDS } from '../../../src/insight/alerts/anomalyRules';
import type { AlertFinding, AnomalyFinding } from '../../../src/insight/alerts/findings';
import { checkScope, WatchedScope } from '../../../src/views/alerts/alertChecks';
import { BillingCostSource } from '../../../src/views/usagePanel/billingCostSource';
import { UsageCostSource } from '../../../src/views/usagePanel/usageCostSource';
import { armFetch, FIXED_AS_OF, jsonAs, useEmulator } from '../../support/emulator';
import { testClient } from '../azure/clientFixture';

const emu = useEmulator();

interface WireAlert {
  id: string;
  name: string;
  type: string;
  properties: { definition: { type: string }; status: string; details: { amount: number } } & Record<string, unknown>;
}
const today = parseIsoDate(FIXED_AS_OF)!;
const anomalies = (found: AlertFinding[], kind: AnomalyFinding['kind']): AnomalyFinding[] => found.filter((f): f is AnomalyFinding => f.kind === kind);
const rules = { expiryDays: 30, runwayDays: 30, thresholds: DEFAULT_THRESHOLDS };
const CM = 'providers/Microsoft.CostManagement/alerts';

function sub(name: string) {
  const s = emu().world.subscriptions.find((x) => x.displayName === name);
  assert.ok(s, name);
  return s;
}

function subscriptionWatch(name: string, reason: WatchedScope['reason']) {
  const s = sub(name);
  const { client } = testClient(emu());
  const usage = { kind: 'subscription' as const, subscriptionId: s.subscriptionId, label: s.displayName, offerDurableId: s.offerId, currency: s.currency };
  const watched: WatchedScope = { scope: costScopes.subscription(s.subscriptionId), usage, label: s.displayName, reason };
  return { watched, client, source: new UsageCostSource(client, usage) };
}

describe('Cost Management alerts in the emulator', () => {
  it('lists an anomaly alert on Contoso Platform Prod in the reference shape, and dismisses it with PATCH', async () => {
    const s = sub('Contoso Platform Prod');
    const path = `/subscriptions/${s.subscriptionId}/${CM}`;
    const answer = await armFetch(emu(), `${path}?api-version=2023-11-01`);
    assert.equal(answer.status, 200);
    const list = await jsonAs<{ value: WireAlert[] }>(answer);
    const anomaly = list.value.find((a) => a.properties.definition.type === 'General');
    assert.ok(anomaly);
    assert.equal(anomaly.type, 'Microsoft.CostManagement/alerts');
    assert.equal(anomaly.id, `${path}/${anomaly.name}`);
    assert.equal(anomaly.properties.status, 'Active');
    for (const key of ['definition', 'description', 'source', 'details', 'costEntityId', 'status', 'creationTime', 'closeTime', 'modificationTime', 'statusModificationTime']) {assert.ok(key in anomaly.properties, key);}
    // The spike day is the day before the last day of usage: 2026-11-13; its cost is the world's.
    const cost = emu().world.usage.dailyCost(s.subscriptionId, '2026-11-13');
    assert.equal(anomaly.properties.details.amount, Math.round(cost * 100) / 100);

    const bad = await armFetch(emu(), `${path}/${anomaly.name}?api-version=2023-11-01`, { method: 'PATCH', body: JSON.stringify({ properties: { status: 'Resolved' } }), headers: { 'content-type': 'application/json' } });
    assert.equal(bad.status, 400);
    const { client } = testClient(emu());
    const dismissed = await dismissCostAlert(client, costScopes.subscription(s.subscriptionId), anomaly.name);
    assert.equal(dismissed?.status, 'Dismissed');
    const again = await listCostAlerts(client, costScopes.subscription(s.subscriptionId)).all();
    assert.equal(again.items.find((a) => a.name === anomaly.name)?.status, 'Dismissed');
    const missing = await armFetch(emu(), `${path}/00000000-0000-0000-0000-000000000000?api-version=2023-11-01`);
    assert.equal(missing.status, 404);
  });

  it('the Contoso Operations profile has a Credit alert for the lot expiring on 2026-12-10, and the EA enrollment a Quota alert', async () => {
    const mca = emu().world.billing.accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement' && a.profiles.some((p) => p.displayName === 'Contoso Operations'))!;
    const profile = mca.profiles.find((p) => p.displayName === 'Contoso Operations')!;
    const { client } = testClient(emu());
    const credit = (await listCostAlerts(client, costScopes.billingProfile(mca.name, profile.name)).all()).items.filter((a) => a.alertType === 'Credit');
    assert.equal(credit.length, 1);
    assert.match(credit[0].description ?? '', /2026-12-10/);
    const ea = emu().world.billing.accounts.find((a) => a.agreementType === 'EnterpriseAgreement')!;
    const quota = (await listCostAlerts(client, costScopes.billingAccount(ea.name)).all()).items.filter((a) => a.alertType === 'Quota');
    assert.equal(quota.length, 1);
    assert.ok((quota[0].currentSpend ?? 0) / (quota[0].amount ?? 1) > 0.9);
  });
});

describe('the monitor\u2019s checks against the planted world', () => {
  it('Contoso Platform Prod (watched for its budget): the spike on 2026-11-13 and the new service on 2026-11-14', async () => {
    const { watched, client, source } = subscriptionWatch('Contoso Platform Prod', 'budgets');
    const found = await checkScope(watched, { transport: client, source, today, rules });
    assert.ok(found.budgets.length > 0, 'the seeded budget');
    const spike = anomalies(found.findings, 'spike');
    assert.deepEqual(spike.map((f) => f.anomaly.kind === 'spike' && f.anomaly.day), ['2026-11-13']);
    // The spike's amount is the world's cost of that day (to the cent, as Cost Management sums it).
    const s = sub('Contoso Platform Prod');
    assert.ok(spike[0].anomaly.kind === 'spike' && Math.abs(spike[0].anomaly.amount - emu().world.usage.dailyCost(s.subscriptionId, '2026-11-13')) < 0.01);
    const fresh = anomalies(found.findings, 'newMeter');
    assert.equal(fresh.length, 1);
    assert.ok(fresh[0].anomaly.kind === 'newMeter' && fresh[0].anomaly.day === '2026-11-14' && fresh[0].anomaly.amount >= 10);
    assert.equal(anomalies(found.findings, 'rise').length, 0);
    // Cost Management's own alerts: one finding per alert still active (the test above dismissed one).
    const active = (await listCostAlerts(client, watched.scope).all()).items.filter((a) => a.status === 'Active');
    assert.equal(found.findings.filter((f) => f.kind === 'costManagement').length, active.length);
  });

  it('EA Marketing Sites (pinned): a steady rise ending on 2026-11-14, and no spike', async () => {
    const { watched, client, source } = subscriptionWatch('EA Marketing Sites', 'pinned');
    const found = await checkScope(watched, { transport: client, source, today, rules });
    const rise = anomalies(found.findings, 'rise');
    assert.equal(rise.length, 1);
    assert.ok(rise[0].anomaly.kind === 'rise' && rise[0].anomaly.to === '2026-11-14');
    assert.equal(anomalies(found.findings, 'spike').length, 0);
  });

  it('Contoso Operations: the credit lot expiring in 25 days with credit left', async () => {
    const mca = emu().world.billing.accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement' && a.profiles.some((p) => p.displayName === 'Contoso Operations'))!;
    const profile = mca.profiles.find((p) => p.displayName === 'Contoso Operations')!;
    const { client } = testClient(emu());
    const usage = { kind: 'billingProfile' as const, accountName: mca.name, profileName: profile.name, label: profile.displayName };
    const watched: WatchedScope = { scope: costScopes.billingProfile(mca.name, profile.name), usage, label: profile.displayName, credits: { accountName: mca.name, profileName: profile.name, agreementType: 'MicrosoftCustomerAgreement' }, reason: 'credits' };
    const found = await checkScope(watched, { transport: client, source: new BillingCostSource(client, usage), today, rules });
    const expiring = found.findings.filter((f) => f.kind === 'creditExpiry');
    assert.equal(expiring.length, 1);
    const lot = emu().world.billing.credits(profile)!.lots.find((l) => l.expirationDate === '2026-12-10')!;
    assert.ok(expiring[0].kind === 'creditExpiry' && expiring[0].daysLeft === 25 && Math.round(expiring[0].balance.amount * 100) === lot.closedBalanceCents);
  });
});
