// Lists fetch one page ahead: while the caller works through page n, page n+1 is on its way, so
// the service and the client no longer take turns. Never more than one request ahead; a caller
// that stops early or cancels leaves nothing running and no unhandled rejection; a page fetched
// ahead that failed throws its own error only when the caller reaches it.
import * as assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { isCancellation } from '../../../src/azure/errors';
import { pagedListing } from '../../../src/azure/paging';
import type { RequestEvent } from '../../../src/azure/instrumentation';
import type { FaultRule } from '../../emulator/faults';
import { collect, failureOf, testClient, useRoutedEmulator } from './clientFixture';
import { itemsUpTo, TEST_API } from './testRoutes';

const q = { query: { 'api-version': TEST_API } };
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Faults for the list route's requests in order: `rules[i]` applies to page i + 1 only. */
function perPage(...rules: Array<Partial<Omit<FaultRule, 'path' | 'times'>> | undefined>): FaultRule[] {
  // A request takes the first rule left, so a page without a fault gets a harmless 0 ms wait.
  return rules.map((rule) => ({ kind: 'latency', latencyMs: 0, ...rule, path: 'Test.Client/', times: 1 }) as FaultRule);
}

/** Each attempt as an interval on the client's clock. */
function timeline() {
  const spans: Array<RequestEvent & { start: number; end: number }> = [];
  return {
    spans,
    onRequest: (ev: RequestEvent) => {
      const end = Date.now();
      spans.push({ ...ev, start: end - ev.durationMs, end });
    },
  };
}

