// The table behind Show Credit Events / Show Invoices and its CSV: totals per currency that equal
// the rows they sum (checked in integer cents, independently), running balances never summed, and
// CSV that keeps currencies and defuses spreadsheet formulas in text that came from Azure.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Money } from '../../../src/billing/models/money';
import { buildTable } from '../../../src/views/tablePanel/buildTable';
import type { TableColumn } from '../../../src/shared/tablePanelMessages';
import { tableToCsv } from '../../../src/views/tablePanel/tableCsv';
import { CSV_PAYLOADS } from '../insight/csvPayloads';
import { readCsv } from '../insight/csvReader';

interface Row {
  id: string;
  date: string;
  text: string;
  charge?: Money;
  balance?: Money;
}

const columns: TableColumn[] = [
  { id: 'date', label: 'Date', kind: 'date' },
  { id: 'text', label: 'Description', kind: 'text' },
  { id: 'charge', label: 'Charges', kind: 'money', summable: true },
  { id: 'balance', label: 'Balance after', kind: 'money' },
];

function table(items: Row[], language = 'en') {
  return buildTable({
    kind: 'creditEvents',
    title: 'Events',
    language,
    columns,
    items,
    rowId: (r) => r.id,
    cells: (r) => ({
      date: { kind: 'date', value: r.date },
      text: { kind: 'text', value: r.text },
      charge: { kind: 'money', value: r.charge },
      balance: { kind: 'money', value: r.balance },
    }),
    totalLabel: (c) => `Total (${c})`,
    labels: { export: 'Export', rows: `${items.length} rows`, empty: 'none', sortAscending: 'asc', sortDescending: 'desc' },
    exportFileName: 'events.csv',
  });
}

// Amounts whose binary sums drift (0.1 + 0.2), in two currencies.
const rows: Row[] = [
  { id: '1', date: '2026-10-01', text: 'Settled invoice #1', charge: { amount: 0.1, currency: 'USD' }, balance: { amount: 99.9, currency: 'USD' } },
  { id: '2', date: '2026-10-02', text: 'Settled invoice #2', charge: { amount: 0.2, currency: 'USD' }, balance: { amount: 99.7, currency: 'USD' } },
  { id: '3', date: '2026-10-03', text: 'Settled invoice #3', charge: { amount: 1234.56, currency: 'EUR' }, balance: { amount: 10, currency: 'EUR' } },
  { id: '4', date: '2026-10-04', text: 'New credits added' },
];

describe('table totals', () => {
  it('adds up each summable money column per currency, exactly, and never across currencies', () => {
    const doc = table(rows);
    const cents = new Map<string, number>();
    for (const r of rows) { if (r.charge) { cents.set(r.charge.currency, (cents.get(r.charge.currency) ?? 0) + Math.round(r.charge.amount * 100)); } }
    assert.deepEqual(doc.totals.map((t) => t.currency), ['EUR', 'USD']);
    const usd = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(cents.get('USD')! / 100);
    const eur = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(cents.get('EUR')! / 100);
    assert.equal(doc.totals.find((t) => t.currency === 'USD')!.cells.charge, usd);
    assert.equal(usd, '$0.30');
    assert.equal(doc.totals.find((t) => t.currency === 'EUR')!.cells.charge, eur);
    assert.equal(doc.totals[0].label, 'Total (EUR)');
  });

  it('does not total a running balance', () => {
    const doc = table(rows);
    for (const t of doc.totals) { assert.equal(t.cells.balance, undefined); }
  });

  it('formats in the person\'s language but keeps culture-neutral values to sort and export', () => {
    const doc = table(rows, 'ko');
    const cell = doc.rows[2].cells.charge;
    assert.equal(cell.raw, '1234.56');
    assert.equal(cell.sort, 1234.56);
    assert.equal(cell.currency, 'EUR');
    assert.equal(cell.text, new Intl.NumberFormat('ko', { style: 'currency', currency: 'EUR' }).format(1234.56));
    assert.equal(doc.rows[0].cells.date.raw, '2026-10-01');
    assert.equal(doc.rows[0].cells.date.text, new Intl.DateTimeFormat('ko', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2026, 9, 1)));
    assert.equal(doc.rows[3].cells.charge.sort, null, 'an empty cell sorts last');
  });
});

describe('table CSV', () => {
  const words = { currency: 'Currency', columnCurrency: (l: string) => `${l} currency` };

  it('writes raw values with one currency column when every row has a single currency', () => {
    const csv = tableToCsv(table(rows), words);
    const lines = csv.split('\r\n');
    assert.equal(lines[0], '"Date","Description","Charges","Balance after","Currency"');
    assert.equal(lines[1], '"2026-10-01","Settled invoice #1",0.1,99.9,"USD"');
    assert.equal(lines[3], '"2026-10-03","Settled invoice #3",1234.56,10,"EUR"');
    assert.equal(lines[4], '"2026-10-04","New credits added",,,""');
    assert.equal(lines.length, rows.length + 2, 'header, rows, and the final CRLF');
  });

  it('puts a currency beside each amount when a row mixes currencies', () => {
    const mixed: Row[] = [{ id: 'x', date: '2026-10-01', text: 't', charge: { amount: 1, currency: 'USD' }, balance: { amount: 2, currency: 'EUR' } }];
    const lines = tableToCsv(table(mixed), words).split('\r\n');
    assert.equal(lines[0], '"Date","Description","Charges","Charges currency","Balance after","Balance after currency"');
    assert.equal(lines[1], '"2026-10-01","t",1,"USD",2,"EUR"');
  });

  it('defuses formulas and quotes separators in text that came from Azure', () => {
    const hostile: Row[] = [{ id: 'h', date: '2026-10-01', text: '=HYPERLINK("http://x","click"), now', charge: { amount: -5, currency: 'USD' } }];
    const line = tableToCsv(table(hostile), words).split('\r\n')[1];
    assert.equal(line, `"2026-10-01","'=HYPERLINK(""http://x"",""click""), now",-5,,"USD"`);
  });

  it('quotes and defuses every hostile description and keeps a refund of -12.50 a number', () => {
    const hostile: Row[] = CSV_PAYLOADS.map((p, i) => ({ id: String(i), date: '2026-10-01', text: p.text, charge: { amount: -12.5, currency: 'USD' } }));
    const [header, ...read] = readCsv(tableToCsv(table(hostile), words));
    assert.ok(header.every((c) => c.quoted), 'every heading is quoted');
    assert.equal(read.length, CSV_PAYLOADS.length, 'one line per row: no line break inside a cell ends its row');
    read.forEach((cells, i) => {
      assert.equal(cells.length, 5, `row ${i}: no cell split`);
      assert.deepEqual(cells[0], { value: '2026-10-01', quoted: true });
      assert.deepEqual(cells[1], { value: CSV_PAYLOADS[i].readsAs, quoted: true }, `row ${i}`);
      assert.deepEqual(cells[2], { value: '-12.5', quoted: false }, `row ${i}: the amount stays a number`);
      assert.deepEqual(cells[4], { value: 'USD', quoted: true });
    });
  });
});
