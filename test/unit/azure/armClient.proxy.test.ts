// The client through a real HTTP CONNECT proxy (test/support/testProxy.ts) in front of the
// emulator: the billing tree and an invoice download travel through tunnels to both of the
// emulator's origins and give the same answers as a direct connection; a proxy that wants
// credentials gets the ones in the proxy URL; a wrong password, a proxy that is not there and a
// server certificate nobody trusts end in typed errors that name the proxy and never its password;
// `noProxy` entries go direct; `strictSSL: false` is what lets an untrusted certificate through.
import * as assert from 'node:assert/strict';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ArmClient } from '../../../src/azure/armClient';
import { AzureError } from '../../../src/azure/errors';
import { identityProxyOptions, servicePrincipalTokenSource } from '../../../src/azure/identitySources';
import type { ProxyOptions } from '../../../src/azure/proxy';
import { listBillingAccounts } from '../../../src/billing/accounts';
import { downloadInvoiceDocument } from '../../../src/billing/invoiceDownload';
import { listInvoicesByProfile } from '../../../src/billing/invoices';
import type { Invoice } from '../../../src/billing/models/invoice';
import { adviseOnFailure } from '../../../src/views/commands/failureAdvice';
import { ensureCa, issueServerCertificate } from '../../emulator/tls';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { testCaDir } from '../../support/paths';
import { startTestProxy, TestProxy } from '../../support/testProxy';
import { testClient, TestClient } from './clientFixture';

const asOf = new Date(`${FIXED_AS_OF}T12:00:00Z`);

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {chunks.push(Buffer.from(chunk as Buffer));}
  return Buffer.concat(chunks);
}

