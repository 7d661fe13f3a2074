// Microsoft.Resources on the emulator: tenants and subscriptions on every api-version real clients
// send (the editor's SDK, command-line tools, older SDKs), each with the fields of its version in the
// public REST API specifications; scoped to the token's tenant, paged.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArmPage, armFetch, armListAll, jsonAs, useEmulator } from '../../support/emulator';
import type { ArmError, SubscriptionJson, TenantJson } from '../../support/wireShapes';

const VERSIONS = ['2015-11-01', '2016-06-01', '2018-06-01', '2019-06-01', '2019-11-01', '2020-01-01', '2021-01-01', '2022-12-01'];

/** The tenant fields of each version, as its `TenantIdDescription` model in the public specs has them. */
function tenantFields(version: string): string[] {
  const fields = ['id', 'tenantId'];
  if (version >= '2018-06-01') { fields.push('country', 'countryCode', 'displayName', 'domains'); }
  if (version >= '2019-06-01') { fields.push('tenantCategory'); }
  if (version >= '2020-01-01') { fields.push('defaultDomain', 'tenantType'); }
  return fields.sort();
}

/** The subscription fields of each version, as its `Subscription` model in the public specs has them. */
function subscriptionFields(version: string): { fields: string[]; policies: string[] } {
  const fields = ['id', 'subscriptionId', 'displayName', 'state', 'subscriptionPolicies'];
  const policies = ['locationPlacementId', 'quotaId'];
  if (version >= '2016-06-01') {
    fields.push('authorizationSource');
    policies.push('spendingLimit');
  }
  if (version >= '2018-06-01') { fields.push('tenantId'); }
  if (version >= '2019-06-01') { fields.push('managedByTenants'); }
  if (version >= '2019-11-01') { fields.push('tags'); }
  return { fields: fields.sort(), policies: policies.sort() };
}

