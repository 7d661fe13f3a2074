// Errors are shown to the person and pasted into bug reports, so they hold no more than the log
// may: a network failure of a SAS link must not carry the link's signature in its message, its
// URL, its cause or any stack, however the error is printed.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { ArmClient } from '../../../src/azure/armClient';
import { AzureError } from '../../../src/azure/errors';
import { MemoryLogger } from './clientFixture';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0aWQiOiJ0MSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

/** A port nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Everything an error could show: message, stack, fields, cause chain, last attempt's error. */
function everythingPrinted(error: unknown): string {
  const e = error as AzureError & { cause?: Error };
  return [String(e), e.stack, inspect(e, { depth: 10, showHidden: true }), e.cause?.message, e.cause?.stack, e.lastError && inspect(e.lastError, { depth: 10, showHidden: true }), JSON.stringify(e)].join('\n');
}

describe('errors hold no secret', () => {
  it('a network failure of a SAS link names the host and path, not the signature, anywhere in the error', async () => {
    const port = await closedPort();
    const client = new ArmClient({
      endpoint: `https://127.0.0.1:${port}`,
      scope: 'https://management.azure.com/.default',
      tokenSource: { kind: 'none', getToken: () => Promise.reject(new Error('no token is needed for a SAS link')) },
      logger: new MemoryLogger(),
      retry: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 10 },
    });
    const link = `https://127.0.0.1:${port}/invoices/G123.pdf?sv=2024-08-04&sr=b&sig=Si6N4tUrE%2Bvalue%3D&se=2026-12-01T00%3A00%3A00Z&downloadToken=DRS_tok3n`;
    let error: unknown;
    try {
      await client.fetchUnauthenticated(link);
    } catch (e) {
      error = e;
    } finally {
      client.dispose();
    }
    assert.ok(error instanceof AzureError, `an AzureError, got ${String(error)}`);
    assert.equal(error.kind, 'retriesExhausted');
    assert.equal(error.lastError?.kind, 'network');
    const printed = everythingPrinted(error);
    for (const secret of ['Si6N4tUrE', 'DRS_tok3n', '2026-12-01']) { assert.ok(!printed.includes(secret), `${secret} is in the error:\n${printed}`); }
    const cause = error.lastError?.cause as Error & { code?: string };
    assert.ok(cause instanceof Error, 'the network error is kept as the cause');
    assert.equal(cause.code, 'ECONNREFUSED', 'the cause still says what happened');
    assert.match(cause.message, /request to https:\/\/127\.0\.0\.1:\d+\/invoices\/G123\.pdf\?.*sig=\[redacted\]/);
    assert.match(error.lastError.url ?? '', /\/invoices\/G123\.pdf\?.*sig=\[redacted\]/);
  });

  it('redacts what a call site hands the constructor: message, URL, details and the cause chain', () => {
    const inner = new Error(`{"accessToken":"${JWT}"} refused for jane.doe@contoso.com`);
    const outer = Object.assign(new Error('token request failed', { cause: inner }), { name: 'AuthenticationError', body: 'client_secret=hunter2hunter2' });
    const error = new AzureError({
      kind: 'auth',
      message: `Signing in failed: Authorization: Bearer ${JWT}; see https://acct.blob.core.windows.net/c/b.pdf?sig=abcdef`,
      url: 'https://management.azure.com/x/download?api-version=1&downloadToken=DRS_99',
      details: [{ code: 'X', message: 'retry https://h/p?sig=qwerty' }],
      cause: outer,
    });
    const printed = everythingPrinted(error);
    for (const secret of [JWT, 'abcdef', 'DRS_99', 'qwerty', 'hunter2', 'jane.doe']) { assert.ok(!printed.includes(secret), `${secret} is in the error:\n${printed}`); }
    const cause = error.cause as Error;
    assert.equal(cause.name, 'AuthenticationError', 'the cause keeps its name (failure advice reads it)');
    assert.ok(cause instanceof Error);
    assert.match(error.message, /Bearer \[redacted\]/);
    assert.equal(error.url, 'https://management.azure.com/x/download?api-version=1&downloadToken=[redacted]');
  });

  it('keeps a cause that holds no secret as it is', () => {
    const cause = Object.assign(new Error('Azure CLI could not be found.'), { name: 'CredentialUnavailableError' });
    const error = new AzureError({ kind: 'auth', message: 'Signing in with azureCli failed', cause });
    assert.equal(error.cause, cause);
  });
});
