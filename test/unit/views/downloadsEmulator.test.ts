// The invoice download pipeline end to end against the emulator, through the real client and the
// billing module: the saved PDF is byte-identical to the document the emulator renders for that
// invoice; a server-side name that tries to climb out of the folder stays inside it; a connection
// dropped mid-body once is made good by fetching again, one dropped every time and a cancelled download
// leave nothing behind; the short-lived link never reaches the log.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { AzureError } from '../../../src/azure/errors';
import { listBillingAccounts } from '../../../src/billing/accounts';
import { downloadInvoiceDocument } from '../../../src/billing/invoiceDownload';
import { listInvoicesByAccount, listInvoicesByProfile } from '../../../src/billing/invoices';
import type { BillingAccount } from '../../../src/billing/models/account';
import type { Invoice } from '../../../src/billing/models/invoice';
import { InvoiceDownloadError } from '../../../src/views/downloads/downloadErrors';
import { downloadToFolder } from '../../../src/views/downloads/downloadToFolder';
import { invoiceFileName } from '../../../src/views/downloads/invoiceFileName';
import { resolveInvoiceFolder } from '../../../src/views/downloads/invoiceFolder';
import { NodeFolderPort } from '../../../src/views/downloads/nodeFolderPort';
import { renderInvoicePdf } from '../../emulator/pdf/invoicePdf';
import type { Emulator } from '../../emulator/server';
import { FIXED_AS_OF, useEmulator } from '../../support/emulator';
import { TestClient, testClient } from '../azure/clientFixture';

const asOf = new Date(`${FIXED_AS_OF}T12:00:00Z`);

/** The PDF the emulator's world renders for an invoice, computed without the download route. */
function expectedPdf(emu: Emulator, invoiceName: string): Buffer {
  const w = emu.world.billing;
  for (const account of w.accounts) {
    const invoice = w.invoicesOfAccount(account).find((i) => i.name === invoiceName);
    if (!invoice) { continue; }
    const profile = invoice.profileName ? account.profiles.find((p) => p.name === invoice.profileName) : undefined;
    return renderInvoicePdf({ invoice, document: invoice.documents[0], account, profileDisplayName: profile?.displayName });
  }
  throw new Error(`no invoice ${invoiceName} in the world`);
}

