import assert from 'node:assert/strict';
import { test } from 'node:test';
import { costsToCsv } from '../../../src/insight/csv';
import { textCell } from '../../../src/insight/csvCells';
import { GroupedCosts } from '../../../src/insight/grouping';
import { csvValues } from './csvReader';

const grouped: GroupedCosts = {
  granularity: 'day',
  buckets: ['2024-05-01', '2024-05-02'],
  currencies: [
    {
      currency: 'USD',
      fractionDigits: 2,
      groups: [
        { key: 'a', label: 'web, api', kind: 'value', values: [1050, 25], total: 1075 },
        { key: 'b', label: '=HYPERLINK("http://x")', kind: 'value', values: [-5, 100], total: 95 },
      ],
      bucketTotals: [1045, 125],
      cumulative: [1045, 1170],
      total: 1170,
    },
    {
      currency: 'JPY',
      fractionDigits: 0,
      groups: [{ key: 'a', label: 'web, api', kind: 'value', values: [300, 0], total: 300 }],
      bucketTotals: [300, 0],
      cumulative: [300, 300],
      total: 300,
    },
  ],
};

test('the CSV has a header, a row per day and currency, and totals rows equal to the sums', () => {
  assert.equal(
    costsToCsv(grouped),
    [
      '"Date","Currency","web, api","\'=HYPERLINK(""http://x"")","Total"',
      '"2024-05-01","USD",10.50,-0.05,10.45',
      '"2024-05-02","USD",0.25,1.00,1.25',
      '"Total","USD",10.75,0.95,11.70',
      '"2024-05-01","JPY",300,,300',
      '"2024-05-02","JPY",0,,0',
      '"Total","JPY",300,,300',
      '',
    ].join('\r\n'),
  );
});

test('the totals rows add up from the day rows (checked by parsing the CSV back)', () => {
  const rows = csvValues(costsToCsv(grouped)).slice(1);
  const usd = rows.filter((r) => r[1] === 'USD');
  const dayRows = usd.filter((r) => r[0] !== 'Total');
  const totalRow = usd.find((r) => r[0] === 'Total')!;
  const last = totalRow.length - 1;
  const sumCents = dayRows.reduce((s, r) => s + Math.round(Number(r[last]) * 100), 0);
  assert.equal(sumCents, Math.round(Number(totalRow[last]) * 100));
});

test('cells are quoted per RFC 4180 and formula starts are defused', () => {
  assert.equal(textCell('plain'), '"plain"');
  assert.equal(textCell('say "hi"'), '"say ""hi"""');
  assert.equal(textCell('two\nlines'), '"two\nlines"');
  assert.equal(textCell('+1'), `"'+1"`);
  assert.equal(textCell('-2+3'), `"'-2+3"`);
  assert.equal(textCell('@SUM(A1)'), `"'@SUM(A1)"`);
  assert.equal(textCell('\tcmd'), `"'\tcmd"`);
  assert.equal(textCell('=1,2'), `"'=1,2"`);
});
