// Cancellation through AbortSignal: whatever the client is doing — sending, waiting out a
// retry-after, backing off between retries, polling an operation, walking pages — it stops at
// once and rejects with an error a caller recognises as cancellation (and can stay silent about).
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCancellation } from '../../../src/azure/errors';
import { useEmulator } from '../../support/emulator';
import { collect, failureOf, testClient } from './clientFixture';
import { registerLroRoutes } from './lroRoutes';
import { registerTestRoutes, TEST_API } from './testRoutes';

const LIST = '/providers/Test.Client/items/40/40/absent';

/** A signal that fires `ms` after the call starts. */
function cancelAfter(ms: number): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return controller.signal;
}

describe('ArmClient: cancellation', () => {
  const emu = useEmulator();
  let registered = false;
  const fresh = () => {
    if (!registered) {
      registerTestRoutes(emu());
      registerLroRoutes(emu());
      registered = true;
    }
    emu().faults.clear();
    return emu();
  };

  it('while waiting out a 5 s retry-after: rejects at once as a cancellation, no second attempt', async () => {
    const e = fresh();
    e.faults.add({ kind: 'throttle', path: 'items/40', retryAfterSeconds: 5, times: 1 });
    const { client, recorder } = testClient(e);
    const started = Date.now();
    const error = await failureOf(collect(client.list(LIST, { query: { 'api-version': TEST_API }, signal: cancelAfter(200) })));
    const elapsed = Date.now() - started;
    assert.equal(error.kind, 'cancelled');
    assert.ok(isCancellation(error));
    assert.equal(error.name, 'AbortError');
    assert.ok(elapsed < 700, `took ${elapsed} ms to stop`);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(recorder.count, 1, 'no retry after the cancellation');
    client.dispose();
  });

  it('while backing off between retries of a 500: stops at once', async () => {
    const e = fresh();
    e.faults.add({ kind: 'error', status: 500, path: 'items/40' });
    const { client, recorder } = testClient(e, { retry: { baseDelayMs: 5_000, maxDelayMs: 5_000 } });
    const started = Date.now();
    const error = await failureOf(collect(client.list(LIST, { query: { 'api-version': TEST_API }, signal: cancelAfter(200) })));
    assert.ok(isCancellation(error));
    assert.ok(Date.now() - started < 700);
    assert.equal(recorder.count, 1);
    client.dispose();
  });

  it('while a slow answer is on its way: the request itself is aborted', async () => {
    const e = fresh();
    e.faults.add({ kind: 'latency', latencyMs: 3_000, path: 'items/40', times: 1 });
    const { client, recorder } = testClient(e);
    const started = Date.now();
    const error = await failureOf(collect(client.list(LIST, { query: { 'api-version': TEST_API }, signal: cancelAfter(150) })));
    assert.ok(isCancellation(error));
    assert.ok(Date.now() - started < 700);
    assert.equal(recorder.events[0].failure, 'cancelled');
    client.dispose();
  });

  it('with a signal already fired: no request at all', async () => {
    const { client, recorder } = testClient(fresh());
    const controller = new AbortController();
    controller.abort();
    const error = await failureOf(client.get(LIST, { query: { 'api-version': TEST_API }, signal: controller.signal }));
    assert.ok(isCancellation(error));
    assert.equal(recorder.count, 0);
    client.dispose();
  });

  it('between the pages of a list: the next page is not fetched', async () => {
    const { client, recorder } = testClient(fresh());
    const controller = new AbortController();
    const seen: unknown[] = [];
    const error = await failureOf((async () => {
      for await (const item of client.list('/providers/Test.Client/items/9/3/absent', { query: { 'api-version': TEST_API }, signal: controller.signal })) {
        seen.push(item);
        if (seen.length === 3) controller.abort();
      }
    })());
    assert.ok(isCancellation(error));
    assert.equal(seen.length, 3);
    assert.equal(recorder.count, 1);
    client.dispose();
  });

  it('while polling a long-running operation: stops during the Retry-After wait', async () => {
    const { client, recorder } = testClient(fresh());
    const started = Date.now();
    const error = await failureOf(client.longRunning('/providers/Test.Client/lro/location/5/10', undefined, { query: { 'api-version': TEST_API }, signal: cancelAfter(200) }));
    assert.ok(isCancellation(error));
    assert.ok(Date.now() - started < 700);
    assert.equal(recorder.count, 1, 'only the POST that started it');
    client.dispose();
  });
});
