import { ClientSecretCredential } from '@azure/identity';
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { armFetch, jsonAs, useEmulator } from '../../support/emulator';
import type { ArmError } from '../../support/wireShapes';

describe('emulator: token endpoint and ARM conventions', () => {
  const emu = useEmulator();

  it('issues a token to the service principal through @azure/identity', async () => {
    const e = emu();
    const credential = new ClientSecretCredential(e.tenantId, e.clientId, e.clientSecret, { authorityHost: e.baseUrl, disableInstanceDiscovery: true });
    const token = await credential.getToken('https://management.azure.com/.default');
    const claims = JSON.parse(Buffer.from(token.token.split('.')[1], 'base64url').toString()) as { tid: string; aud: string };
    assert.equal(claims.tid, e.tenantId);
    assert.equal(claims.aud, 'https://management.azure.com/');
    assert.ok(token.expiresOnTimestamp > Date.now() + 30 * 60 * 1000);
  });

  it('refuses a wrong client secret with an AADSTS error', async () => {
    const e = emu();
    const credential = new ClientSecretCredential(e.tenantId, e.clientId, 'not-the-secret', { authorityHost: e.baseUrl, disableInstanceDiscovery: true });
    await assert.rejects(credential.getToken('https://management.azure.com/.default'), /AADSTS7000215/);
  });

  it('answers a request without a token with 401 and WWW-Authenticate', async () => {
    const res = await armFetch(emu(), '/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01', { token: null });
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer authorization_uri=/);
    assert.equal((await jsonAs<ArmError>(res)).error.code, 'AuthenticationFailed');
    assert.ok(res.headers.get('x-ms-request-id'));
  });

  it('answers an expired token with ExpiredAuthenticationToken', async () => {
    const e = emu();
    const res = await armFetch(e, '/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01', { token: e.issueToken(undefined, -10) });
    assert.equal(res.status, 401);
    assert.equal((await jsonAs<ArmError>(res)).error.code, 'ExpiredAuthenticationToken');
  });

  it('answers a tampered token with InvalidAuthenticationToken', async () => {
    const e = emu();
    const token = e.issueToken();
    const res = await armFetch(e, '/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01', { token: `${token.slice(0, -2)}xx` });
    assert.equal((await jsonAs<ArmError>(res)).error.code, 'InvalidAuthenticationToken');
  });

  it('rejects a URL with two question marks', async () => {
    const res = await armFetch(emu(), '/providers/Microsoft.Billing/billingAccounts?api-version=2024-04-01?startDate=2024-01-01');
    assert.equal(res.status, 400);
  });

  it('answers an unknown resource type as ARM does', async () => {
    const res = await armFetch(emu(), '/providers/Microsoft.Billing/noSuchThings?api-version=2024-04-01');
    assert.equal(res.status, 404);
    assert.equal((await jsonAs<ArmError>(res)).error.code, 'InvalidResourceType');
  });
});
