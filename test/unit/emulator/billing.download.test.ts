// Invoice download on the emulator, end to end: POST → 202 + Location + Retry-After → 202 while
// preparing → 200 {url, expiryTime} → a short-lived blob link that serves a real PDF.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Emulator } from '../../emulator/server';
import { ArmPage, armFetch, billingAccountOf, jsonAs, useEmulator } from '../../support/emulator';
import type { ArmError, DownloadLink, Invoice } from '../../support/wireShapes';

const BA = '/providers/Microsoft.Billing/billingAccounts';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Checks the cross-reference table the way a reader does: every offset lands on its `N 0 obj`. */
function assertValidXref(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(text)?.[1]);
  assert.ok(Number.isInteger(startxref), 'startxref at the end');
  const table = /^xref\n0 (\d+)\n([\s\S]*?)trailer/.exec(text.slice(startxref));
  assert.ok(table, 'an xref table where startxref points');
  const count = Number(table[1]);
  const entries = table[2].match(/\d{10} \d{5} [nf] \n/g) ?? [];
  assert.equal(entries.length, count, 'each entry is exactly 20 bytes');
  entries.slice(1).forEach((entry, i) => {
    const offset = Number(entry.slice(0, 10));
    assert.equal(text.slice(offset, offset + `${i + 1} 0 obj`.length), `${i + 1} 0 obj`, `object ${i + 1}`);
  });
  return count;
}

