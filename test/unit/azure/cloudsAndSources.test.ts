// Cloud endpoints and choosing a sign-in source from the environment.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AZURE_CLOUD, cloudByName, customCloud, isKnownAuthority } from '../../../src/azure/clouds';
import { servicePrincipalFromEnvironment } from '../../../src/azure/identitySources';
import { tenantOfToken } from '../../../src/azure/tokenSource';
import { useEmulator } from '../../support/emulator';

describe('clouds', () => {
  it('knows the three Microsoft clouds', () => {
    assert.equal(AZURE_CLOUD.scope, 'https://management.azure.com/.default');
    const china = cloudByName('AzureChinaCloud');
    assert.equal(china.resourceManagerEndpoint, 'https://management.chinacloudapi.cn');
    assert.equal(china.authorityHost, 'https://login.chinacloudapi.cn');
    assert.equal(china.retailPricesEndpoint, undefined, 'retail prices are commercial-cloud only');
    const gov = cloudByName('AzureUSGovernment');
    assert.equal(gov.scope, 'https://management.usgovcloudapi.net/.default');
    assert.equal(gov.authorityHost, 'https://login.microsoftonline.us');
    assert.throws(() => cloudByName('Mars'), /Unknown Azure cloud 'Mars'/);
  });

  it('gives a Custom cloud its own audience and no authority it was not given', () => {
    const c = customCloud({ resourceManagerEndpoint: 'https://127.0.0.1:8443/' });
    assert.equal(c.resourceManagerEndpoint, 'https://127.0.0.1:8443');
    assert.equal(c.authorityHost, undefined, 'a secret never goes to the ARM host by default');
    assert.equal(c.retailPricesEndpoint, 'https://127.0.0.1:8443');
    assert.equal(c.scope, 'https://127.0.0.1:8443/.default', 'never a public-cloud token for a custom host');
    assert.notEqual(c.audience, AZURE_CLOUD.audience);
    assert.equal(c.knownAuthority, false);
    assert.equal(isKnownAuthority('https://login.microsoftonline.com/'), true);
    const named = customCloud({ resourceManagerEndpoint: 'https://arm.contoso.example', authorityHost: 'https://login.contoso.example/', audience: 'https://management.contoso.example' });
    assert.equal(named.authorityHost, 'https://login.contoso.example');
    assert.equal(named.scope, 'https://management.contoso.example/.default');
    assert.equal(isKnownAuthority(named.authorityHost), false);
  });
});

describe('service principal from AZURE_* variables', () => {
  const emu = useEmulator();

  it('is absent unless tenant, client id and secret are all set', () => {
    assert.equal(servicePrincipalFromEnvironment({ AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c' }), undefined);
    assert.equal(servicePrincipalFromEnvironment({}), undefined);
  });

  it('signs in against AZURE_AUTHORITY_HOST (a custom authority: no instance discovery)', async () => {
    const e = emu();
    const source = servicePrincipalFromEnvironment({ AZURE_TENANT_ID: e.tenantId, AZURE_CLIENT_ID: e.clientId, AZURE_CLIENT_SECRET: e.clientSecret, AZURE_AUTHORITY_HOST: e.baseUrl });
    assert.ok(source);
    assert.equal(source.kind, 'servicePrincipal');
    const token = await source.getToken('https://management.azure.com/.default');
    assert.equal(tenantOfToken(token.token), e.tenantId);
    assert.ok(token.expiresOnTimestamp > Date.now() + 30 * 60_000);
  });

  it('reports a wrong secret as an auth error that keeps Entra\'s AADSTS code', async () => {
    const e = emu();
    const source = servicePrincipalFromEnvironment({ AZURE_TENANT_ID: e.tenantId, AZURE_CLIENT_ID: e.clientId, AZURE_CLIENT_SECRET: 'wrong', AZURE_AUTHORITY_HOST: e.baseUrl });
    await assert.rejects(source!.getToken('https://management.azure.com/.default'), (err: Error & { kind?: string }) => err.kind === 'auth' && /AADSTS7000215/.test(err.message));
  });

  it('gets a newly issued token when asked to refresh, instead of the one MSAL cached', async () => {
    const e = emu();
    const source = servicePrincipalFromEnvironment({ AZURE_TENANT_ID: e.tenantId, AZURE_CLIENT_ID: e.clientId, AZURE_CLIENT_SECRET: e.clientSecret, AZURE_AUTHORITY_HOST: e.baseUrl })!;
    const first = await source.getToken('https://management.azure.com/.default');
    const cached = await source.getToken('https://management.azure.com/.default');
    assert.equal(cached.token, first.token);
    await new Promise((r) => setTimeout(r, 1100)); // iat has one-second resolution
    const fresh = await source.getToken('https://management.azure.com/.default', { forceRefresh: true });
    assert.notEqual(fresh.token, first.token);
  });
});
