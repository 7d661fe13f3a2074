// Bodies are read whole inside their attempt: a body that breaks, stalls or is unreadable is one more
// failed attempt, retried with the whole request, for ARM answers and for documents fetched through
// fetchUnauthenticated alike; nobody is handed half a body.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BlobResponse } from '../../../src/azure/transport';
import { collect, failureOf, testClient, useRoutedEmulator } from './clientFixture';
import { PDF_BYTES, registerLroRoutes } from './lroRoutes';
import { itemsUpTo, TEST_API } from './testRoutes';

const q = { query: { 'api-version': TEST_API } };
const LIST = '/providers/Test.Client/items/40/40/absent';
type DownloadUrl = { url: string };

async function bodyOf(res: BlobResponse): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of res.body as AsyncIterable<Buffer>) { chunks.push(Buffer.from(chunk)); }
  return Buffer.concat(chunks);
}

describe('ArmClient: bodies read whole inside the attempt', () => {
  const ready = useRoutedEmulator(registerLroRoutes);

  /** A client with a short idle limit and a long whole-answer limit, so a stall can only end by the first. */
  const stallClient = (e: ReturnType<typeof ready>, maxRetries = 3) => testClient(e, { timeoutMs: 60_000, idleTimeoutMs: 150, retry: { maxRetries } });

  async function blobUrl(e: ReturnType<typeof ready>): Promise<string> {
    const { client } = testClient(e);
    try {
      return (await client.longRunning<DownloadUrl>('/providers/Test.Client/lro/immediate', undefined, q)).url;
    } finally {
      client.dispose();
    }
  }

  for (const stallAt of ['headers', 'midBody'] as const) {
    it(`an ARM answer that stalls (${stallAt}) once: the attempt ends at the idle limit and the retry gets the data`, async () => {
      const e = ready({ kind: 'stall', stallAt, path: 'items/40', times: 1 });
      const { client, recorder } = stallClient(e);
      assert.deepEqual(await collect(client.list(LIST, q)), itemsUpTo(40));
      assert.deepEqual(recorder.events.map((r) => `${r.status} ${r.failure ?? ''}`.trim()), ['200 timeout', '200']);
      client.dispose();
    });

    it(`a document that stalls (${stallAt}) once: fetched again whole`, async () => {
      const e = ready();
      const url = await blobUrl(e);
      e.faults.add({ kind: 'stall', stallAt, path: '/testblob/', times: 1 });
      const { client, recorder } = stallClient(e);
      const res = await client.fetchUnauthenticated(url);
      assert.deepEqual(await bodyOf(res), PDF_BYTES);
      assert.deepEqual(recorder.events.map((r) => r.failure ?? 'ok'), ['timeout', 'ok']);
      client.dispose();
    });
  }

  it('an answer that stalls every time: retriesExhausted whose last error is a timeout naming the silence', async () => {
    const e = ready({ kind: 'stall', path: 'items/40' });
    const { client, recorder } = stallClient(e, 1);
    const error = await failureOf(collect(client.list(LIST, q)));
    assert.equal(error.kind, 'retriesExhausted');
    assert.equal(error.lastError?.kind, 'timeout');
    assert.match(error.message, /stopped arriving \(nothing for 150 ms\)/);
    assert.equal(recorder.count, 2);
    client.dispose();
  });

  it('a document cut off mid-body once: the whole request is made again, the whole document handed on', async () => {
    const e = ready();
    const url = await blobUrl(e);
    e.faults.add({ kind: 'dropMidBody', path: '/testblob/', times: 1 });
    const { client, recorder, log } = testClient(e);
    const res = await client.fetchUnauthenticated(url);
    assert.deepEqual(await bodyOf(res), PDF_BYTES);
    assert.equal(res.contentLength, PDF_BYTES.length);
    assert.deepEqual(recorder.events.map((r) => r.failure ?? 'ok'), ['network', 'ok']);
    assert.match(log.text, /the connection broke while 200 was arriving; waiting .* before attempt 2 of 4/, 'logged like any retry');
    client.dispose();
  });

  it('a document cut off every time: retriesExhausted whose last error is a network error', async () => {
    const e = ready();
    const url = await blobUrl(e);
    e.faults.add({ kind: 'dropMidBody', path: '/testblob/' });
    const { client, recorder } = testClient(e, { retry: { maxRetries: 2 } });
    const error = await failureOf(client.fetchUnauthenticated(url));
    assert.equal(error.kind, 'retriesExhausted');
    assert.equal(error.lastError?.kind, 'network');
    assert.equal(recorder.count, 3);
    client.dispose();
  });

  it('a document its check finds cut short: read again; every time: invalidResponse naming the problem', async () => {
    const e = ready();
    const url = await blobUrl(e);
    const whole = (body: Buffer) => (body.includes('%%EOF') ? undefined : 'a document without its end');
    e.faults.add({ kind: 'malformed', path: '/testblob/', times: 1 });
    const { client, recorder } = testClient(e, { retry: { maxRetries: 1 } });
    assert.deepEqual(await bodyOf(await client.fetchUnauthenticated(url, { checkBody: whole })), PDF_BYTES);
    assert.equal(recorder.count, 2);
    e.faults.add({ kind: 'malformed', path: '/testblob/' });
    const error = await failureOf(client.fetchUnauthenticated(url, { checkBody: whole }));
    assert.equal(error.lastError?.kind, 'invalidResponse');
    assert.match(error.message, /a document without its end/);
    client.dispose();
  });

  it('expectJson on a public route: malformed once is read again and parsed; every time, invalidResponse', async () => {
    const e = ready({ kind: 'malformed', path: '/api/retail/prices', times: 1 });
    const { client, recorder } = testClient(e, { retry: { maxRetries: 1 } });
    const url = `${e.baseUrl}/api/retail/prices?$filter=${encodeURIComponent("serviceName eq 'Key Vault'")}`;
    const res = await client.fetchUnauthenticated(url, { expectJson: true });
    assert.equal(res.status, 200);
    assert.ok(Array.isArray((res.json as { Items: unknown[] }).Items));
    assert.equal(recorder.count, 2);
    e.faults.add({ kind: 'malformed', path: '/api/retail/prices' });
    const error = await failureOf(client.fetchUnauthenticated(url, { expectJson: true }));
    assert.equal(error.lastError?.kind, 'invalidResponse');
    assert.match(error.message, /not valid JSON/);
    client.dispose();
  });

  it('a throttled document asking for longer than the client may wait: throttled at once, with the wait', async () => {
    const e = ready();
    const url = await blobUrl(e);
    e.faults.add({ kind: 'throttle', retryAfterSeconds: 120, path: '/testblob/' });
    const { client, recorder } = testClient(e, { retry: { maxRetryAfterMs: 10_000 } });
    const error = await failureOf(client.fetchUnauthenticated(url));
    assert.equal(error.kind, 'throttled');
    assert.equal(error.retryAfterMs, 120_000);
    assert.equal(recorder.count, 1);
    client.dispose();
  });

  it('a document larger than allowed: refused, not retried', async () => {
    const e = ready();
    const url = await blobUrl(e);
    const { client, recorder } = testClient(e);
    const error = await failureOf(client.fetchUnauthenticated(url, { maxBytes: 10 }));
    assert.equal(error.kind, 'invalidResponse');
    assert.match(error.message, /larger than/);
    assert.equal(recorder.count, 1);
    client.dispose();
  });
});