describe('invoice downloads against the emulator', () => {
  const emu = useEmulator({ settings: { downloadPolls: 1, retryAfterSeconds: 0, hostileInvoiceNames: true } });
  let tc: TestClient;
  let accounts: BillingAccount[];
  let workspace: string;
  const roots: string[] = [];

  before(async () => {
    tc = testClient(emu());
    accounts = (await listBillingAccounts(tc.client)).accounts;
  });
  after(async () => {
    tc.client.dispose();
    for (const dir of roots) { await fs.rm(dir, { recursive: true, force: true }); }
  });
  beforeEach(async () => {
    emu().faults.clear();
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'invoice-ws-'));
    roots.push(workspace);
  });

  /** The folder the setting's default gives for a profile, inside the temporary workspace. */
  function folderFor(profileName: string, accountName = 'account') {
    const r = resolveInvoiceFolder(undefined, { billingProfileName: profileName, billingAccountName: accountName });
    assert.ok(r.ok);
    const dir = path.join(workspace, ...r.segments);
    return { dir, port: new NodeFolderPort(dir, r.segments.join('/')) };
  }

  const open = (invoice: Invoice) => async (signal?: AbortSignal) => {
    const { response } = await downloadInvoiceDocument(tc.client, invoice, { signal });
    return { body: response.body, contentLength: response.contentLength };
  };

  async function eurInvoice(): Promise<{ invoice: Invoice; profileName: string }> {
    const mca = accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement')!;
    const eur = mca.billingProfiles!.items.find((p) => p.currency === 'EUR')!;
    const invoices = (await listInvoicesByProfile(tc.client, { accountName: mca.name, name: eur.name }, { asOf }).all()).items;
    return { invoice: invoices.find((i) => i.documentType !== 'CreditNote')!, profileName: eur.displayName };
  }

  it('saves an MCA invoice into invoices/<profile>/<id>.pdf, byte-identical to the emulator\'s document', async () => {
    const { invoice, profileName } = await eurInvoice();
    const { dir, port } = folderFor(profileName);
    const result = await downloadToFolder({ open: open(invoice), fileName: invoiceFileName(invoice.name), folder: port });
    assert.equal(result.outcome, 'saved');
    assert.equal(result.fileName, `${invoice.name}.pdf`);
    assert.equal(dir, path.join(workspace, 'invoices', profileName));
    assert.deepEqual(await fs.readFile(path.join(dir, result.fileName)), expectedPdf(emu(), invoice.name));
    assert.deepEqual(await fs.readdir(dir), [result.fileName], 'no temporary file left');
    assert.doesNotMatch(tc.log.text, /sig=[^[]/, 'the short-lived link is not in the log');
  });

  it('keeps the invoice whose server-side name tries to escape inside the folder', async () => {
    const mosp = accounts.find((a) => a.agreementType === 'MicrosoftOnlineServicesProgram')!;
    const invoices = (await listInvoicesByAccount(tc.client, mosp, { asOf }).all()).items;
    const hostile = invoices.find((i) => i.name.includes('..'));
    assert.ok(hostile, 'the emulator presents one invoice with a hostile name');
    const { dir, port } = folderFor(mosp.displayName);
    const fileName = invoiceFileName(hostile.name);
    const result = await downloadToFolder({ open: open(hostile), fileName, folder: port });
    assert.equal(path.dirname(path.resolve(dir, result.fileName)), dir);
    assert.deepEqual(await fs.readdir(workspace), ['invoices']);
    assert.deepEqual(await fs.readdir(path.join(workspace, 'invoices')), [mosp.displayName]);
    assert.deepEqual(await fs.readdir(dir), [result.fileName]);
    assert.equal(result.fileName, 'evil.pdf');
    const bytes = await fs.readFile(path.join(dir, result.fileName));
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it('a connection dropped once in the middle of the PDF: the whole request is made again and the whole PDF saved', async () => {
    const { invoice, profileName } = await eurInvoice();
    const { dir, port } = folderFor(profileName);
    emu().faults.add({ kind: 'dropMidBody', path: '/blob/', times: 1 });
    const result = await downloadToFolder({ open: open(invoice), fileName: invoiceFileName(invoice.name), folder: port });
    assert.equal(result.outcome, 'saved');
    assert.deepEqual(await fs.readFile(path.join(dir, result.fileName)), expectedPdf(emu(), invoice.name));
  });

  it('a connection dropped in the middle of the PDF every time leaves nothing behind and says so', async () => {
    const { invoice, profileName } = await eurInvoice();
    const { dir, port } = folderFor(profileName);
    emu().faults.add({ kind: 'dropMidBody', path: '/blob/' });
    await assert.rejects(
      downloadToFolder({ open: open(invoice), fileName: invoiceFileName(invoice.name), folder: port }),
      (e: unknown) => e instanceof AzureError && e.kind === 'retriesExhausted' && e.lastError?.kind === 'network',
    );
    assert.deepEqual(await fs.readdir(dir).catch(() => []), []);
  });

  it('a download cancelled while Azure prepares the document leaves nothing behind', async () => {
    const { invoice, profileName } = await eurInvoice();
    const { dir, port } = folderFor(profileName);
    emu().faults.add({ kind: 'latency', latencyMs: 400, path: '/operationResults/', times: 1 });
    const controller = new AbortController();
    const pending = downloadToFolder({ open: open(invoice), fileName: invoiceFileName(invoice.name), folder: port, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(pending, (e: unknown) => e instanceof InvoiceDownloadError && e.kind === 'cancelled');
    assert.deepEqual(await fs.readdir(dir).catch(() => []), []);
  });

  it('downloading again finds the same file and changes nothing', async () => {
    const { invoice, profileName } = await eurInvoice();
    const { dir, port } = folderFor(profileName);
    await downloadToFolder({ open: open(invoice), fileName: invoiceFileName(invoice.name), folder: port });
    const again = await downloadToFolder({ open: open(invoice), fileName: invoiceFileName(invoice.name), folder: port });
    assert.equal(again.outcome, 'alreadyThere');
    assert.deepEqual(await fs.readdir(dir), [`${invoice.name}.pdf`]);
  });
});
