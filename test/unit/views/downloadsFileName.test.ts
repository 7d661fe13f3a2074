import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { invoiceFileName, MAX_NAME_BYTES, numberedVariant, safePathSegment } from '../../../src/views/downloads/invoiceFileName';
import { resolveInvoiceFolder } from '../../../src/views/downloads/invoiceFolder';

/** A name is safe when joining it to a folder lands directly inside that folder, on both path flavours. */
function staysInside(name: string): boolean {
  for (const flavour of [path.posix, path.win32]) {
    const folder = flavour === path.posix ? '/ws/invoices' : 'C:\\ws\\invoices';
    const joined = flavour.resolve(folder, name);
    if (flavour.dirname(joined) !== folder) { return false; }
  }
  return true;
}

describe('invoice file names', () => {
  it('keeps an ordinary invoice id as it is', () => {
    assert.equal(invoiceFileName('G123456789'), 'G123456789.pdf');
    assert.equal(invoiceFileName('E0A1B2C3D4'), 'E0A1B2C3D4.pdf');
  });

  it('uses the last segment of a full ARM id', () => {
    assert.equal(invoiceFileName('/providers/Microsoft.Billing/billingAccounts/1234:5678_2019-05-31/invoices/G000000042'), 'G000000042.pdf');
  });

  const hostile = [
    '../../../../etc/passwd',
    '..\\..\\Windows\\System32\\evil',
    '/etc/cron.d/job',
    'C:\\Users\\Public\\x',
    '\\\\server\\share\\x',
    '..',
    '.',
    '...',
    '',
    'G1\u0000.pdf/../../x',
    'name\r\nwith\tcontrols',
    'fdp.\u202Eexe',
    'CON',
    'con.pdf',
    'LPT1',
    'aux.tar',
    'trailing. . .',
    ' .hidden',
    'x'.repeat(400),
    '가'.repeat(200),
  ];

  for (const raw of hostile) {
    it(`makes ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 20)}…(${raw.length})` : raw)} a single safe segment`, () => {
      const name = invoiceFileName(raw);
      assert.ok(name.endsWith('.pdf'), name);
      assert.ok(staysInside(name), `${name} escapes`);
      assert.doesNotMatch(name, /[/\\:*?"<>|]/);
      // eslint-disable-next-line no-control-regex -- control characters are what this asserts are absent
      assert.doesNotMatch(name, /[\u0000-\u001f\u007f\u202e]/);
      assert.ok(!name.startsWith('.'), name);
      assert.ok(Buffer.byteLength(name) <= MAX_NAME_BYTES, `${Buffer.byteLength(name)} bytes`);
      assert.doesNotMatch(name.split('.')[0], /^(con|prn|aux|nul|com\d|lpt\d)$/i);
    });
  }

  it('names the separators it replaced instead of dropping the tail', () => {
    assert.equal(invoiceFileName('../../etc/passwd'), 'etc_passwd.pdf');
  });

  it('prefixes reserved device names rather than dropping them', () => {
    assert.equal(invoiceFileName('CON'), '_CON.pdf');
    assert.equal(safePathSegment('nul.txt', 'x'), '_nul.txt');
  });

  it('does not double the extension', () => {
    assert.equal(invoiceFileName('G1.pdf'), 'G1.pdf');
  });

  it('numbers a variant before the extension', () => {
    assert.equal(numberedVariant('G1.pdf', 2), 'G1 (2).pdf');
    assert.equal(numberedVariant('README', 3), 'README (3)');
  });
});

describe('invoice folder setting', () => {
  const names = { billingProfileName: 'Contoso Ops', billingAccountName: 'Contoso' };

  it('defaults to invoices/<billing profile name>', () => {
    assert.deepEqual(resolveInvoiceFolder(undefined, names), { ok: true, segments: ['invoices', 'Contoso Ops'] });
    assert.deepEqual(resolveInvoiceFolder('  ', names), { ok: true, segments: ['invoices', 'Contoso Ops'] });
  });

  it('substitutes both placeholders and accepts either separator', () => {
    assert.deepEqual(resolveInvoiceFolder('billing\\${billingAccountName}/${billingProfileName}/pdf', names), {
      ok: true,
      segments: ['billing', 'Contoso', 'Contoso Ops', 'pdf'],
    });
  });

  it('keeps a hostile profile name inside one segment', () => {
    const r = resolveInvoiceFolder(undefined, { billingProfileName: '../../../home/x/.ssh', billingAccountName: 'a' });
    assert.ok(r.ok);
    if (r.ok) {
      assert.equal(r.segments.length, 2);
      assert.ok(staysInside(r.segments[1]));
    }
  });

  it('refuses a setting that leaves the workspace', () => {
    assert.deepEqual(resolveInvoiceFolder('../outside', names), { ok: false, problem: 'parent' });
    assert.deepEqual(resolveInvoiceFolder('invoices/../../x', names), { ok: false, problem: 'parent' });
    assert.deepEqual(resolveInvoiceFolder('/etc/invoices', names), { ok: false, problem: 'absolute' });
    assert.deepEqual(resolveInvoiceFolder('C:\\x', names), { ok: false, problem: 'absolute' });
    assert.deepEqual(resolveInvoiceFolder('~/x', names), { ok: false, problem: 'absolute' });
  });
});
