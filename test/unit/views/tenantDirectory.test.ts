// The directories a sign-in reaches, as the first level of the tree lists them.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { AzureError } from '../../../src/azure/errors';
import { listDirectoryTenants, tenantLabel } from '../../../src/views/session/tenantDirectory';
import { FakeTransport } from '../billing/support/fakeTransport';

describe('views: directory tenants', () => {
  it('asks ARM for /tenants and names each by display name, domain or id, sorted for people', async () => {
    const t = new FakeTransport((call) =>
      call.path === '/tenants' && call.query['api-version'] === '2022-12-01'
        ? {
            items: [
              { tenantId: 't-3', displayName: 'zeta corp' },
              { tenantId: 't-1', defaultDomain: 'alpha.onmicrosoft.com' },
              { tenantId: 't-2', displayName: 'Beta', defaultDomain: 'beta.onmicrosoft.com' },
              { tenantId: 't-4', domains: ['gamma.example'] },
              { tenantId: 't-5' },
            ],
          }
        : undefined,
    );
    const tenants = await listDirectoryTenants(t);
    assert.deepEqual(tenants.map(tenantLabel), ['alpha.onmicrosoft.com', 'Beta', 'gamma.example', 't-5', 'zeta corp']);
    assert.deepEqual(tenants.find((x) => x.tenantId === 't-2'), { tenantId: 't-2', displayName: 'Beta', defaultDomain: 'beta.onmicrosoft.com' });
  });

  it('lists a tenant once even when paging repeats it, and skips entries without an id', async () => {
    const t = new FakeTransport(() => ({ items: [{ tenantId: 'a', displayName: 'A' }, { displayName: 'no id' }, { tenantId: 'a', displayName: 'A again' }] }));
    assert.deepEqual(await listDirectoryTenants(t), [{ tenantId: 'a', displayName: 'A', defaultDomain: undefined }]);
  });

  it("falls back to the token's own tenant where the host has no tenants list", async () => {
    const notFound = new AzureError({ kind: 'notFound', status: 404, message: 'GET /tenants failed: 404' });
    const t = new FakeTransport(() => ({ error: notFound }));
    assert.deepEqual(await listDirectoryTenants(t, { homeTenantOfToken: () => Promise.resolve('home-tid') }), [{ tenantId: 'home-tid' }]);
    await assert.rejects(listDirectoryTenants(t), (e) => e === notFound);
  });

  it('passes other failures on (they become an error node with Retry)', async () => {
    const forbidden = new AzureError({ kind: 'permission', status: 403, message: 'forbidden' });
    const t = new FakeTransport(() => ({ error: forbidden }));
    await assert.rejects(listDirectoryTenants(t, { homeTenantOfToken: () => Promise.resolve('home-tid') }), (e) => e === forbidden);
  });
});
