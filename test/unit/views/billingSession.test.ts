// A sign-in from the environment against the emulator, the way the extension makes it from its
// settings: the service principal, the Custom cloud's authority, one client per tenant.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { customCloud } from '../../../src/azure/clouds';
import { tenantOfToken } from '../../../src/azure/tokenSource';
import { listBillingAccounts } from '../../../src/billing/accounts';
import { adviseOnFailure } from '../../../src/views/commands/failureAdvice';
import { BillingSession, environmentTokenSource } from '../../../src/views/session/billingSession';
import { useEmulator } from '../../support/emulator';
import { MemoryLogger } from '../azure/clientFixture';

describe('views: billing session from the environment', () => {
  const emu = useEmulator();
  const envOf = () => ({ AZURE_TENANT_ID: emu().tenantId, AZURE_CLIENT_ID: emu().clientId, AZURE_CLIENT_SECRET: emu().clientSecret });

  it('says which variables a service principal lacks, as "not signed in" rather than a failure', async () => {
    const cloud = customCloud({ resourceManagerEndpoint: 'https://arm.example' });
    const { tokenSource } = environmentTokenSource('servicePrincipal', cloud, { AZURE_CLIENT_ID: 'x' });
    const error = await tokenSource.getToken(cloud.scope).then(
      () => assert.fail('a token without a tenant and secret'),
      (e: unknown) => e,
    );
    assert.equal(adviseOnFailure(error).kind, 'credentialsUnavailable');
    assert.match((error as Error).message, /AZURE_TENANT_ID, AZURE_CLIENT_SECRET/);
  });

  it("signs in at the Custom cloud's authority when AZURE_AUTHORITY_HOST is not set, and keeps the secret out of the log", async () => {
    const cloud = customCloud({ resourceManagerEndpoint: emu().baseUrl, authorityHost: emu().baseUrl });
    const { tokenSource, knownSecrets } = environmentTokenSource('servicePrincipal', cloud, envOf());
    const token = await tokenSource.getToken(cloud.scope);
    assert.equal(tenantOfToken(token.token), emu().tenantId);
    assert.deepEqual(knownSecrets, [emu().clientSecret]);
  });

  it('sends the secret to no authority when a Custom cloud names none (never to its ARM host)', async () => {
    const cloud = customCloud({ resourceManagerEndpoint: emu().baseUrl });
    emu().resetStats();
    const { tokenSource, secretAuthority } = environmentTokenSource('servicePrincipal', cloud, envOf());
    assert.equal(secretAuthority, undefined);
    const error = await tokenSource.getToken(cloud.scope).then(
      () => assert.fail('a token without an authority'),
      (e: unknown) => e,
    );
    assert.equal(adviseOnFailure(error).kind, 'credentialsUnavailable');
    assert.match((error as Error).message, /azureBilling\.customCloud\.authorityHost/);
    assert.equal(emu().stats.tokenRequests, 0, 'no token request reached the ARM host');
  });

  it('reaches every tenant of the world, each with its own client, and finds billing accounts only where a billing role is', async () => {
    const cloud = customCloud({ resourceManagerEndpoint: emu().baseUrl, authorityHost: emu().baseUrl });
    const { tokenSource, knownSecrets } = environmentTokenSource('servicePrincipal', cloud, envOf());
    const log = new MemoryLogger();
    const session = new BillingSession({ method: 'servicePrincipal', cloud, tokenSource, knownSecrets, logger: log });
    try {
      const tenants = await session.tenants({ locale: 'en' });
      const world = emu().world.tenants;
      assert.deepEqual(tenants.map((t) => t.tenant.tenantId).sort(), world.map((t) => t.tenantId).sort());
      for (const { tenant, transport } of tenants) {
        const expected = world.find((w) => w.tenantId === tenant.tenantId)!;
        assert.equal(tenant.displayName, expected.displayName);
        const result = await listBillingAccounts(transport);
        if (expected.hasBillingRole) { assert.ok(result.accounts.length > 0, `${expected.displayName} shows its accounts`); }
        else { assert.equal(result.empty?.reason, 'noBillingAccountVisible', `${expected.displayName} has no billing role`); }
      }
      assert.ok(!log.text.includes(emu().clientSecret));
    } finally {
      session.dispose();
    }
  });
});
