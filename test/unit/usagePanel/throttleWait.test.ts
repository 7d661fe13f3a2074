// A throttled Cost Management query: the panel names the wait Azure asked for, waits it, and asks
// again; other failures, cancellations and very long waits are not waited out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AzureError } from '../../../src/azure/errors';
import { retryWhenThrottled, throttleWaitMs } from '../../../src/views/usagePanel/throttleWait';

const throttled = (ms: number) => new AzureError({ kind: 'throttled', message: '429', status: 429, retryAfterMs: ms });
const exhausted = (ms: number) => new AzureError({ kind: 'retriesExhausted', message: 'still 429', status: 429, retryAfterMs: ms, lastError: throttled(ms) });

test('the wait comes from the client\'s error, throttled or throttled on every attempt', () => {
  assert.equal(throttleWaitMs(throttled(61_000)), 61_000);
  assert.equal(throttleWaitMs(exhausted(2_000)), 2_000);
  assert.equal(throttleWaitMs(new Error('wrapped', { cause: throttled(5_000) })), 5_000);
  assert.equal(throttleWaitMs(new AzureError({ kind: 'server', message: '500', status: 500 })), undefined);
  assert.equal(throttleWaitMs(new AzureError({ kind: 'retriesExhausted', message: '503s', status: 503 })), undefined);
});

test('waits as long as asked, says so first, then returns the data', async () => {
  const waits: number[] = [];
  const slept: number[] = [];
  let calls = 0;
  const result = await retryWhenThrottled(
    () => {
      calls++;
      if (calls < 3) { return Promise.reject(calls === 1 ? throttled(61_500) : exhausted(0)); }
      return Promise.resolve('data');
    },
    { signal: new AbortController().signal, onWait: (s) => waits.push(s), sleep: (ms) => Promise.resolve(void slept.push(ms)) },
  );
  assert.equal(result, 'data');
  assert.deepEqual(waits, [62, 1]);
  assert.deepEqual(slept, [61_500, 1_000]);
});

test('gives up after the rounds allowed, on a wait too long, and on other errors', async () => {
  const options = { signal: new AbortController().signal, onWait: () => undefined, sleep: () => Promise.resolve() };
  await assert.rejects(retryWhenThrottled(() => Promise.reject(throttled(10)), { ...options, maxWaits: 2 }), /429/);
  let calls = 0;
  await assert.rejects(retryWhenThrottled(() => { calls++; return Promise.reject(throttled(10 * 60_000)); }, options), /429/);
  assert.equal(calls, 1);
  await assert.rejects(retryWhenThrottled(() => Promise.reject(new Error('boom')), options), /boom/);
});

test('stops waiting when the person moves on', async () => {
  const controller = new AbortController();
  const pending = retryWhenThrottled(() => Promise.reject(throttled(30_000)), { signal: controller.signal, onWait: () => controller.abort() });
  await assert.rejects(pending);
});
