import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, before, beforeEach, describe, it } from 'node:test';
import { InvoiceDownloadError } from '../../../src/views/downloads/downloadErrors';
import { downloadToFolder } from '../../../src/views/downloads/downloadToFolder';
import { NodeFolderPort } from '../../../src/views/downloads/nodeFolderPort';
import { checkPdf } from '../../../src/views/downloads/pdfDocument';
import { DocumentBody, readDocumentBody } from '../../../src/views/downloads/readDocumentBody';

function pdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

const bodyOf = (bytes: Buffer): DocumentBody => ({ body: Readable.from([bytes]), contentLength: bytes.length });

async function expectDownloadError(promise: Promise<unknown>, kind: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => e instanceof InvoiceDownloadError && e.kind === kind);
}

describe('PDF check', () => {
  it('accepts a whole PDF and refuses HTML, XML errors and cut-off documents', () => {
    assert.deepEqual(checkPdf(pdf('x')), { ok: true });
    assert.deepEqual(checkPdf(Buffer.from('<html><body>Sign in</body></html>')), { ok: false, reason: 'notPdf' });
    assert.deepEqual(checkPdf(Buffer.from('<?xml version="1.0"?><Error><Code>AuthenticationFailed</Code></Error>')), { ok: false, reason: 'notPdf' });
    const whole = pdf('y'.repeat(4000));
    assert.deepEqual(checkPdf(whole.subarray(0, whole.length / 2)), { ok: false, reason: 'truncated' });
  });
});

