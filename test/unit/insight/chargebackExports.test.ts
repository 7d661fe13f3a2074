// The report's files: the CSV's numbers add up to its total row and are culture-neutral, hostile
// owner names are defused, and the Markdown keeps its tables intact and walks to the invoiced total.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CurrencyReport, OwnerCost } from '../../../src/insight/chargeback/allocate';
import { reconcile } from '../../../src/insight/chargeback/reconcile';
import { reportCsv, reportMarkdown, ReportHeadings } from '../../../src/insight/chargeback/reportExports';

const H: ReportHeadings = {
  owner: 'Owner', ownerId: 'Owner id', currency: 'Currency', direct: 'Direct', shared: 'Shared', untagged: 'Untagged', total: 'Total', share: 'Share (%)', totalRow: 'Total',
  steps: { reportTotal: 'Report total', invoicedTotal: 'Invoiced', chargesOutsideQuery: 'Outside the query', rounding: 'Rounding', creditsApplied: 'Credits applied', tax: 'Tax', creditNotes: 'Credit notes', notInvoiced: 'Not invoiced yet', unexplained: 'Unexplained' },
};

const owner = (id: string, displayName: string, direct: number, shared: number, untagged: number): OwnerCost => ({
  owner: id, displayName, direct: BigInt(direct), shared: BigInt(shared), untagged: BigInt(untagged), total: BigInt(direct + shared + untagged), sources: [],
});

// The allocation of chargebackAllocation.test.ts: 1466 + 3925 + 1410 = 6801 cents.
const REPORT: CurrencyReport = {
  currency: 'USD',
  owners: [owner('Finance', '=HYPERLINK("x")', 800, 499, 167), owner('Engineering', 'Eng | Ops', 3000, 300, 625), owner('Marketing', 'Marketing', 1001, 200, 209)],
  total: 6801n,
  notes: [],
};

test('CSV: culture-neutral decimals, shares to a tenth of a percent, a total row, formulas defused', () => {
  const csv = reportCsv([REPORT], H);
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines[0], '"Owner","Owner id","Currency","Direct","Shared","Untagged","Total","Share (%)"');
  // 1466 / 6801 = 21.56 % → 21.6; 3925 / 6801 = 57.71 % → 57.7; 1410 / 6801 = 20.73 % → 20.7.
  assert.equal(lines[1], `"'=HYPERLINK(""x"")","Finance","USD",8.00,4.99,1.67,14.66,21.6`);
  assert.equal(lines[2], '"Eng | Ops","Engineering","USD",30.00,3.00,6.25,39.25,57.7');
  assert.equal(lines[4], '"Total","","USD",,,,68.01,100.0');
  const owners = lines.slice(1, 4).map((l) => Number(l.split(',').at(-2)));
  assert.equal(owners.reduce((a, b) => a + b, 0).toFixed(2), '68.01');
});

test('Markdown: a table per currency with pipes escaped, then the steps to the invoiced total', () => {
  const rec = reconcile(6801n, [{ name: 'G1', charges: 6801n, tax: 0n, creditsApplied: 1000n, total: 5801n, isCreditNote: false }]);
  const text = reportMarkdown('Contoso EU — November 2026', [REPORT], new Map([['USD', rec]]), H);
  assert.match(text, /^# Contoso EU — November 2026$/m);
  assert.match(text, /^\| Eng \\\| Ops \| 30\.00 \| 3\.00 \| 6\.25 \| 39\.25 \| 57\.7 \|$/m);
  assert.match(text, /^\| \*\*Total\*\* \| \| \| \| \*\*68\.01\*\* \| 100\.0 \|$/m);
  assert.match(text, /^\| Credits applied \| -10\.00 \|$/m);
  assert.match(text, /^\| \*\*Invoiced\*\* \| \*\*58\.01\*\* \|$/m);
});

test('Markdown: the reconciliation gets its heading and the panel\'s conclusion in words, before its steps', () => {
  const rec = reconcile(6801n, [{ name: 'G1', charges: 6806n, tax: 0n, creditsApplied: 0n, total: 6806n, isCreditNote: false }]);
  const text = reportMarkdown('T', [REPORT], new Map([['USD', rec]]), { ...H, reconciliation: 'Reconciliation' }, new Map([['USD', '0.05 | not explained']]));
  const lines = text.split('\n');
  const heading = lines.indexOf('### Reconciliation');
  assert.ok(heading > 0);
  assert.equal(lines[heading + 2], '0.05 \\| not explained');
  assert.match(text, /^\| Unexplained \| 0\.05 \|$/m);
  assert.ok(lines.indexOf('| Unexplained | 0.05 |') > heading);
});