describe('emulator: invoice download (long-running operation, blob, PDF)', () => {
  const emu = useEmulator({ settings: { downloadPolls: 2, retryAfterSeconds: 3 } });

  const account = (type: string) => billingAccountOf(emu(), type);
  const invoicesAt = async (e: Emulator, path: string) => (await jsonAs<ArmPage<Invoice>>(await armFetch(e, path))).value;

  /** Runs the whole flow and returns the PDF, checking each step on the way. */
  async function download(postPath: string, token?: string): Promise<{ pdf: Buffer; url: string; location: string }> {
    const e = emu();
    const started = await armFetch(e, postPath, { method: 'POST', token });
    assert.equal(started.status, 202, `POST ${postPath}: ${started.status} ${await started.text()}`);
    const location = started.headers.get('location') ?? '';
    assert.ok(location.startsWith(`${e.baseUrl}/providers/Microsoft.Billing/billingAccounts/`), location);
    assert.match(location, /\/operationResults\/invoiceDownload_[0-9a-f-]{36}\?api-version=/);
    assert.equal(started.headers.get('retry-after'), '3');
    for (let i = 0; i < 2; i++) {
      const polled = await armFetch(e, location, { token });
      assert.equal(polled.status, 202, `poll ${i + 1} is still preparing`);
      assert.equal(polled.headers.get('retry-after'), '3');
    }
    const done = await armFetch(e, location, { token });
    assert.equal(done.status, 200);
    const { url, expiryTime } = await jsonAs<DownloadLink>(done);
    assert.equal(new URL(url).searchParams.get('se'), expiryTime);
    const blob = await fetch(url);
    assert.equal(blob.status, 200);
    assert.equal(blob.headers.get('content-type'), 'application/pdf');
    return { pdf: Buffer.from(await blob.arrayBuffer()), url, location };
  }

  it('downloads the newest MCA invoice on 2024-04-01: a valid PDF showing number, period, lines and total', async () => {
    const mca = await account('MicrosoftCustomerAgreement');
    const invoices = await invoicesAt(emu(), `${BA}/${mca.name}/invoices?api-version=2024-04-01`);
    const inv = invoices.filter((i) => i.properties.documentType === 'Invoice').at(-1);
    assert.ok(inv, 'an invoice');
    const { pdf } = await download(`${BA}/${mca.name}/invoices/${inv.name}/download?api-version=2024-04-01&documentName=${inv.properties.documents[0].name}`);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.equal(pdf.toString('latin1').trimEnd().slice(-5), '%%EOF');
    assert.ok(assertValidXref(pdf) >= 8);
    const raw = pdf.toString('latin1');
    assert.ok(raw.includes(`(Invoice number: ${inv.name})`));
    const total = inv.properties.billedAmount.value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    assert.ok(raw.includes(`(USD ${total})`), `subtotal USD ${total} is printed`);
    // Same document, same bytes.
    const again = await download(`${BA}/${mca.name}/invoices/${inv.name}/download?api-version=2024-04-01`);
    assert.ok(again.pdf.equals(pdf));
  });

  it('reads back with pdftotext as a person would see it (poppler-utils, installed by the test scripts)', async () => {
    const mca = await account('MicrosoftCustomerAgreement');
    const inv = (await invoicesAt(emu(), `${BA}/${mca.name}/invoices?api-version=2024-04-01`))[0];
    const { pdf } = await download(`${BA}/${mca.name}/invoices/${inv.name}/download?api-version=2024-04-01`);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emu-pdf-')), 'invoice.pdf');
    fs.writeFileSync(file, pdf);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    assert.match(text, new RegExp(`Invoice number: ${inv.name}`));
    assert.match(text, new RegExp(`Billing period: ${inv.properties.invoicePeriodStartDate.slice(0, 10)} to ${inv.properties.invoicePeriodEndDate.slice(0, 10)}`));
    assert.match(text, /Charges by subscription/);
    assert.match(text, /Amount due\s+EUR|Amount due\s+USD/);
    assert.equal(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).status, 0);
  });

  it('serves a blob that refuses an Authorization header and expires', async () => {
    const e = emu();
    const mca = await account('MicrosoftCustomerAgreement');
    const inv = (await invoicesAt(e, `${BA}/${mca.name}/invoices?api-version=2024-04-01`))[1];
    e.settings.blobUrlLifetimeSeconds = 2;
    try {
      const { url } = await download(`${BA}/${mca.name}/invoices/${inv.name}/download?api-version=2024-04-01`);
      const withBearer = await fetch(url, { headers: { authorization: `Bearer ${e.issueToken()}` } });
      assert.equal(withBearer.status, 400);
      assert.match(await withBearer.text(), /InvalidAuthenticationInfo/);
      await sleep(2100);
      const expired = await fetch(url);
      assert.equal(expired.status, 403);
      assert.match(await expired.text(), /Signature not valid in the specified time frame/);
    } finally {
      e.settings.blobUrlLifetimeSeconds = 300;
    }
  });

  it('takes the downloadToken from the document url on 2020-05-01 and refuses a missing or wrong one', async () => {
    const mca = await account('MicrosoftCustomerAgreement');
    const inv = (await invoicesAt(emu(), `${BA}/${mca.name}/invoices?api-version=2020-05-01&periodStartDate=2026-01-01&periodEndDate=2026-01-31`))[0];
    const docUrl = new URL(inv.properties.documents[0].url);
    assert.equal(docUrl.searchParams.get('api-version'), '2020-05-01');
    const { pdf } = await download(docUrl.pathname + docUrl.search);
    assert.ok(pdf.toString('latin1').includes(`(Invoice number: ${inv.name})`));
    const base = `${BA}/${mca.name}/invoices/${inv.name}/download?api-version=2020-05-01`;
    assert.equal((await armFetch(emu(), base, { method: 'POST' })).status, 400);
    assert.equal((await armFetch(emu(), `${base}&downloadToken=DRS_00000000`, { method: 'POST' })).status, 400);
  });

  it('picks documents by documentName on 2024-04-01 (tax receipt), and 404s an unknown one', async () => {
    const mca = await account('MicrosoftCustomerAgreement');
    const invoices = await invoicesAt(emu(), `${BA}/${mca.name}/invoices?api-version=2024-04-01`);
    const withReceipt = invoices.find((i) => i.properties.documents.some((d) => d.kind === 'TaxReceipt'));
    assert.ok(withReceipt, 'an invoice with a tax receipt');
    const receipt = withReceipt.properties.documents.find((d) => d.kind === 'TaxReceipt');
    const { pdf } = await download(`${BA}/${mca.name}/invoices/${withReceipt.name}/download?api-version=2024-04-01&documentName=${receipt?.name}`);
    assert.ok(pdf.toString('latin1').includes('(Microsoft Azure - Tax receipt)'));
    const unknown = await armFetch(emu(), `${BA}/${mca.name}/invoices/${withReceipt.name}/download?api-version=2024-04-01&documentName=99999999`, { method: 'POST' });
    assert.equal(unknown.status, 404);
  });

  it('downloads on the preview through the billing profile (MCA) and the account (EA), and EA summaries on 2024-04-01', async () => {
    const mca = await account('MicrosoftCustomerAgreement');
    const inv = (await invoicesAt(emu(), `${BA}/${mca.name}/invoices?api-version=2024-04-01`))[0];
    const profile = inv.properties.billingProfileId?.split('/').pop();
    const viaProfile = await download(`${BA}/${mca.name}/billingProfiles/${profile}/invoices/${inv.name}/download?api-version=2019-10-01-preview`);
    assert.match(viaProfile.location, new RegExp(`/billingProfiles/${profile}/operationResults/`));
    const ea = await account('EnterpriseAgreement');
    const eaInv = (await invoicesAt(emu(), `${BA}/${ea.name}/invoices?api-version=2024-04-01`)).at(-1);
    assert.ok(eaInv, 'an EA invoice');
    const viaAccount = await download(`${BA}/${ea.name}/invoices/${eaInv.name}/download?api-version=2019-10-01-preview`);
    assert.ok(viaAccount.pdf.toString('latin1').includes(`(Invoice number: ${eaInv.name})`));
    const summary = await download(`${BA}/${ea.name}/invoices/${eaInv.name}/downloadSummary?api-version=2024-04-01`);
    assert.ok(summary.pdf.toString('latin1').includes('(Microsoft Azure - Invoice summary)'));
    const refused = await armFetch(emu(), `${BA}/${ea.name}/invoices/${eaInv.name}/download?api-version=2020-05-01&downloadToken=x`, { method: 'POST' });
    assert.equal((await jsonAs<ArmError>(refused)).error.message, 'Invalid billing account name.');
  });

  it('downloads a subscription invoice through billingAccounts/default, even with hostile names, and keeps blob names plain', async () => {
    const e = emu();
    const mosp = await account('MicrosoftOnlineServicesProgram');
    const sub = e.world.subscriptions.find((s) => s.billingAccountName === mosp.name);
    assert.ok(sub);
    e.settings.hostileInvoiceNames = true;
    try {
      const invoices = await invoicesAt(e, `${BA}/default/billingSubscriptions/${sub.subscriptionId}/invoices?api-version=2024-04-01`);
      const hostile = invoices.find((i) => i.name === '..\\..\\evil');
      assert.ok(hostile);
      const { pdf, url, location } = await download(`${BA}/default/billingSubscriptions/${sub.subscriptionId}/invoices/${encodeURIComponent(hostile.name)}/download?api-version=2024-04-01&documentName=${encodeURIComponent('../../etc/x')}`);
      assert.match(location, new RegExp(`/billingAccounts/default/billingSubscriptions/${sub.subscriptionId}/operationResults/`));
      assert.ok(!new URL(url).pathname.includes('..'), url);
      assert.ok(pdf.toString('latin1').includes('(Invoice number: ..\\\\..\\\\evil)'));
    } finally {
      e.settings.hostileInvoiceNames = false;
    }
  });

  it("keeps one tenant's operation out of another's reach", async () => {
    const e = emu();
    const mca = await account('MicrosoftCustomerAgreement');
    const inv = (await invoicesAt(e, `${BA}/${mca.name}/invoices?api-version=2024-04-01`))[0];
    const started = await armFetch(e, `${BA}/${mca.name}/invoices/${inv.name}/download?api-version=2024-04-01`, { method: 'POST' });
    const fabrikam = e.world.tenants.find((t) => t.hasBillingRole && t.tenantId !== e.tenantId);
    assert.ok(fabrikam);
    const stranger = await armFetch(e, started.headers.get('location') ?? '', { token: e.issueToken(fabrikam.tenantId) });
    assert.equal(stranger.status, 404);
  });
});
