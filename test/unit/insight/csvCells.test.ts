// CSV injection: every text cell of every CSV is quoted and defused, in a `,` or a `;` locale,
// while amounts we wrote (credits and refunds are negative) stay numbers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { costsToCsv } from '../../../src/insight/csv';
import { numberCell, textCell } from '../../../src/insight/csvCells';
import type { GroupedCosts } from '../../../src/insight/grouping';
import { CSV_PAYLOADS, looksLikeFormula } from './csvPayloads';
import { readCsv } from './csvReader';

describe('CSV cells', () => {
  for (const { text, readsAs } of CSV_PAYLOADS) {
    it(`text ${JSON.stringify(text)} is one quoted cell that reads back as ${JSON.stringify(readsAs)}`, () => {
      const cell = textCell(text);
      assert.ok(cell.startsWith('"') && cell.endsWith('"'), cell);
      for (const separator of [',', ';']) {
        const rows = readCsv(cell + '\r\n', separator);
        assert.deepEqual(rows, [[{ value: readsAs, quoted: true }]], `separator ${separator}`);
        assert.ok(!looksLikeFormula(rows[0][0].value), `a spreadsheet would run ${JSON.stringify(rows[0][0].value)}`);
      }
    });
  }

  it('gives the exact cells the OWASP advice asks for', () => {
    assert.equal(textCell('=1+1'), `"'=1+1"`);
    assert.equal(textCell('   =HYPERLINK("x")'), `"'   =HYPERLINK(""x"")"`);
    assert.equal(textCell('\r=1'), `"'\r=1"`);
    assert.equal(textCell('x;=HYPERLINK("http://e")'), '"x;=HYPERLINK(""http://e"")"');
    assert.equal(textCell('a"b'), '"a""b"');
    assert.equal(textCell(''), '""');
  });

  it('leaves amounts we wrote as bare numbers, negatives included, and guards anything else', () => {
    for (const n of ['-12.50', '-5', '0', '1234.56', '1e-7', '-1.5E+21']) { assert.equal(numberCell(n), n); }
    assert.equal(numberCell(''), '', 'a missing amount is an empty cell');
    assert.equal(numberCell('-1+2'), `"'-1+2"`);
    assert.equal(numberCell('=1'), `"'=1"`);
    assert.equal(numberCell('12,50'), '"12,50"');
  });
});

describe('usage and cost CSV', () => {
  const grouped: GroupedCosts = {
    granularity: 'day',
    buckets: ['2024-05-01'],
    currencies: [
      {
        currency: 'USD',
        fractionDigits: 2,
        groups: CSV_PAYLOADS.map((p, i) => ({ key: `g${i}`, label: p.text, kind: 'value' as const, values: [i === 0 ? -1250 : 100], total: i === 0 ? -1250 : 100 })),
        bucketTotals: [100 * (CSV_PAYLOADS.length - 1) - 1250],
        cumulative: [100 * (CSV_PAYLOADS.length - 1) - 1250],
        total: 100 * (CSV_PAYLOADS.length - 1) - 1250,
      },
    ],
  };

  it('defuses hostile group names in the header and keeps a credit of -12.50 a number', () => {
    const [header, day, totals] = readCsv(costsToCsv(grouped));
    assert.deepEqual(
      header.slice(2, -1).map((c) => c.value),
      CSV_PAYLOADS.map((p) => p.readsAs),
    );
    assert.ok(header.every((c) => c.quoted), 'every heading is quoted');
    assert.deepEqual(day.slice(0, 2), [
      { value: '2024-05-01', quoted: true },
      { value: 'USD', quoted: true },
    ]);
    assert.deepEqual(day[2], { value: '-12.50', quoted: false });
    assert.deepEqual(totals[2], { value: '-12.50', quoted: false });
    assert.ok(day.slice(2).every((c) => !c.quoted && Number.isFinite(Number(c.value))), 'every amount is a bare number');
  });
});
