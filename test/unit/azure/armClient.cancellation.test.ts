// Cancellation through AbortSignal: whatever the client is doing — sending, waiting out a
// retry-after, backing off between retries, polling an operation, walking pages — it stops at
// once and rejects with an error a caller recognises as cancellation (and can stay silent about).
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCancellation } from '../../../src/azure/errors';
import type { RequestEvent } from '../../../src/azure/instrumentation';
import { collect, failureOf, testClient, useRoutedEmulator } from './clientFixture';
import { registerLroRoutes } from './lroRoutes';
import { TEST_API } from './testRoutes';

const LIST = '/providers/Test.Client/items/40/40/absent';

/** A signal that fires `ms` after the call starts. */
function cancelAfter(ms: number): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return controller.signal;
}

/**
 * A signal that fires 100 ms after the client saw an answer with `status`, i.e. while it waits
 * before its next attempt (a timer from the start would race with sign-in on a busy machine).
 */
function cancelDuringWaitAfter(status: number): { signal: AbortSignal; onRequest: (ev: RequestEvent) => void; events: RequestEvent[]; sawStatusAt: () => number } {
  const controller = new AbortController();
  const events: RequestEvent[] = [];
  let at = 0;
  return {
    signal: controller.signal,
    events,
    sawStatusAt: () => at,
    onRequest: (ev) => {
      events.push(ev);
      if (ev.status !== status) { return; }
      at = Date.now();
      setTimeout(() => controller.abort(), 100);
    },
  };
}

describe('ArmClient: cancellation', () => {
  const fresh = useRoutedEmulator(registerLroRoutes);

  it('while waiting out a 5 s retry-after: rejects at once as a cancellation, no second attempt', async () => {
    const e = fresh();
    e.faults.add({ kind: 'throttle', path: 'items/40', retryAfterSeconds: 5, times: 1 });
    const cancel = cancelDuringWaitAfter(429);
    const { client } = testClient(e, { onRequest: cancel.onRequest });
    const error = await failureOf(collect(client.list(LIST, { query: { 'api-version': TEST_API }, signal: cancel.signal })));
    assert.equal(error.kind, 'cancelled');
    assert.ok(isCancellation(error));
    assert.equal(error.name, 'AbortError');
    // Cancelled 100 ms into the wait; the 5 s retry-after was not sat out.
    assert.ok(Date.now() - cancel.sawStatusAt() < 1_000, `stopped ${Date.now() - cancel.sawStatusAt()} ms after the 429`);
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(cancel.events.map((ev) => ev.status), [429], 'no retry after the cancellation');
    client.dispose();
  });

  it('while backing off between retries of a 500: stops at once', async () => {
    const e = fresh();
    e.faults.add({ kind: 'error', status: 500, path: 'items/40' });
    const cancel = cancelDuringWaitAfter(500);
    const { client } = testClient(e, { onRequest: cancel.onRequest, retry: { baseDelayMs: 5_000, maxDelayMs: 5_000 } });
    const started = Date.now();
    const error = await failureOf(collect(client.list(LIST, { query: { 'api-version': TEST_API }, signal: cancel.signal })));
    assert.ok(isCancellation(error));
    assert.ok(Date.now() - started < 2_000, 'did not sit out the 2.5–5 s back-off');
    assert.deepEqual(cancel.events.map((ev) => ev.status), [500]);
    client.dispose();
  });

  it('while a slow answer is on its way: the request itself is aborted', async () => {
    const e = fresh();
    e.faults.add({ kind: 'latency', latencyMs: 10_000, path: 'items/40', times: 1 });
    const { client, recorder } = testClient(e);
    const started = Date.now();
    const error = await failureOf(collect(client.list(LIST, { query: { 'api-version': TEST_API }, signal: cancelAfter(400) })));
    assert.ok(isCancellation(error));
    assert.ok(Date.now() - started < 5_000, 'did not wait for the 10 s answer');
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

  it('between the pages of a list: the page fetched ahead is cancelled, nothing after it is asked for', async () => {
    const { client, recorder } = testClient(fresh());
    const controller = new AbortController();
    const seen: unknown[] = [];
    const error = await failureOf((async () => {
      for await (const item of client.list('/providers/Test.Client/items/9/3/absent', { query: { 'api-version': TEST_API }, signal: controller.signal })) {
        seen.push(item);
        if (seen.length === 3) { controller.abort(); }
      }
    })());
    assert.ok(isCancellation(error));
    assert.equal(seen.length, 3);
    // Page 2 was asked for ahead of the caller; the cancellation came before any answer, so it
    // was cut short (or never sent), and page 3 was never requested.
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(recorder.count <= 2, `${recorder.count} requests`);
    assert.equal(recorder.events[0].status, 200);
    assert.ok(recorder.events.slice(1).every((ev) => ev.failure === 'cancelled'), JSON.stringify(recorder.events));
    client.dispose();
  });

  it('while polling a long-running operation: stops during the Retry-After wait', async () => {
    const cancel = cancelDuringWaitAfter(202);
    const { client } = testClient(fresh(), { onRequest: cancel.onRequest });
    const started = Date.now();
    const error = await failureOf(client.longRunning('/providers/Test.Client/lro/location/5/10', undefined, { query: { 'api-version': TEST_API }, signal: cancel.signal }));
    assert.ok(isCancellation(error));
    assert.ok(Date.now() - started < 3_000, 'did not sit out the 10 s Retry-After');
    assert.deepEqual(cancel.events.map((ev) => `${ev.method} ${ev.status}`), ['POST 202'], 'only the POST that started it');
    client.dispose();
  });
});
