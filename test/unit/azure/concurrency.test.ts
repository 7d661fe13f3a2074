// Bounded parallelism: never more than the limit at once, results in input order, the first
// failure stops new work, cancellation releases waiters.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapWithConcurrency, Semaphore } from '../../../src/azure/concurrency';
import { isCancellation } from '../../../src/azure/errors';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('mapWithConcurrency', () => {
  it('runs at most `limit` at once and keeps the order of the input', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapWithConcurrency([30, 5, 20, 1, 10, 15, 2], 3, async (ms, i) => {
      running += 1;
      peak = Math.max(peak, running);
      await delay(ms);
      running -= 1;
      return `${i}:${ms}`;
    });
    assert.equal(peak, 3);
    assert.deepEqual(out, ['0:30', '1:5', '2:20', '3:1', '4:10', '5:15', '6:2']);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    await assert.rejects(mapWithConcurrency([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await delay(5);
      if (n === 2) { throw new Error('boom 2'); }
      return n;
    }), /boom 2/);
    await delay(30);
    assert.ok(started.length <= 3, `started ${started.join(',')}`);
  });

  it('handles an empty input', async () => {
    assert.deepEqual(await mapWithConcurrency([], 4, () => Promise.resolve(1)), []);
  });
});

describe('Semaphore', () => {
  it('hands slots out in order and lets a cancelled waiter go without taking one', async () => {
    const sem = new Semaphore(1);
    const release = await sem.acquire();
    const controller = new AbortController();
    const cancelled = sem.acquire(controller.signal);
    const order: string[] = [];
    const later = sem.acquire().then((r) => {
      order.push('later');
      r();
    });
    controller.abort();
    await assert.rejects(cancelled, (e) => isCancellation(e));
    release();
    await later;
    assert.deepEqual(order, ['later']);
    const again = await sem.acquire();
    again();
  });
});