describe('download pipeline', () => {
  let root: string;
  let folder: NodeFolderPort;
  let folderPath: string;
  const roots: string[] = [];

  after(async () => {
    for (const dir of roots) { await fs.rm(dir, { recursive: true, force: true }); }
  });

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'invoice-dl-'));
    roots.push(root);
    folderPath = path.join(root, 'invoices', 'Contoso');
    folder = new NodeFolderPort(folderPath, 'invoices/Contoso');
  });

  const filesIn = async (dir: string) => fs.readdir(dir).catch(() => [] as string[]);

  it('saves a document byte for byte and leaves no temporary file', async () => {
    const doc = pdf('first');
    const result = await downloadToFolder({ open: () => Promise.resolve(bodyOf(doc)), fileName: 'G1.pdf', folder });
    assert.deepEqual(result, { outcome: 'saved', fileName: 'G1.pdf', bytes: doc.length });
    assert.deepEqual(await fs.readFile(path.join(folderPath, 'G1.pdf')), doc);
    assert.deepEqual(await filesIn(folderPath), ['G1.pdf']);
  });

  it('does nothing when the same file is already there', async () => {
    const doc = pdf('same');
    await downloadToFolder({ open: () => Promise.resolve(bodyOf(doc)), fileName: 'G1.pdf', folder });
    const stat = await fs.stat(path.join(folderPath, 'G1.pdf'));
    const again = await downloadToFolder({ open: () => Promise.resolve(bodyOf(doc)), fileName: 'G1.pdf', folder });
    assert.equal(again.outcome, 'alreadyThere');
    assert.equal((await fs.stat(path.join(folderPath, 'G1.pdf'))).mtimeMs, stat.mtimeMs);
    assert.deepEqual(await filesIn(folderPath), ['G1.pdf']);
  });

  it('never replaces a different file: the new one goes beside it', async () => {
    await fs.mkdir(folderPath, { recursive: true });
    const mine = Buffer.from('my own notes, not an invoice');
    await fs.writeFile(path.join(folderPath, 'G1.pdf'), mine);
    const doc = pdf('server');
    const result = await downloadToFolder({ open: () => Promise.resolve(bodyOf(doc)), fileName: 'G1.pdf', folder });
    assert.equal(result.outcome, 'savedBeside');
    assert.equal(result.fileName, 'G1 (2).pdf');
    assert.deepEqual(await fs.readFile(path.join(folderPath, 'G1.pdf')), mine);
    assert.deepEqual(await fs.readFile(path.join(folderPath, 'G1 (2).pdf')), doc);
    // A second run finds its own earlier copy instead of making a third.
    const again = await downloadToFolder({ open: () => Promise.resolve(bodyOf(doc)), fileName: 'G1.pdf', folder });
    assert.deepEqual([again.outcome, again.fileName], ['alreadyThere', 'G1 (2).pdf']);
    assert.deepEqual((await filesIn(folderPath)).sort(), ['G1 (2).pdf', 'G1.pdf']);
  });

  it('refuses something that is not a PDF and writes nothing', async () => {
    const html = Buffer.from('<html>expired</html>');
    await expectDownloadError(downloadToFolder({ open: () => Promise.resolve(bodyOf(html)), fileName: 'G1.pdf', folder }), 'notPdf');
    assert.deepEqual(await filesIn(folderPath), []);
  });

  it('a cancelled download leaves nothing behind', async () => {
    const controller = new AbortController();
    const stream = new PassThrough();
    const doc = pdf('z'.repeat(10000));
    const pending = downloadToFolder({
      open: () => Promise.resolve({ body: stream, contentLength: doc.length }),
      fileName: 'G1.pdf',
      folder,
      signal: controller.signal,
    });
    stream.write(doc.subarray(0, 3000));
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await expectDownloadError(pending, 'cancelled');
    assert.ok(stream.destroyed, 'the body stream is released');
    assert.deepEqual(await filesIn(folderPath), []);
  });

  it('cancelled before the body arrives: nothing is written either', async () => {
    const controller = new AbortController();
    const pending = downloadToFolder({
      open: (signal) =>
        new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })))),
      fileName: 'G1.pdf',
      folder,
      signal: controller.signal,
    });
    controller.abort();
    await expectDownloadError(pending, 'cancelled');
    assert.deepEqual(await filesIn(folderPath), []);
  });

  describe('over a real connection', () => {
    let server: http.Server;
    let base: string;
    const doc = pdf('w'.repeat(200_000));

    before(async () => {
      server = http.createServer((req, res) => {
        if (req.url === '/whole') {
          res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': doc.length });
          res.end(doc);
        } else if (req.url === '/drop') {
          res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': doc.length });
          res.write(doc.subarray(0, doc.length / 2), () => setTimeout(() => res.socket?.destroy(), 10));
        } else if (req.url === '/drop-chunked') {
          // No Content-Length: only the missing end-of-file marker can tell.
          res.writeHead(200, { 'content-type': 'application/pdf' });
          res.write(doc.subarray(0, doc.length / 2), () => setTimeout(() => res.end(), 10));
        }
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((r) => server.close(() => r())));

    const open = (route: string) => () =>
      new Promise<DocumentBody>((resolve, reject) => {
        http.get(`${base}${route}`, (res) => {
          const length = res.headers['content-length'];
          resolve({ body: res, contentLength: length === undefined ? undefined : Number(length) });
        }).on('error', reject);
      });

    it('saves what a server sends whole', async () => {
      const result = await downloadToFolder({ open: open('/whole'), fileName: 'G2.pdf', folder });
      assert.equal(result.outcome, 'saved');
      assert.deepEqual(await fs.readFile(path.join(folderPath, 'G2.pdf')), doc);
    });

    it('a connection dropped mid-body leaves nothing behind and says so', async () => {
      await expectDownloadError(downloadToFolder({ open: open('/drop'), fileName: 'G3.pdf', folder }), 'interrupted');
      assert.deepEqual(await filesIn(folderPath), []);
    });

    it('a body cut short without a length is caught by the PDF check', async () => {
      await expectDownloadError(downloadToFolder({ open: open('/drop-chunked'), fileName: 'G4.pdf', folder }), 'interrupted');
      assert.deepEqual(await filesIn(folderPath), []);
    });
  });

  it('refuses a file name that is a path, even if a caller forgot to sanitise', async () => {
    await assert.rejects(downloadToFolder({ open: () => Promise.resolve(bodyOf(pdf('x'))), fileName: '../escape.pdf', folder }));
    assert.deepEqual(await filesIn(root), ['invoices']);
  });
});

describe('download links in messages', () => {
  const link = 'https://acct.blob.core.windows.net/invoices/G1.pdf?sv=2019-02-02&sig=SECRET%2B&se=2026';

  it('strips the SAS link but keeps the host', () => {
    const message = `request to ${link} failed, reason: socket hang up`;
    const error = new InvoiceDownloadError('interrupted', message, message);
    for (const clean of [error.message, error.detail ?? '', String(error.stack)]) {
      assert.doesNotMatch(clean, /SECRET|sig=|se=2026/);
      assert.match(clean, /acct\.blob\.core\.windows\.net/);
      assert.match(clean, /socket hang up/);
    }
  });

  it('a stream that fails naming its URL gives an error without the link', async () => {
    const body = new PassThrough();
    const reading = readDocumentBody({ body });
    body.write(pdf('half'));
    body.destroy(new Error(`Invalid response body while trying to fetch ${link}: Premature close`));
    await assert.rejects(reading, (e: unknown) => {
      assert.ok(e instanceof InvoiceDownloadError && e.kind === 'interrupted');
      assert.doesNotMatch(`${e.message} ${e.detail} ${e.stack}`, /SECRET|sig=/);
      assert.match(e.detail ?? '', /Premature close/);
      return true;
    });
  });
});