describe('ArmClient: pages fetched one ahead', () => {
  const ready = useRoutedEmulator();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it('overlaps the next request with a slow consumer: page n+1 asked before page n is consumed, one request at a time', async () => {
    const e = ready({ kind: 'latency', latencyMs: 150, path: 'Test.Client/items' });
    const t = timeline();
    const { client } = testClient(e, { onRequest: t.onRequest });
    const consumed: Array<{ page: number; from: number; to: number }> = [];
    const started = Date.now();
    const seen: unknown[] = [];
    for await (const item of client.list('/providers/Test.Client/items/8/2/absent', q)) {
      const at = Date.now();
      seen.push(item);
      await pause(60); // the caller's own work on each item: 120 ms a page
      const page = Math.floor((seen.length - 1) / 2);
      if (!consumed[page]) consumed[page] = { page, from: at, to: 0 };
      consumed[page].to = Date.now();
    }
    const wall = Date.now() - started;
    client.dispose();
    assert.deepEqual(seen, itemsUpTo(8));
    assert.equal(t.spans.length, 4);
    // Page n+1 was asked for before the caller finished page n (it was, in fact, asked for when page n arrived).
    for (let n = 0; n < 3; n++) {
      assert.ok(t.spans[n + 1].start < consumed[n].to, `page ${n + 2} asked at +${t.spans[n + 1].start - started} ms, page ${n + 1} consumed by +${consumed[n].to - started} ms`);
      assert.ok(t.spans[n + 1].start >= t.spans[n].end - 2, 'never more than one request of a list in flight');
    }
    // The order of events above is the proof; the times are figures (a loaded machine stretches both).
    const sequential = t.spans.reduce((sum, s) => sum + s.durationMs, 0) + consumed.reduce((sum, c) => sum + (c.to - c.from), 0);
    process.stdout.write(`# wall ${wall} ms against a sequential sum of ${sequential} ms\n`);
    assert.deepEqual(unhandled, []);
  });

  it('fetches the next Cost Management page ahead too, POSTing the same body', async () => {
    const e = ready({ kind: 'latency', latencyMs: 100, path: 'Test.Client/query' });
    const t = timeline();
    const { client } = testClient(e, { onRequest: t.onRequest });
    const finished: number[] = [];
    const rows: unknown[][] = [];
    for await (const page of client.queryPages('/providers/Test.Client/query', { type: 'ActualCost' }, q)) {
      rows.push(...page.rows);
      await pause(150);
      finished.push(Date.now());
    }
    client.dispose();
    assert.equal(rows.length, 7);
    assert.deepEqual(t.spans.map((s) => `${s.method} ${s.status}`), ['POST 200', 'POST 200', 'POST 200']);
    assert.ok(t.spans[1].start < finished[0] && t.spans[2].start < finished[1]);
  });

  it('a caller that breaks early: the page fetched ahead is cancelled, nothing after it, no unhandled rejection', async () => {
    // Page 2 is slow, so the break lands while it is on its way.
    const { client, recorder } = testClient(ready(...perPage(undefined, { latencyMs: 2_000 })));
    const seen: unknown[] = [];
    const list = client.list('/providers/Test.Client/items/9/3/absent', q);
    for await (const item of list) {
      seen.push(item);
      await pause(50);
      break;
    }
    await pause(200);
    client.dispose();
    assert.deepEqual(seen, itemsUpTo(1));
    assert.equal(recorder.count, 2, 'page 1 and the page fetched ahead, nothing more');
    assert.equal(recorder.events[0].status, 200);
    assert.equal(recorder.events[1].failure, 'cancelled');
    assert.equal(list.truncated, false);
    assert.deepEqual(unhandled, []);
  });

  it('a caller that returns early after the page fetched ahead failed: the failure is dropped, not unhandled', async () => {
    const { client, recorder } = testClient(ready(...perPage(undefined, { kind: 'forbidden' })));
    const first = await (async () => {
      for await (const item of client.list<{ n: number }>('/providers/Test.Client/items/9/3/absent', q)) {
        await pause(200); // long enough for page 2's 403 to arrive
        return item;
      }
      return undefined;
    })();
    await pause(50);
    client.dispose();
    assert.deepEqual(first, itemsUpTo(1)[0]);
    assert.deepEqual(recorder.events.map((ev) => ev.status), [200, 403]);
    assert.deepEqual(unhandled, []);
  });

  it('a page fetched ahead that failed throws the same typed error, only once the caller reaches it', async () => {
    const e = ready();
    // The reference: page 2 fetched without any prefetch (its link comes from page 1).
    const { client: plain } = testClient(e);
    const page1 = await plain.get<{ nextLink: string }>('/providers/Test.Client/items/9/3/absent', q);
    e.faults.add({ kind: 'forbidden', path: 'Test.Client/', times: 1 });
    const expected = await failureOf(plain.get(page1!.nextLink));
    plain.dispose();

    e.faults.clear();
    for (const rule of perPage(undefined, { kind: 'forbidden' })) e.faults.add(rule);
    const { client, recorder } = testClient(e);
    const seen: unknown[] = [];
    let failedAt = 0;
    let page1DoneAt = 0;
    const error = await failureOf((async () => {
      try {
        for await (const item of client.list('/providers/Test.Client/items/9/3/absent', q)) {
          seen.push(item);
          await pause(50);
          if (seen.length === 3) page1DoneAt = Date.now();
        }
      } finally {
        failedAt = Date.now();
      }
    })());
    client.dispose();
    assert.deepEqual(seen, itemsUpTo(3), 'every item of page 1 first');
    assert.ok(failedAt >= page1DoneAt && page1DoneAt > 0);
    assert.equal(error.kind, expected.kind);
    assert.equal(error.status, 403);
    assert.equal(error.code, expected.code);
    assert.equal(error.needsBillingRole, expected.needsBillingRole);
    assert.equal(recorder.count, 2, 'no page after the one that failed');
    assert.deepEqual(unhandled, []);
  });

  it('a page fetched ahead is retried as before: a 500 on page 2 costs one retry, the list is whole', async () => {
    const { client, recorder } = testClient(ready(...perPage(undefined, { kind: 'error', status: 500 })));
    assert.deepEqual(await collect(client.list('/providers/Test.Client/items/9/3/absent', q)), itemsUpTo(9));
    client.dispose();
    assert.deepEqual(recorder.events.map((ev) => ev.status), [200, 500, 200, 200]);
    assert.equal(recorder.retries, 1);
  });

  it('cancelled while the page ahead is on its way: that request is aborted and the caller gets a cancellation', async () => {
    const { client, recorder } = testClient(ready(...perPage(undefined, { latencyMs: 10_000 })));
    const controller = new AbortController();
    const seen: unknown[] = [];
    const started = Date.now();
    const error = await failureOf((async () => {
      for await (const item of client.list('/providers/Test.Client/items/9/3/absent', { ...q, signal: controller.signal })) {
        seen.push(item);
        await pause(50);
        if (seen.length === 2) controller.abort(); // page 2 has been on its way for about 100 ms
      }
    })());
    await pause(50);
    client.dispose();
    assert.ok(isCancellation(error));
    assert.ok(Date.now() - started < 5_000, 'did not wait for the 10 s answer');
    // The caller still had page 1 in hand; the cancellation met it at page 2.
    assert.deepEqual(seen, itemsUpTo(3));
    assert.equal(recorder.count, 2);
    assert.equal(recorder.events[1].failure, 'cancelled');
    assert.deepEqual(unhandled, []);
  });

  it('cancelled while the caller waits for the page ahead: rejects at once', async () => {
    const { client, recorder } = testClient(ready(...perPage(undefined, { latencyMs: 10_000 })));
    const controller = new AbortController();
    const seen: unknown[] = [];
    let abortedAt = 0;
    const error = await failureOf((async () => {
      for await (const item of client.list('/providers/Test.Client/items/9/3/absent', { ...q, signal: controller.signal })) {
        seen.push(item);
        if (seen.length === 3) {
          setTimeout(() => {
            abortedAt = Date.now();
            controller.abort();
          }, 150);
        }
      }
    })());
    const stoppedAfter = Date.now() - abortedAt;
    client.dispose();
    assert.ok(isCancellation(error));
    assert.ok(stoppedAfter < 500, `stopped ${stoppedAfter} ms after the cancellation`);
    assert.deepEqual(seen, itemsUpTo(3));
    assert.equal(recorder.events[1].failure, 'cancelled');
    assert.deepEqual(unhandled, []);
  });

  it('cancelled after the page ahead arrived but before the caller reached it: no item of that page', async () => {
    const { client } = testClient(ready());
    const controller = new AbortController();
    const seen: unknown[] = [];
    const error = await failureOf((async () => {
      for await (const item of client.list('/providers/Test.Client/items/9/3/absent', { ...q, signal: controller.signal })) {
        seen.push(item);
        if (seen.length === 3) {
          await pause(200); // page 2 is in by now
          controller.abort();
        }
      }
    })());
    client.dispose();
    assert.ok(isCancellation(error));
    assert.deepEqual(seen, itemsUpTo(3));
  });

  it('a caller that folds a page without awaiting anything real still has the next request sent before it starts', async () => {
    // A fetcher whose request leaves only on a later turn of the event loop, as a socket write does.
    const sent: number[] = [];
    const fetchPage = (next: string | undefined) => {
      const page = next === undefined ? 0 : Number(next);
      return new Promise<unknown>((resolve) => setImmediate(() => {
        sent.push(page);
        setTimeout(() => resolve({ value: [page], nextLink: page < 3 ? String(page + 1) : undefined }), 5);
      }));
    };
    const sentWhenReached: number[][] = [];
    for await (const page of pagedListing<number>(fetchPage, 'value')) sentWhenReached[page] = [...sent];
    assert.deepEqual(sentWhenReached, [[0, 1], [0, 1, 2], [0, 1, 2, 3], [0, 1, 2, 3]]);
  });

  it('maxItems: no page is fetched ahead once the current page reaches the limit', async () => {
    const { client, recorder } = testClient(ready());
    const list = client.list('/providers/Test.Client/items/12/3/absent', { ...q, maxItems: 5 });
    const seen = await collect(list);
    await pause(50);
    client.dispose();
    assert.deepEqual(seen, itemsUpTo(5));
    assert.equal(list.truncated, true);
    assert.equal(recorder.count, 2);
  });
});
