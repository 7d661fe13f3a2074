// What a person is told after a failure, decided from the real errors the ARM client and the billing
// modules raise when the emulator refuses, throttles or drops a request.
import { strict as assert } from 'node:assert';
import { beforeEach, describe, it } from 'node:test';
import { AzureError } from '../../../src/azure/errors';
import { listBillingAccounts } from '../../../src/billing/accounts';
import { DocumentUnavailableError, DownloadLinkExpiredError, downloadInvoiceDocument } from '../../../src/billing/invoiceDownload';
import { listInvoicesByAccount } from '../../../src/billing/invoices';
import { listRetailPrices, RetailPricesError } from '../../../src/billing/retailPrices';
import { SignedLinkRefusedError } from '../../../src/billing/signedLinks';
import { adviseOnFailure, roleForScope } from '../../../src/views/commands/failureAdvice';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { failureOf, testClient } from '../azure/clientFixture';

describe('views: failure advice from real client errors', () => {
  const emu = useEmulator();
  beforeEach(() => emu().faults.clear());

  it('names the billing role when the billing accounts list is forbidden', async () => {
    emu().faults.add({ kind: 'forbidden', path: '/billingAccounts' });
    const { client } = testClient(emu());
    const error = await failureOf(listBillingAccounts(client));
    assert.deepEqual(adviseOnFailure(error), { kind: 'missingBillingRole', role: 'Billing account reader' });
  });

  it('asks to sign in again when Azure refuses the token every time', async () => {
    emu().faults.add({ kind: 'expiredToken' });
    const { client } = testClient(emu());
    const error = await failureOf(client.get('/subscriptions', { query: { 'api-version': '2022-12-01' } }));
    assert.equal(adviseOnFailure(error).kind, 'signInAgain');
  });

  it('says how long to wait when throttled beyond what the client waits for', async () => {
    emu().faults.add({ kind: 'throttle', retryAfterSeconds: 90, throttleHeader: 'retry-after' });
    const { client } = testClient(emu(), { retry: { maxRetries: 0 } });
    const error = await failureOf(client.get('/providers/Microsoft.Billing/billingAccounts', { query: { 'api-version': '2020-05-01' } }));
    const advice = adviseOnFailure(error);
    assert.equal(advice.kind, 'throttled');
    assert.equal(advice.kind === 'throttled' && advice.waitSeconds, 90);
  });

  it('tells a dropped connection apart from a service fault', async () => {
    emu().faults.add({ kind: 'drop' });
    const { client } = testClient(emu(), { retry: { maxRetries: 0 } });
    const dropped = await failureOf(client.get('/providers/Microsoft.Billing/billingAccounts', { query: { 'api-version': '2020-05-01' } }));
    assert.equal(adviseOnFailure(dropped).kind, 'network');

    emu().faults.clear();
    emu().faults.add({ kind: 'error', status: 500 });
    const broken = await failureOf(client.get('/providers/Microsoft.Billing/billingAccounts', { query: { 'api-version': '2020-05-01' } }));
    assert.equal(adviseOnFailure(broken).kind, 'serviceUnavailable');
  });

  it('stays silent (cancelled) when the person cancelled the request', async () => {
    emu().faults.add({ kind: 'latency', latencyMs: 2_000 });
    const { client } = testClient(emu());
    const controller = new AbortController();
    const call = client.get('/providers/Microsoft.Billing/billingAccounts', { query: { 'api-version': '2020-05-01' }, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await failureOf(call);
    assert.deepEqual(adviseOnFailure(error), { kind: 'cancelled' });
  });

  it('a download link storage refuses every time is a refusal, not an expiry, asked for afresh once', async () => {
    const { client, recorder } = testClient(emu());
    const mca = (await listBillingAccounts(client)).accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement')!;
    const [invoice] = (await listInvoicesByAccount(client, mca, { asOf: new Date(`${FIXED_AS_OF}T12:00:00Z`), maxItems: 1 }).all()).items;
    emu().settings.downloadPolls = 0;
    emu().faults.add({ kind: 'forbidden', path: '/blob/' });
    recorder.clear();
    try {
      const error = await downloadInvoiceDocument(client, invoice).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof SignedLinkRefusedError && !(error instanceof DownloadLinkExpiredError), String(error));
      assert.deepEqual(adviseOnFailure(error), { kind: 'linkRefused', expired: false });
      assert.equal(recorder.events.filter((e) => e.url.includes('/blob/')).length, 2, 'one fresh link, no more');
    } finally {
      emu().settings.downloadPolls = 2;
    }
    assert.deepEqual(adviseOnFailure(new DownloadLinkExpiredError('G1')), { kind: 'linkRefused', expired: true });
  });

  it('retail prices: a throttled walk that outlasts the retries keeps its wait; a refusal of the public API points at the network', async () => {
    const { client } = testClient(emu(), { retry: { maxRetries: 1 } });
    emu().faults.add({ kind: 'throttle', retryAfterSeconds: 2, path: '/api/retail/prices' });
    const throttled = await listRetailPrices(client, emu().baseUrl).all().then(() => undefined, (e: unknown) => e);
    assert.deepEqual(adviseOnFailure(throttled), { kind: 'throttled', waitSeconds: 2 });
    emu().faults.clear();
    emu().faults.add({ kind: 'forbidden', path: '/api/retail/prices' });
    const refused = await listRetailPrices(client, emu().baseUrl).all().then(() => undefined, (e: unknown) => e);
    assert.ok(refused instanceof RetailPricesError && refused.status === 403);
    assert.deepEqual(adviseOnFailure(refused), { kind: 'network' });
  });

  it('an invoice with no document to download: not found', () => {
    assert.deepEqual(adviseOnFailure(new DocumentUnavailableError('Invoice G1 lists no downloadable document.')), { kind: 'notFound' });
  });
});

describe('views: failure advice from sign-in errors', () => {
  it('treats a credential that is not there as "not signed in", not as a failure', () => {
    const cause = Object.assign(new Error('Azure CLI could not be found.'), { name: 'CredentialUnavailableError' });
    const wrapped = new AzureError({ kind: 'auth', message: 'Signing in with azureCli failed', cause });
    assert.equal(adviseOnFailure(wrapped).kind, 'credentialsUnavailable');
    assert.equal(adviseOnFailure(cause).kind, 'credentialsUnavailable');
  });

  it('keeps the message of an error it has no advice for', () => {
    assert.deepEqual(adviseOnFailure(new Error('disk full')), { kind: 'unexpected', detail: 'disk full' });
  });

  it('shows the message of a library error without the download link or token it quotes', () => {
    const raw = new TypeError('Invalid response body while trying to fetch https://acct.blob.core.windows.net/c/G1.pdf?sv=1&sig=S1gnature: {"accessToken":"tok-123456"}');
    assert.deepEqual(adviseOnFailure(raw), { kind: 'unexpected', detail: 'Invalid response body while trying to fetch https://acct.blob.core.windows.net/c/G1.pdf?[redacted]: {"accessToken":"[redacted]"}' });
    assert.doesNotMatch(JSON.stringify(adviseOnFailure('downloadToken=DRS_1 failed')), /DRS_1/);
  });

  it('uses the last attempt of an exhausted retry to decide', () => {
    const last = new AzureError({ kind: 'throttled', message: '429', retryAfterMs: 4_200 });
    const error = new AzureError({ kind: 'retriesExhausted', message: 'gave up', lastError: last });
    assert.deepEqual(adviseOnFailure(error), { kind: 'throttled', waitSeconds: 5 });
  });
});

describe('views: the role a scope needs', () => {
  const arm = 'https://management.azure.com';
  it('asks for the narrowest billing role of the scope', () => {
    assert.deepEqual(roleForScope(`${arm}/providers/Microsoft.Billing/billingAccounts/a:b_2019-05-31`), { role: 'Billing account reader', billing: true });
    assert.deepEqual(roleForScope(`${arm}/providers/Microsoft.Billing/billingAccounts/a/billingProfiles/P1/invoices`), { role: 'Billing profile reader', billing: true });
    assert.deepEqual(roleForScope(`${arm}/providers/Microsoft.Billing/billingAccounts/a/billingProfiles/P1/invoiceSections/S1`), { role: 'Invoice section reader', billing: true });
  });

  it('asks for an Azure role on cost data of a subscription', () => {
    assert.deepEqual(roleForScope(`${arm}/subscriptions/0000/providers/Microsoft.Consumption/usageDetails`), { role: 'Cost Management Reader', billing: false });
    assert.deepEqual(roleForScope(`${arm}/subscriptions/0000/providers/Microsoft.Commerce/UsageAggregates`), { role: 'Reader', billing: false });
  });

});
