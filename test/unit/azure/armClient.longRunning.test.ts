// Long-running operations and SAS links: 202 → poll → result, Azure-AsyncOperation, the cap on the
// total wait, a failed poll, and fetching the result's blob link without ever sending a token.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BlobResponse } from '../../../src/azure/transport';
import { failureOf, testClient, useRoutedEmulator } from './clientFixture';
import { PDF_BYTES, registerLroRoutes } from './lroRoutes';
import { TEST_API } from './testRoutes';

const q = { query: { 'api-version': TEST_API } };
type DownloadUrl = { url: string; expiryTime: string };

async function bodyOf(res: BlobResponse): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of res.body as AsyncIterable<Buffer>) { chunks.push(Buffer.from(chunk)); }
  return Buffer.concat(chunks);
}

describe('ArmClient: long-running operations and blob links', () => {
  const ready = useRoutedEmulator(registerLroRoutes);

  it('202 + Location: waits the Retry-After, polls through two more 202s, returns the final {url, expiryTime}', async () => {
    const { client, recorder } = testClient(ready());
    const waits: number[] = [];
    const started = Date.now();
    const result = await client.longRunning<DownloadUrl>('/providers/Test.Client/lro/location/2/1', undefined, { ...q, onPoll: (s) => waits.push(s) });
    assert.match(result.url, /\/testblob\/invoices\/op\d+\.pdf\?.*sig=/);
    assert.ok(Date.parse(result.expiryTime) > Date.now());
    // POST 202, poll 202, poll 202, poll 200.
    assert.deepEqual(recorder.events.map((e) => `${e.method} ${e.status}`), ['POST 202', 'GET 202', 'GET 202', 'GET 200']);
    assert.deepEqual(waits, [1, 0, 0], 'first wait from Retry-After: 1; later ones 0 s (the test floor is 10 ms)');
    assert.ok(Date.now() - started >= 1000);
    client.dispose();
  });

  it('a first answer of 200 is the result: no polling', async () => {
    const { client, recorder } = testClient(ready());
    const result = await client.longRunning<DownloadUrl>('/providers/Test.Client/lro/immediate', undefined, q);
    assert.match(result.url, /cached\.pdf/);
    assert.equal(recorder.count, 1);
    client.dispose();
  });

  it('Azure-AsyncOperation: polls the status document until Succeeded, then reads the result from Location', async () => {
    const { client, recorder } = testClient(ready());
    const result = await client.longRunning<{ properties: { displayName: string } }>('/providers/Test.Client/lro/async/succeed', {}, q);
    assert.equal(result.properties.displayName, 'Renamed account');
    assert.deepEqual(recorder.events.map((e) => new URL(e.url).pathname.split('/')[3]), ['lro', 'asyncStatus', 'asyncStatus', 'asyncResult']);
    client.dispose();
  });

  it('Azure-AsyncOperation that ends Failed: a typed error with the operation\'s own code', async () => {
    const { client } = testClient(ready());
    const error = await failureOf(client.longRunning('/providers/Test.Client/lro/async/fail', {}, q));
    assert.equal(error.kind, 'server');
    assert.equal(error.code, 'BillingAccountLocked');
    assert.match(error.message, /Failed: The account is locked/);
    client.dispose();
  });

  it('a poll answered 404 ends the operation with that error', async () => {
    const { client } = testClient(ready());
    const error = await failureOf(client.longRunning('/providers/Test.Client/lro/lost', undefined, q));
    assert.equal(error.kind, 'notFound');
    assert.equal(error.code, 'OperationNotFound');
    client.dispose();
  });

  it('stops at the cap on the total wait with a timeout error', async () => {
    const { client, recorder } = testClient(ready());
    const started = Date.now();
    const error = await failureOf(client.longRunning('/providers/Test.Client/lro/location/50/1', undefined, { ...q, maxWaitMs: 1500 }));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /did not finish within 2 s/);
    // The operation needs 50 polls a second apart: ending far sooner shows the cap, whatever the machine's load.
    assert.ok(Date.now() - started < 20_000, 'gave up at the cap, not when the operation ended');
    assert.ok(recorder.count >= 2);
    client.dispose();
  });

  it('fetches the result link without an Authorization header, and gets the document', async () => {
    const { client } = testClient(ready());
    const { url } = await client.longRunning<DownloadUrl>('/providers/Test.Client/lro/immediate', undefined, q);
    // A caller that passes one by mistake must not get it sent: the blob host answers 400 to any.
    const res = await client.fetchUnauthenticated(url, { headers: { Authorization: 'Bearer should-not-be-sent' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.contentLength, PDF_BYTES.length);
    assert.deepEqual(await bodyOf(res), PDF_BYTES);
    client.dispose();
  });

  it('hands back a refused link as its status and storage error body, without retrying', async () => {
    const { client, recorder } = testClient(ready());
    const { url } = await client.longRunning<DownloadUrl>('/providers/Test.Client/lro/immediate', undefined, q);
    recorder.clear();
    const tampered = url.replace(/sig=[^&]+/, 'sig=AAAA');
    const res = await client.fetchUnauthenticated(tampered);
    assert.equal(res.status, 403);
    assert.match((await bodyOf(res)).toString(), /<Code>AuthenticationFailed<\/Code>/);
    assert.equal(recorder.count, 1);
    client.dispose();
  });

  it('a blob host answering 503 once: retried, then the document', async () => {
    const e = ready();
    const { client, recorder } = testClient(e);
    const { url } = await client.longRunning<DownloadUrl>('/providers/Test.Client/lro/immediate', undefined, q);
    e.faults.add({ kind: 'error', status: 503, retryAfterSeconds: 0, path: '/testblob/', times: 1 });
    recorder.clear();
    const res = await client.fetchUnauthenticated(url);
    assert.equal(res.status, 200);
    assert.deepEqual(await bodyOf(res), PDF_BYTES);
    assert.deepEqual(recorder.events.map((ev) => ev.status), [503, 200]);
    client.dispose();
  });

  it('a blob host answering 503 every time: after the retries, the typed error with the status, not a status to read', async () => {
    const e = ready();
    const { client, recorder } = testClient(e, { retry: { maxRetries: 2 } });
    const { url } = await client.longRunning<DownloadUrl>('/providers/Test.Client/lro/immediate', undefined, q);
    e.faults.add({ kind: 'error', status: 503, retryAfterSeconds: 0, path: '/testblob/' });
    recorder.clear();
    const error = await failureOf(client.fetchUnauthenticated(url));
    assert.equal(error.kind, 'retriesExhausted');
    assert.equal(error.lastError?.status, 503);
    assert.equal(error.code, 'ServiceUnavailable');
    assert.equal(recorder.count, 3);
    client.dispose();
  });
});