describe('emulator: Microsoft.Resources tenants and subscriptions', () => {
  const emu = useEmulator({ settings: { pageSize: 3 } });

  const all = <T>(path: string, token?: string) => armListAll<T>(emu(), path, token);

  it('lists the three tenants, with more detail on newer versions', async () => {
    const e = emu();
    const old = await all<TenantJson>('/tenants?api-version=2016-06-01');
    assert.deepEqual(old.map((t) => t.tenantId).sort(), e.world.tenants.map((t) => t.tenantId).sort());
    assert.deepEqual(Object.keys(old[0]).sort(), ['id', 'tenantId']);
    const current = await all<TenantJson>('/tenants?api-version=2022-12-01');
    const home = current.find((t) => t.tenantId === e.tenantId);
    assert.ok(home, 'the home tenant');
    assert.equal(home.id, `/tenants/${e.tenantId}`);
    assert.equal(home.displayName, 'Contoso');
    assert.equal(home.defaultDomain, 'contoso.onmicrosoft.com');
    assert.equal(home.tenantCategory, 'Home');
  });

  it("lists only the token's tenant's subscriptions, page by page, on every version", async () => {
    const e = emu();
    const expected = e.world.subscriptions.filter((s) => s.tenantId === e.tenantId);
    assert.ok(expected.length >= 20, 'the home tenant has at least 20 subscriptions');
    for (const version of VERSIONS) {
      const subs = await all<SubscriptionJson>(`/subscriptions?api-version=${version}`);
      assert.equal(subs.length, expected.length, version);
      assert.deepEqual(new Set(subs.map((s) => s.subscriptionId)), new Set(expected.map((s) => s.subscriptionId)));
      const first = subs[0];
      assert.equal(first.id, `/subscriptions/${first.subscriptionId}`);
      assert.ok(['Enabled', 'Disabled', 'Warned', 'PastDue'].includes(first.state));
      assert.equal(typeof first.subscriptionPolicies.quotaId, 'string');
      assert.deepEqual(Object.keys(first).sort(), subscriptionFields(version).fields, `${version}: fields`);
    }
  });

  it('answers tenants on every api-version real clients send, each with the fields of its version', async () => {
    const e = emu();
    for (const version of VERSIONS) {
      const tenants = await all<TenantJson>(`/tenants?api-version=${version}`);
      assert.deepEqual(tenants.map((t) => t.tenantId).sort(), e.world.tenants.map((t) => t.tenantId).sort(), version);
      for (const t of tenants) { assert.deepEqual(Object.keys(t).sort(), tenantFields(version), `${version}: fields of ${t.tenantId}`); }
      const home = tenants.find((t) => t.tenantId === e.tenantId);
      assert.ok(home, `${version}: the home tenant`);
      if (version >= '2018-06-01') {
        assert.equal(home.displayName, 'Contoso', version);
        assert.deepEqual(home.domains, ['contoso.onmicrosoft.com'], version);
        assert.equal(home.countryCode, 'US', version);
      }
      if (version >= '2019-06-01') { assert.equal(home.tenantCategory, 'Home', version); }
      if (version >= '2020-01-01') { assert.equal(home.defaultDomain, 'contoso.onmicrosoft.com', version); }
    }
  });

  it('lists subscriptions on 2019-11-01 as a widely used command-line tool does: tenantId, managedByTenants, tags', async () => {
    const e = emu();
    const subs = await all<SubscriptionJson>('/subscriptions?api-version=2019-11-01');
    assert.ok(subs.length > 0);
    for (const s of subs) {
      assert.equal(s.tenantId, e.tenantId);
      assert.deepEqual(s.managedByTenants, []);
      assert.deepEqual(s.tags, {});
      assert.equal(s.authorizationSource, 'RoleBased');
      assert.ok(['On', 'Off'].includes(s.subscriptionPolicies.spendingLimit ?? ''));
    }
  });

  it('gets one subscription on every api-version, with the same fields as the list of that version', async () => {
    const e = emu();
    const mine = e.world.subscriptions.find((s) => s.tenantId === e.tenantId);
    assert.ok(mine);
    for (const version of VERSIONS) {
      const res = await armFetch(e, `/subscriptions/${mine.subscriptionId}?api-version=${version}`);
      assert.equal(res.status, 200, version);
      const one = await jsonAs<SubscriptionJson>(res);
      const expected = subscriptionFields(version);
      assert.deepEqual(Object.keys(one).sort(), expected.fields, `${version}: fields`);
      assert.deepEqual(Object.keys(one.subscriptionPolicies).sort(), expected.policies, `${version}: policy fields`);
      assert.equal(one.displayName, mine.displayName, version);
    }
  });

  it('pages with an absolute nextLink that carries api-version and $skiptoken', async () => {
    const res = await armFetch(emu(), '/subscriptions?api-version=2022-12-01');
    const body = await jsonAs<ArmPage<SubscriptionJson>>(res);
    assert.equal(body.value.length, 3);
    const next = new URL(body.nextLink ?? '');
    assert.equal(next.origin, emu().baseUrl);
    assert.equal(next.searchParams.get('api-version'), '2022-12-01');
    assert.ok(next.searchParams.get('$skiptoken'));
  });

  it('shows the no-billing-role tenant its own subscriptions (its pay-as-you-go ones and the one bought through a CSP partner)', async () => {
    const e = emu();
    const woodgrove = e.world.tenants.find((t) => !t.hasBillingRole);
    assert.ok(woodgrove);
    const subs = await all<SubscriptionJson>('/subscriptions?api-version=2022-12-01', e.issueToken(woodgrove.tenantId));
    const own = e.world.subscriptions.filter((s) => s.tenantId === woodgrove.tenantId);
    assert.ok(own.some((s) => s.offerId === 'MS-AZR-0145P'), 'one of them is a CSP subscription');
    assert.deepEqual(subs.map((s) => s.displayName).sort(), own.map((s) => s.displayName).sort());
    const csp = subs.find((s) => s.subscriptionId === own.find((o) => o.offerId === 'MS-AZR-0145P')!.subscriptionId);
    assert.equal(csp?.subscriptionPolicies.quotaId, 'CSP_2015-05-01');
    assert.ok(subs.every((s) => s.tenantId === woodgrove.tenantId));
  });

  it('gets one subscription, and answers SubscriptionNotFound for another tenant or an unknown id', async () => {
    const e = emu();
    const mine = e.world.subscriptions.find((s) => s.tenantId === e.tenantId);
    const theirs = e.world.subscriptions.find((s) => s.tenantId !== e.tenantId);
    assert.ok(mine && theirs);
    const res = await armFetch(e, `/subscriptions/${mine.subscriptionId.toUpperCase()}?api-version=2020-01-01`);
    assert.equal(res.status, 200);
    assert.equal((await jsonAs<SubscriptionJson>(res)).displayName, mine.displayName);
    for (const id of [theirs.subscriptionId, '00000000-0000-0000-0000-000000000000']) {
      const missing = await armFetch(e, `/subscriptions/${id}?api-version=2022-12-01`);
      assert.equal(missing.status, 404);
      assert.equal((await jsonAs<ArmError>(missing)).error.code, 'SubscriptionNotFound');
    }
  });

  it('refuses an api-version it does not know, listing the ones it does', async () => {
    for (const path of ['/subscriptions', '/tenants']) {
      const res = await armFetch(emu(), `${path}?api-version=2015-01-01`);
      assert.equal(res.status, 400, path);
      const body = await jsonAs<ArmError>(res);
      assert.equal(body.error.code, 'InvalidApiVersionParameter');
      for (const version of VERSIONS) { assert.ok(body.error.message.includes(version), `${path}: ${version} is listed`); }
    }
  });
});
