// Invoice parsing of every documented shape, the version each agreement type is asked on, and the
// download's secrecy, against answers written from docs/azure-apis.md (no network).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { AzureError } from '../../../src/azure/errors';
import { downloadInvoiceDocument, downloadRequestFor, openDocument, requestInvoiceDownload, DownloadLinkExpiredError, NO_DOWNLOAD_LINK } from '../../../src/billing/invoiceDownload';
import { SignedLinkRefusedError } from '../../../src/billing/signedLinks';
import { invoiceWindow, listInvoicesByAccount, listInvoicesBySubscription } from '../../../src/billing/invoices';
import { DateRangeError } from '../../../src/billing/dateRange';
import { parseInvoice } from '../../../src/billing/models/invoice';
import current from './fixtures/invoice-2024-04-01.json';
import older from './fixtures/invoices-2020-05-01.json';
import { FakeTransport, HttpLikeError } from './support/fakeTransport';

const ORIGIN_2024 = { apiVersion: '2024-04-01', scope: 'account' as const };
const ORIGIN_2020 = { apiVersion: '2020-05-01', scope: 'account' as const };

describe('invoices offline', () => {
  it('reads the 2024-04-01 invoice', () => {
    const inv = parseInvoice(current, ORIGIN_2024);
    assert.equal(inv.name, 'G123456789');
    assert.equal(inv.accountName, '00000000-0000-0000-0000-000000000000:11111111-1111-1111-1111-111111111111_2019-05-31');
    assert.equal(inv.profileName, 'xxxx-xxxx-xxx-xxx');
    assert.equal(inv.status, 'Due');
    assert.equal(inv.invoiceDate, '2023-02-01');
    assert.equal(inv.dueDate, '2023-02-16');
    assert.deepEqual([inv.periodStart, inv.periodEnd], ['2023-02-01', '2023-02-15']);
    assert.deepEqual(inv.amountDue, { amount: 8.53, currency: 'USD' });
    assert.deepEqual(inv.azurePrepaymentApplied, { amount: 25.46, currency: 'USD' });
    assert.deepEqual(inv.documents.map((d) => [d.kind, d.name]), [['Invoice', '12345678'], ['TaxReceipt', '22345678']]);
    assert.equal(inv.payments[0].date, '2023-01-14');
    assert.deepEqual(inv.failedPayments, [{ date: '2023-01-10', reason: 'CardExpired' }]);
    assert.equal(inv.refundStatus, 'Pending');
    assert.deepEqual(inv.rebills.map((r) => r.invoiceDocumentId), ['.../invoices/I000002', '.../invoices/I000001']);
    assert.equal(inv.subscriptionId, undefined);
    assert.equal(inv.issues, undefined);
  });

  it('reads the 2020-05-01 quirks: PastDue, AzureService, impossible date, token in the URL, rebillDetail', () => {
    const [inv, sub] = older.value.map((v) => parseInvoice(v, ORIGIN_2020));
    assert.equal(inv.status, 'OverDue');
    assert.equal(inv.invoiceType, 'AzureServices');
    assert.equal(inv.invoiceDate, undefined);
    assert.deepEqual(inv.issues?.map((i) => [i.field, i.raw]), [['invoiceDate', '2018-02-30T17:32:28Z']]);
    assert.equal(inv.dueDate, '2018-03-15', 'the rest of the invoice is still read');
    assert.equal(inv.documents[0].downloadToken, 'DRS_12345');
    assert.equal(inv.documents[1].downloadToken, undefined);
    assert.equal(inv.documents[1].source, 'ENF');
    assert.deepEqual(inv.rebills.map((r) => r.creditNoteDocumentId), ['C2', 'C1']);
    // A subscription invoice under the literal `default` account.
    assert.equal(sub.accountName, undefined);
    assert.equal(sub.subscriptionId, '6b96d3f2-9008-4a9d-912f-f87744185aa3');
    assert.equal(sub.invoiceDate, '2024-05-05');
    assert.deepEqual(sub.billedAmount, { amount: 12.5, currency: 'EUR' });
  });

  it('defaults to the 13 months up to today and checks a given window', () => {
    assert.deepEqual(invoiceWindow({}, new Date('2026-11-15T10:00:00Z')), { from: '2025-10-16', to: '2026-11-15' });
    assert.deepEqual(invoiceWindow({ from: '2026-01-01', to: '2026-03-31' }), { from: '2026-01-01', to: '2026-03-31' });
    assert.throws(() => invoiceWindow({ from: '2026-04-01', to: '2026-03-31' }), DateRangeError);
    assert.throws(() => invoiceWindow({ from: '2026-02-30' }), /not a valid date/);
  });

  it('asks EA on 2019-10-01-preview and others on 2024-04-01, falling back when a version is refused', async () => {
    const refused = new HttpLikeError(400, 'InvalidApiVersionParameter', 'not supported');
    const t = new FakeTransport((call) => {
      if (call.path.endsWith('/8771640/invoices')) return { items: [] };
      if (call.query['api-version'] === '2024-04-01') return { error: refused };
      return { items: older.value };
    });
    const opts = { period: { from: '2026-01-01', to: '2026-10-31' } };
    await listInvoicesByAccount(t, { name: '8771640', agreementType: 'EnterpriseAgreement' }, opts).all();
    const mca = await listInvoicesByAccount(t, { name: 'a:b_2019-05-31', agreementType: 'MicrosoftCustomerAgreement' }, opts).all();
    assert.deepEqual(t.calls.map((c) => [c.path, c.query['api-version'], c.query.periodStartDate, c.query.periodEndDate]), [
      ['/providers/Microsoft.Billing/billingAccounts/8771640/invoices', '2019-10-01-preview', '2026-01-01', '2026-10-31'],
      ['/providers/Microsoft.Billing/billingAccounts/a%3Ab_2019-05-31/invoices', '2024-04-01', '2026-01-01', '2026-10-31'],
      ['/providers/Microsoft.Billing/billingAccounts/a%3Ab_2019-05-31/invoices', '2020-05-01', '2026-01-01', '2026-10-31'],
    ]);
    // Each invoice remembers the version that answered, for its download.
    assert.deepEqual(mca.items.map((i) => i.origin.apiVersion), ['2020-05-01', '2020-05-01']);
    await listInvoicesBySubscription(t, '6b96d3f2-9008-4a9d-912f-f87744185aa3', opts).all();
    assert.equal(t.calls[3].path, '/providers/Microsoft.Billing/billingAccounts/default/billingSubscriptions/6b96d3f2-9008-4a9d-912f-f87744185aa3/invoices');
  });

  it('selects the document per version: documentName, downloadToken, profile path', () => {
    const inv2024 = parseInvoice(current, ORIGIN_2024);
    assert.deepEqual(downloadRequestFor(inv2024), {
      path: `/providers/Microsoft.Billing/billingAccounts/${encodeURIComponent(inv2024.accountName!)}/invoices/G123456789/download`,
      query: { documentName: '12345678' },
      versions: ['2024-04-01'],
    });
    assert.deepEqual(downloadRequestFor(inv2024, '22345678').query, { documentName: '22345678' });
    assert.throws(() => downloadRequestFor(inv2024, 'nope'), /no document named nope/);
    const inv2020 = parseInvoice(older.value[0], ORIGIN_2020);
    assert.deepEqual(downloadRequestFor(inv2020).query, { downloadToken: 'DRS_12345' });
    const sub = parseInvoice(older.value[1], { apiVersion: '2024-04-01', scope: 'subscription' });
    assert.equal(downloadRequestFor(sub).path, '/providers/Microsoft.Billing/billingAccounts/default/billingSubscriptions/6b96d3f2-9008-4a9d-912f-f87744185aa3/invoices/E123456789/download');
    const preview = parseInvoice(current, { apiVersion: '2019-10-01-preview', scope: 'account' });
    assert.match(downloadRequestFor(preview).path, /\/billingProfiles\/xxxx-xxxx-xxx-xxx\/invoices\/G123456789\/download$/);
  });

  it('never prints the download URL, and reads the expiry from the SAS when expiryTime is missing', async () => {
    const secret = 'https://store.example/invoices/G1.pdf?sv=2019-02-02&sr=b&sig=SECRETSIG&se=2026-11-15T12%3A00%3A00Z&sp=r';
    const t = new FakeTransport((call) => (call.method === 'BLOB' ? { status: 403 } : { json: { url: secret } }));
    const link = await requestInvoiceDownload(t, parseInvoice(current, ORIGIN_2024));
    assert.equal(link.expiresAt?.toISOString(), '2026-11-15T12:00:00.000Z');
    assert.equal(link.url.reveal(), secret);
    for (const shown of [String(link.url), JSON.stringify(link), inspect(link, { depth: 5 }), `${link.url}`]) {
      assert.ok(!shown.includes('SECRETSIG'), `leaked in: ${shown}`);
    }
    // Expired before fetching: refused without a request.
    const before = t.calls.length;
    await assert.rejects(openDocument(t, link, { now: () => new Date('2026-11-15T12:00:00Z') }), DownloadLinkExpiredError);
    assert.equal(t.calls.length, before);
    // A 403 for a link still valid by the clock, storage not saying why: refused, not "expired".
    await assert.rejects(openDocument(t, link, { now: () => new Date('2026-11-15T11:00:00Z') }), (e: Error) => {
      assert.ok(e instanceof SignedLinkRefusedError && !(e instanceof DownloadLinkExpiredError) && !e.expired);
      assert.ok(!e.message.includes('SECRETSIG'));
      return true;
    });
  });

  it('reads storage\'s 403 as expired when storage says the signature is outside its time frame', async () => {
    const link = 'https://store.example/invoices/G1.pdf?sv=2019-02-02&sr=b&sig=SECRETSIG&se=2026-11-15T12%3A00%3A00Z&sp=r';
    const storage403 = '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Signature not valid in the specified time frame.</Message></Error>';
    const t = new FakeTransport((call) => (call.method === 'BLOB' ? { status: 403, json: storage403, headers: { 'content-type': 'application/xml' } } : { json: { url: link } }));
    const opened = await requestInvoiceDownload(t, parseInvoice(current, ORIGIN_2024));
    await assert.rejects(openDocument(t, opened, { now: () => new Date('2026-11-15T11:00:00Z') }), (e: Error) => e instanceof DownloadLinkExpiredError && !e.message.includes('SECRETSIG'));
  });

  it('asks for the download once more when the operation finishes without a link; twice is a typed broken answer', async () => {
    const link = 'https://store.example/invoices/G1.pdf?sv=2019-02-02&sr=b&sig=SECRETSIG&se=2099-01-01T00%3A00%3A00Z&sp=r';
    const pdf = '%PDF-1.4 ... %%EOF';
    let operations = 0;
    const onceWithout = new FakeTransport((call) => (call.method === 'BLOB' ? { json: pdf } : { json: ++operations === 1 ? {} : { url: link } }));
    const { response } = await downloadInvoiceDocument(onceWithout, parseInvoice(current, ORIGIN_2024));
    assert.equal(response.status, 200);
    assert.deepEqual(onceWithout.calls.map((c) => c.method), ['POST', 'POST', 'BLOB']);
    const never = new FakeTransport(() => ({ json: {} }));
    await assert.rejects(downloadInvoiceDocument(never, parseInvoice(current, ORIGIN_2024)), (e: Error) => e instanceof AzureError && e.kind === 'invalidResponse' && e.code === NO_DOWNLOAD_LINK);
    assert.equal(never.calls.length, 2);
  });
});
