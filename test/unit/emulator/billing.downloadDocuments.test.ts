// Several invoice documents as one ZIP on the emulator (2020-05-01: URLs; 2024-04-01:
// {invoiceName, documentName}), read back with this file's own ZIP reader and CRC.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArmPage, armFetch, billingAccountOf, jsonAs, useEmulator } from '../../support/emulator';
import type { ArmError, DownloadLink, Invoice } from '../../support/wireShapes';

const BA = '/providers/Microsoft.Billing/billingAccounts';

/** Bit-by-bit CRC-32 (no table), to check the emulator's table-driven one independently. */
function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) { crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1)); }
  }
  return ~crc >>> 0;
}

/** Entries of a stored-only ZIP, read through its central directory. */
function readZip(zip: Buffer): Array<{ name: string; data: Buffer }> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Array<{ name: string; data: Buffer }> = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central header');
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    assert.equal(zip.readUInt32LE(local), 0x04034b50, 'local header');
    assert.equal(zip.readUInt16LE(local + 8), 0, 'stored');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    assert.equal(crc32(data), crc, `${name}: CRC`);
    entries.push({ name, data });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

describe('emulator: several invoice documents as one ZIP', () => {
  const emu = useEmulator({ settings: { downloadPolls: 1 } });
  const post = (path: string, body: unknown) => armFetch(emu(), path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  async function finish(started: Response): Promise<Buffer> {
    assert.equal(started.status, 202, await started.clone().text());
    const location = started.headers.get('location') ?? '';
    assert.equal((await armFetch(emu(), location)).status, 202);
    const done = await armFetch(emu(), location);
    assert.equal(done.status, 200);
    const blob = await fetch((await jsonAs<DownloadLink>(done)).url);
    assert.equal(blob.headers.get('content-type'), 'application/zip');
    return Buffer.from(await blob.arrayBuffer());
  }
  async function singlePdf(path: string): Promise<Buffer> {
    const started = await armFetch(emu(), path, { method: 'POST' });
    let res = await armFetch(emu(), started.headers.get('location') ?? '');
    while (res.status === 202) { res = await armFetch(emu(), started.headers.get('location') ?? ''); }
    return Buffer.from(await (await fetch((await jsonAs<DownloadLink>(res)).url)).arrayBuffer());
  }
  const mcaAccount = () => billingAccountOf(emu(), 'MicrosoftCustomerAgreement');
  const invoicesAt = async (path: string) => (await jsonAs<ArmPage<Invoice>>(await armFetch(emu(), path))).value;

  it('bundles {invoiceName, documentName} items on 2024-04-01, each entry the same PDF as its single download', async () => {
    const mca = await mcaAccount();
    const invoices = await invoicesAt(`${BA}/${mca.name}/invoices?api-version=2024-04-01`);
    const picked = [invoices[0], invoices[5]].map((i) => ({ invoiceName: i.name, documentName: i.properties.documents[0].name }));
    const started = await post(`${BA}/${mca.name}/downloadDocuments?api-version=2024-04-01`, picked);
    assert.match(started.headers.get('location') ?? '', new RegExp(`/billingAccounts/${mca.name}/operationResults/invoiceDownload_`));
    const entries = readZip(await finish(started));
    assert.deepEqual(entries.map((e) => e.name), picked.map((p) => `${p.documentName}.pdf`));
    for (const [i, p] of picked.entries()) {
      const single = await singlePdf(`${BA}/${mca.name}/invoices/${p.invoiceName}/download?api-version=2024-04-01&documentName=${p.documentName}`);
      assert.ok(entries[i].data.equals(single), p.invoiceName);
    }
  });

  it('takes the documents’ download URLs on 2020-05-01', async () => {
    const mca = await mcaAccount();
    const invoices = await invoicesAt(`${BA}/${mca.name}/invoices?api-version=2020-05-01&periodStartDate=2026-01-01&periodEndDate=2026-03-31`);
    const urls = invoices.slice(0, 3).map((i) => i.properties.documents[0].url);
    const entries = readZip(await finish(await post(`${BA}/${mca.name}/downloadDocuments?api-version=2020-05-01`, urls)));
    assert.equal(entries.length, 3);
    assert.ok(entries.every((e) => e.data.subarray(0, 5).toString() === '%PDF-'));
    assert.ok(entries[0].data.toString('latin1').includes(`(Invoice number: ${invoices[0].name})`));
  });

  it('refuses an empty list, the other version’s item form, unknown invoices and more than 50 documents', async () => {
    const mca = await mcaAccount();
    const inv = (await invoicesAt(`${BA}/${mca.name}/invoices?api-version=2024-04-01`))[0];
    const path = `${BA}/${mca.name}/downloadDocuments`;
    assert.equal((await post(`${path}?api-version=2024-04-01`, [])).status, 400);
    assert.equal((await post(`${path}?api-version=2024-04-01`, [inv.properties.documents[0].url])).status, 400);
    assert.equal((await post(`${path}?api-version=2020-05-01`, [{ invoiceName: inv.name }])).status, 400);
    assert.equal((await post(`${path}?api-version=2024-04-01`, [{ invoiceName: 'G000000000' }])).status, 404);
    const many = Array.from({ length: 51 }, () => ({ invoiceName: inv.name }));
    assert.match((await jsonAs<ArmError>(await post(`${path}?api-version=2024-04-01`, many))).error.message, /At most 50/);
  });

  it('names entries as the server names documents, so hostile names reach the ZIP too', async () => {
    const e = emu();
    const mosp = await billingAccountOf(e, 'MicrosoftOnlineServicesProgram');
    const sub = e.world.subscriptions.find((s) => s.billingAccountName === mosp.name);
    assert.ok(sub);
    e.settings.hostileInvoiceNames = true;
    try {
      const started = await post(`${BA}/default/billingSubscriptions/${sub.subscriptionId}/downloadDocuments?api-version=2024-04-01`, [{ invoiceName: '..\\..\\evil', documentName: '../../etc/x' }]);
      const entries = readZip(await finish(started));
      assert.deepEqual(entries.map((x) => x.name), ['../../etc/x.pdf']);
    } finally {
      e.settings.hostileInvoiceNames = false;
    }
  });
});
