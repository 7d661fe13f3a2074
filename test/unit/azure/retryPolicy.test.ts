// The wait rules on their own: every retry-after form, the longest one wins, and the back-off
// grows and stays within its bounds.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffMs, isRetriableStatus, resolveRetryOptions, retryAfterMs, serverWaitMs } from '../../../src/azure/retryPolicy';

describe('retryAfterMs', () => {
  it('reads seconds, decimals, milliseconds and HTTP dates', () => {
    assert.equal(retryAfterMs({ 'retry-after': '3' }), 3000);
    assert.equal(retryAfterMs({ 'retry-after': '1.5' }), 1500);
    assert.equal(retryAfterMs({ 'retry-after-ms': '250' }), 250);
    assert.equal(retryAfterMs({ 'x-ms-retry-after-ms': '40' }), 40);
    const now = Date.parse('2026-11-15T10:00:00Z');
    assert.equal(retryAfterMs({ 'retry-after': 'Sun, 15 Nov 2026 10:00:07 GMT' }, now), 7000);
  });

  it('takes the longest of every RP-specific header and Retry-After', () => {
    const headers = {
      'retry-after': '1',
      'x-ms-ratelimit-microsoft.consumption-retry-after': '0',
      'x-ms-ratelimit-microsoft.costmanagement-qpu-retry-after': '4',
      'x-ms-ratelimit-microsoft.costmanagement-entity-retry-after': '9',
      'x-ms-ratelimit-microsoft.costmanagement-tenant-retry-after': '2',
      'x-ms-ratelimit-microsoft.costmanagement-client-retry-after': '3',
    };
    assert.equal(retryAfterMs(headers), 9000);
  });

  it('ignores counters that are not waits, and garbage', () => {
    assert.equal(retryAfterMs({ 'x-ms-ratelimit-remaining-tenant-reads': '11999', 'x-ms-ratelimit-microsoft.costmanagement-qpu-remaining': 'QueriesPerHour:597' }), undefined);
    assert.equal(retryAfterMs({ 'retry-after': 'soon' }), undefined);
  });
});

describe('back-off', () => {
  it('doubles per retry within [ceiling/2, ceiling] and never passes the maximum', () => {
    const low = resolveRetryOptions({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0 });
    const high = resolveRetryOptions({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 1 });
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, low)), [50, 100, 200, 400, 500, 500]);
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, high)), [100, 200, 400, 800, 1000, 1000]);
  });

  it('adds at most the configured jitter to a server-given wait', () => {
    assert.equal(serverWaitMs(2000, resolveRetryOptions({ retryAfterJitterMs: 250, random: () => 0 })), 2000);
    assert.equal(serverWaitMs(2000, resolveRetryOptions({ retryAfterJitterMs: 250, random: () => 1 })), 2250);
  });

  it('retries throttling and transient server statuses only', () => {
    assert.deepEqual([400, 401, 403, 404, 408, 409, 429, 500, 501, 502, 503, 504].filter(isRetriableStatus), [408, 429, 500, 502, 503, 504]);
  });
});
