// Every fault the emulator can inject, and what the client must make of it: each test says
// whether the call must end in recovered data or in a typed error, and checks which.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cachedTokenSource, TokenSource } from '../../../src/azure/tokenSource';
import { collect, emulatorTokenSource, failureOf, testClient, useRoutedEmulator } from './clientFixture';
import { itemsUpTo, TEST_API } from './testRoutes';

const q = { query: { 'api-version': TEST_API } };
/** A list of 40 items in pages of 40: one request, a body of a few kB. */
const LIST = '/providers/Test.Client/items/40/40/absent';

describe('ArmClient: faults end in recovered data or a typed error', () => {
  /** The emulator with test routes and no faults left over from the previous test. */
  const fresh = useRoutedEmulator();

  for (const variant of ['retry-after', 'consumption', 'costmanagement-qpu', 'costmanagement-entity', 'costmanagement-tenant', 'costmanagement-client'] as const) {
    it(`429 with the ${variant} header: waits the 1 s it names, then recovers the data`, async () => {
      const e = fresh({ kind: 'throttle', path: 'items/40', throttleHeader: variant, retryAfterSeconds: 1, times: 1 });
      const { client, recorder } = testClient(e);
      const started = Date.now();
      const items = await collect(client.list(LIST, q));
      const elapsed = Date.now() - started;
      assert.deepEqual(items, itemsUpTo(40));
      assert.deepEqual(recorder.events.map((r) => r.status), [429, 200]);
      assert.ok(elapsed >= 1000, `waited ${elapsed} ms, less than the 1 s asked`);
      assert.ok(elapsed < 2500, `waited ${elapsed} ms, far more than the 1 s asked`);
      client.dispose();
    });
  }

  it('429 with every header at once (1, 1, 2, 0, 0, 0 s): waits the longest, 2 s, then recovers', async () => {
    const e = fresh({ kind: 'throttle', path: 'items/40', throttleHeader: 'all', retryAfterSeconds: 2, times: 1 });
    const { client, recorder, log } = testClient(e);
    const started = Date.now();
    const items = await collect(client.list(LIST, q));
    const elapsed = Date.now() - started;
    assert.equal(items.length, 40);
    assert.equal(recorder.count, 2);
    assert.ok(elapsed >= 2000, `waited ${elapsed} ms: shorter than the longest header`);
    // What the client chose to wait, from its own log line: the longest header, not the sum (4 s).
    assert.match(log.text, /waiting 2\.0 s before attempt 2/);
    client.dispose();
  });

  it('429 without any retry-after header: backs off on its own and recovers', async () => {
    const e = fresh({ kind: 'throttle', path: 'items/40', throttleHeader: 'none', times: 2 });
    const { client, recorder } = testClient(e);
    assert.equal((await collect(client.list(LIST, q))).length, 40);
    assert.deepEqual(recorder.events.map((r) => r.status), [429, 429, 200]);
    client.dispose();
  });

  it('429 asking for longer than the client may wait: a throttled error at once, carrying the wait', async () => {
    const e = fresh({ kind: 'throttle', path: 'items/40', throttleHeader: 'costmanagement-qpu', retryAfterSeconds: 120, times: 1 });
    const { client, recorder } = testClient(e, { retry: { maxRetryAfterMs: 10_000 } });
    const error = await failureOf(collect(client.list(LIST, q)));
    assert.equal(error.kind, 'throttled');
    assert.equal(error.status, 429);
    assert.equal(error.retryAfterMs, 120_000);
    assert.match(error.message, /wait 120 s/);
    assert.equal(recorder.count, 1);
    client.dispose();
  });

  it('500 twice: retried with back-off, then the data', async () => {
    const e = fresh({ kind: 'error', status: 500, path: 'items/40', times: 2 });
    const { client, recorder } = testClient(e);
    assert.deepEqual(await collect(client.list(LIST, q)), itemsUpTo(40));
    assert.deepEqual(recorder.events.map((r) => r.status), [500, 500, 200]);
    client.dispose();
  });

  it('503 with Retry-After: 1: waits that second, then the data', async () => {
    const e = fresh({ kind: 'error', status: 503, retryAfterSeconds: 1, path: 'items/40', times: 1 });
    const { client, recorder } = testClient(e);
    const started = Date.now();
    assert.equal((await collect(client.list(LIST, q))).length, 40);
    assert.ok(Date.now() - started >= 1000);
    assert.deepEqual(recorder.events.map((r) => r.status), [503, 200]);
    client.dispose();
  });

  it('500 on every attempt: gives up after the bound with a retriesExhausted error saying how long it tried', async () => {
    const e = fresh({ kind: 'error', status: 500, path: 'items/40' });
    const { client, recorder } = testClient(e, { retry: { maxRetries: 2, baseDelayMs: 30 } });
    const error = await failureOf(collect(client.list(LIST, q)));
    assert.equal(error.kind, 'retriesExhausted');
    assert.equal(error.attempts, 3);
    assert.equal(recorder.count, 3);
    assert.equal(error.lastError?.kind, 'server');
    assert.equal(error.lastError?.status, 500);
    assert.equal(error.code, 'InternalServerError');
    // Two back-off steps of 30 ms and 60 ms ceilings, each at least half its ceiling.
    assert.ok((error.waitedMs ?? 0) >= 45, `waited ${error.waitedMs} ms`);
    assert.match(error.message, /after 3 attempts and \d+\.\d s of waiting/);
    client.dispose();
  });

  it('a dropped connection: retried, then the data', async () => {
    const e = fresh({ kind: 'drop', path: 'items/40', times: 1 });
    const { client, recorder } = testClient(e);
    assert.deepEqual(await collect(client.list(LIST, q)), itemsUpTo(40));
    assert.equal(recorder.events[0].failure, 'network');
    assert.equal(recorder.events[1].status, 200);
    client.dispose();
  });

  it('connections dropped every time: retriesExhausted whose last error is a network error', async () => {
    const e = fresh({ kind: 'drop', path: 'items/40' });
    const { client } = testClient(e, { retry: { maxRetries: 1 } });
    const error = await failureOf(collect(client.list(LIST, q)));
    assert.equal(error.kind, 'retriesExhausted');
    assert.equal(error.lastError?.kind, 'network');
    client.dispose();
  });

  it('a connection dropped in the middle of the body: the half-read page is thrown away and fetched again', async () => {
    const e = fresh({ kind: 'dropMidBody', path: 'items/40', times: 1 });
    const { client, recorder } = testClient(e);
    assert.deepEqual(await collect(client.list(LIST, q)), itemsUpTo(40));
    assert.equal(recorder.events[0].status, 200, 'the headers had arrived');
    assert.equal(recorder.events[0].failure, 'network');
    assert.equal(recorder.count, 2);
    client.dispose();
  });

  it('a malformed JSON body on a GET: read again, then the data', async () => {
    const e = fresh({ kind: 'malformed', path: 'items/40', times: 1 });
    const { client, recorder } = testClient(e);
    assert.deepEqual(await collect(client.list(LIST, q)), itemsUpTo(40));
    assert.equal(recorder.count, 2);
    client.dispose();
  });

  it('malformed every time: retriesExhausted whose last error is invalidResponse', async () => {
    const e = fresh({ kind: 'malformed', path: 'items/40' });
    const { client } = testClient(e, { retry: { maxRetries: 1 } });
    const error = await failureOf(collect(client.list(LIST, q)));
    assert.equal(error.kind, 'retriesExhausted');
    assert.equal(error.lastError?.kind, 'invalidResponse');
    assert.equal(error.lastError?.status, 200);
    client.dispose();
  });

  it('403 on a billing scope: a permission error naming the billing role, not retried', async () => {
    const e = fresh({ kind: 'forbidden', path: 'clientTestProbe' });
    const { client, recorder } = testClient(e);
    const error = await failureOf(client.get('/providers/Microsoft.Billing/clientTestProbe', q));
    assert.equal(error.kind, 'permission');
    assert.equal(error.code, 'AuthorizationFailed');
    assert.equal(error.needsBillingRole, true);
    assert.match(error.message, /billing role/i);
    assert.equal(recorder.count, 1);
    client.dispose();
  });

  it('403 on an RBAC scope: a permission error that does not talk about billing roles', async () => {
    const e = fresh({ kind: 'forbidden', path: 'items/40' });
    const { client } = testClient(e);
    const error = await failureOf(collect(client.list(LIST, q)));
    assert.equal(error.kind, 'permission');
    assert.equal(error.needsBillingRole, false);
    assert.doesNotMatch(error.message, /billing role/i);
    client.dispose();
  });

  it('empty: a list with no items is an empty list, and a query answered 204 has no pages', async () => {
    const e = fresh({ kind: 'empty', path: 'items/40', times: 1 }, { kind: 'empty', path: 'Test.Client/query', times: 1 });
    const { client } = testClient(e);
    assert.deepEqual(await collect(client.list(LIST, q)), []);
    assert.deepEqual(await collect(client.queryPages('/providers/Test.Client/query', { type: 'ActualCost' }, q)), []);
    client.dispose();
  });

  it('latency under the timeout: one slow attempt, the data, no retry', async () => {
    const e = fresh({ kind: 'latency', latencyMs: 150, path: 'items/40', times: 1 });
    const { client, recorder } = testClient(e, { timeoutMs: 1000 });
    assert.equal((await collect(client.list(LIST, q))).length, 40);
    assert.equal(recorder.count, 1);
    assert.ok(recorder.events[0].durationMs >= 150);
    client.dispose();
  });

  it('latency over the timeout once: the attempt is abandoned at the timeout and the retry gets the data', async () => {
    const e = fresh({ kind: 'latency', latencyMs: 10_000, path: 'items/40', times: 1 });
    const { client, recorder } = testClient(e, { timeoutMs: 200 });
    const started = Date.now();
    assert.equal((await collect(client.list(LIST, q))).length, 40);
    assert.ok(Date.now() - started < 5_000, 'did not sit out the 10 s answer');
    assert.equal(recorder.events[0].failure, 'timeout');
    assert.ok(recorder.events[0].durationMs >= 190 && recorder.events[0].durationMs < 5_000, `first attempt ended after ${recorder.events[0].durationMs} ms: at the 200 ms timeout, not at the 10 s answer`);
    client.dispose();
  });

  it('latency over the timeout every time: retriesExhausted whose last error is a timeout', async () => {
    const e = fresh({ kind: 'latency', latencyMs: 1000, path: 'items/40' });
    const { client } = testClient(e, { timeoutMs: 100, retry: { maxRetries: 1 } });
    const error = await failureOf(collect(client.list(LIST, q)));
    assert.equal(error.kind, 'retriesExhausted');
    assert.equal(error.lastError?.kind, 'timeout');
    client.dispose();
  });

  it('an expired token once: a new token is fetched and the call recovers', async () => {
    const e = fresh({ kind: 'expiredToken', path: 'items/40', times: 1 });
    let issued = 0;
    const inner = emulatorTokenSource(e);
    const counting: TokenSource = { kind: 'counting', getToken: (s, o) => { issued += 1; return inner.getToken(s, o); } };
    const { client, recorder } = testClient(e, { tokenSource: cachedTokenSource(counting) });
    assert.equal((await collect(client.list(LIST, q))).length, 40);
    assert.deepEqual(recorder.events.map((r) => r.status), [401, 200]);
    assert.equal(issued, 2, 'the cached token was replaced');
    client.dispose();
  });

  it('a token ARM itself finds expired: refreshed from the source and the call recovers', async () => {
    const e = fresh();
    const tokens = [e.issueToken(undefined, -10), e.issueToken()];
    const source: TokenSource = { kind: 'scripted', getToken: (_s, o) => Promise.resolve({ token: o?.forceRefresh ? tokens[1] : tokens[0], expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const { client, recorder } = testClient(e, { tokenSource: source });
    assert.equal((await collect(client.list(LIST, q))).length, 40);
    assert.deepEqual(recorder.events.map((r) => r.status), [401, 200]);
    client.dispose();
  });

  it('a token refused even after a refresh: an auth error after exactly one refresh', async () => {
    const e = fresh({ kind: 'expiredToken', path: 'items/40' });
    const { client, recorder } = testClient(e);
    const error = await failureOf(collect(client.list(LIST, q)));
    assert.equal(error.kind, 'auth');
    assert.equal(error.code, 'ExpiredAuthenticationToken');
    assert.equal(recorder.count, 2);
    client.dispose();
  });
});