/** An HTTPS server answering `ok` and keeping each request's headers, with a certificate of `ca`. */
async function startHttpsServer(ca: ReturnType<typeof ensureCa>): Promise<{ url: string; headers: Array<Record<string, string | string[] | undefined>>; close(): Promise<void> }> {
  const { certPem, keyPem } = issueServerCertificate(ca);
  const headers: Array<Record<string, string | string[] | undefined>> = [];
  const server = https.createServer({ cert: certPem, key: keyPem }, (req, res) => {
    headers.push(req.headers);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://localhost:${(server.address() as AddressInfo).port}/thing`,
    headers,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('ArmClient through an HTTP CONNECT proxy', () => {
  const emu = useEmulator({ settings: { downloadPolls: 1, retryAfterSeconds: 0 } });
  let proxy: TestProxy;
  const clients: TestClient[] = [];

  const client = (options: ProxyOptions | undefined, retries = 3): TestClient => {
    const made = testClient(emu(), { proxy: options, retry: { maxRetries: retries } });
    clients.push(made);
    return made;
  };
  const withCredentials = (user: string, password: string) => {
    const url = new URL(proxy.url);
    url.username = user;
    url.password = password;
    return url.toString();
  };

  async function firstInvoice(c: ArmClient): Promise<Invoice> {
    const mca = (await listBillingAccounts(c)).accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement')!;
    const usd = mca.billingProfiles!.items.find((p) => p.currency === 'USD')!;
    const invoices = (await listInvoicesByProfile(c, { accountName: mca.name, name: usd.name }, { asOf }).all()).items;
    return invoices.find((i) => i.documentType !== 'CreditNote')!;
  }

  before(async () => {
    proxy = await startTestProxy();
  });
  beforeEach(() => {
    proxy.requireCredentials(undefined);
    proxy.connects.length = 0;
    proxy.refused.length = 0;
  });
  after(async () => {
    for (const c of clients) {c.client.dispose();}
    await proxy.close();
  });

  it('lists the billing accounts and downloads an invoice through tunnels to the ARM and blob origins, with the answers of a direct connection', async () => {
    const direct = client(undefined);
    const viaProxy = client({ url: proxy.url });
    const expectedAccounts = (await listBillingAccounts(direct.client)).accounts.map((a) => a.name).sort();
    const invoice = await firstInvoice(direct.client);
    const expectedPdf = await readAll((await downloadInvoiceDocument(direct.client, invoice)).response.body);
    assert.equal(proxy.connects.length, 0, 'the direct client used the proxy');

    const accounts = (await listBillingAccounts(viaProxy.client)).accounts.map((a) => a.name).sort();
    assert.deepEqual(accounts, expectedAccounts);
    const pdf = await readAll((await downloadInvoiceDocument(viaProxy.client, invoice)).response.body);
    assert.ok(pdf.equals(expectedPdf), 'the document that came through the proxy differs');
    assert.ok(pdf.subarray(0, 5).toString() === '%PDF-');

    assert.ok(proxy.connectsTo(emu().baseUrl) >= 1, `no tunnel to ARM: ${proxy.connects.join(', ')}`);
    assert.ok(proxy.connectsTo(emu().blobBaseUrl) >= 1, `no tunnel to the blob origin: ${proxy.connects.join(', ')}`);
    const origins = proxy.connects.filter((c) => c !== new URL(emu().baseUrl).host && c !== new URL(emu().blobBaseUrl).host);
    assert.deepEqual(origins, [], 'tunnels to anything but the emulator');
    // Keep-alive: far fewer tunnels than requests.
    assert.ok(proxy.connects.length < viaProxy.recorder.count, `${proxy.connects.length} tunnels for ${viaProxy.recorder.count} requests`);
    assert.match(viaProxy.log.text, new RegExp(`via ${proxy.url.replace(/[.:/]/g, '\\$&')}`));
  });

  it('sends the credentials of the proxy URL to a proxy that asks for them, and keeps them out of the log', async () => {
    proxy.requireCredentials('alice', 'S3cret pa55');
    const c = client({ url: withCredentials('alice', 'S3cret pa55') });
    const { accounts } = await listBillingAccounts(c.client);
    assert.ok(accounts.length > 0);
    assert.deepEqual(proxy.refused, []);
    assert.ok(proxy.connects.length >= 1);
    assert.doesNotMatch(c.log.text, /S3cret|pa55|alice:/);
  });

  it('a wrong proxy password: one 407, not retried, a network error naming the proxy and the 407 but not the password', async () => {
    proxy.requireCredentials('alice', 'right-password');
    const c = client({ url: withCredentials('alice', 'wrong-password') });
    const error = await listBillingAccounts(c.client).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof AzureError, `not typed: ${String(error)}`);
    assert.equal(error.kind, 'network');
    assert.equal(error.status, 407);
    assert.match(error.message, new RegExp(`the proxy ${proxy.url.replace(/[.:/]/g, '\\$&')}/? refused to connect to Azure`));
    assert.match(error.message, /407 Proxy Authentication Required/);
    assert.equal(proxy.refused.length, 1, 'a refusal for credentials was retried');
    for (const text of [error.message, (error.cause instanceof Error ? error.cause.message : JSON.stringify(error.cause ?? '')), c.log.text]) {assert.doesNotMatch(text, /wrong-password/);}
    assert.equal(adviseOnFailure(error).kind, 'network');
  });

  it('a proxy that is not there: retried, then a network error that names the proxy', async () => {
    const gone = await startTestProxy();
    const goneUrl = gone.url;
    await gone.close();
    const c = client({ url: goneUrl }, 1);
    const error = await listBillingAccounts(c.client).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof AzureError, `not typed: ${String(error)}`);
    assert.equal(error.kind, 'retriesExhausted');
    assert.equal(error.attempts, 2);
    assert.equal(error.lastError?.kind, 'network');
    assert.match(error.message, new RegExp(`through the proxy ${goneUrl.replace(/[.:/]/g, '\\$&')}/?:`));
    assert.equal(adviseOnFailure(error).kind, 'network');
  });

  it('noProxy: hosts named go direct; an entry with another port does not match', async () => {
    const bypass = client({ url: proxy.url, noProxy: ['127.0.0.1', '.localhost'] });
    await listBillingAccounts(bypass.client);
    assert.equal(proxy.connects.length, 0);

    const otherPort = client({ url: proxy.url, noProxy: ['127.0.0.1:1'] });
    await listBillingAccounts(otherPort.client);
    assert.ok(proxy.connectsTo(emu().baseUrl) >= 1);
  });

  it('strictSSL: a certificate nobody trusts fails through the proxy, and passes only with strictSSL false', async () => {
    const untrusted = await startHttpsServer(ensureCa());
    try {
      const strict = client({ url: proxy.url }, 0);
      const error = await strict.client.fetchUnauthenticated(untrusted.url).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof AzureError, `not typed: ${String(error)}`);
      assert.equal(error.lastError?.kind ?? error.kind, 'network');
      assert.match(error.message, /certificate/i);
      assert.equal(untrusted.headers.length, 0, 'the request reached a server whose certificate was not trusted');

      const lenient = client({ url: proxy.url, strictSSL: false }, 0);
      const answer = await lenient.client.fetchUnauthenticated(untrusted.url);
      assert.equal(answer.status, 200);
      assert.equal((await readAll(answer.body)).toString(), 'ok');
      assert.equal(proxy.connects.length, 2);
    } finally {
      await untrusted.close();
    }
  });

  it('the service principal signs in through the proxy too, with its credentials; an authority in noProxy goes direct', async () => {
    proxy.requireCredentials('bob', 'tunnel-pw');
    const viaProxy = { url: withCredentials('bob', 'tunnel-pw') };
    const e = emu();
    const principal = { tenantId: e.tenantId, clientId: e.clientId, clientSecret: e.clientSecret, authorityHost: e.baseUrl };
    const token = await servicePrincipalTokenSource(principal, undefined, viaProxy).getToken(`${e.baseUrl}/.default`);
    assert.ok(token.token.length > 0);
    assert.ok(proxy.connectsTo(e.baseUrl) >= 1, 'the token request did not go through the proxy');
    assert.deepEqual(proxy.refused, []);

    proxy.connects.length = 0;
    await servicePrincipalTokenSource(principal, undefined, { ...viaProxy, noProxy: ['127.0.0.1'] }).getToken(`${e.baseUrl}/.default`);
    assert.equal(proxy.connects.length, 0);
    const refused = await servicePrincipalTokenSource(principal, undefined, { url: withCredentials('bob', 'not-the-pw') }).getToken(`${e.baseUrl}/.default`).then(() => undefined, (x: unknown) => x);
    assert.ok(refused instanceof AzureError, `not typed: ${String(refused)}`);
    assert.equal(refused.kind, 'network');
    assert.match(refused.message, new RegExp(`could not be reached through the proxy ${proxy.url.replace(/[.:/]/g, '\\$&')}`));
    assert.doesNotMatch(refused.message, /not-the-pw/);
    assert.equal(adviseOnFailure(refused).kind, 'network');
    assert.deepEqual(identityProxyOptions('https://login.microsoftonline.com', { url: 'http://u%40corp:p%3Aw@proxy.corp:3128' }), { host: 'http://proxy.corp', port: 3128, username: 'u@corp', password: 'p:w' });
  });

  it('sends the user agent it is given ahead of the pipeline\'s own, and a client request id', async () => {
    const server = await startHttpsServer(ensureCa(testCaDir));
    try {
      const c = testClient(emu(), { userAgent: 'azure-billing-insight/9.8.7 VSCode/1.234.5' });
      clients.push(c);
      await c.client.fetchUnauthenticated(server.url);
      const sent = server.headers[0];
      assert.match(String(sent['user-agent']), /^azure-billing-insight\/9\.8\.7 VSCode\/1\.234\.5 /);
      assert.match(String(sent['x-ms-client-request-id']), /^[0-9a-f-]{36}$/);
      assert.equal(sent.authorization, undefined);
    } finally {
      await server.close();
    }
  });
});
