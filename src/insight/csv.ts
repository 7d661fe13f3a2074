// CSV export of the charted costs: RFC 4180 (comma, CRLF, double quotes doubled), a header row,
// one row per day (per currency), and a totals row per currency equal to the sum of the rows.
// Text cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) get a
// leading apostrophe: group names come from resource names and tags anyone can set.

import { unitsToDecimalString } from './fixedDecimal';
import { GroupedCosts } from './grouping';

export interface CsvHeadings {
  date: string;
  currency: string;
  total: string;
  /** First cell of the totals rows. */
  totalsRow: string;
}

export const ENGLISH_CSV_HEADINGS: CsvHeadings = { date: 'Date', currency: 'Currency', total: 'Total', totalsRow: 'Total' };

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A text cell, made safe for spreadsheets and quoted when it must be. */
export function textCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return quote(safe);
}

/** A number we produced ourselves: never a formula, so a leading minus stays. */
function numberCell(value: string): string {
  return value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function costsToCsv(grouped: GroupedCosts, headings: CsvHeadings = ENGLISH_CSV_HEADINGS): string {
  // One column per group across all currencies, in order of first appearance.
  const columns: Array<{ key: string; label: string }> = [];
  const seen = new Set<string>();
  for (const c of grouped.currencies) {
    for (const g of c.groups) {
      if (!seen.has(g.key)) {
        seen.add(g.key);
        columns.push({ key: g.key, label: g.label });
      }
    }
  }
  const lines: string[] = [
    [headings.date, headings.currency, ...columns.map((c) => c.label), headings.total].map(textCell).join(','),
  ];
  for (const c of grouped.currencies) {
    const money = (units: number) => numberCell(unitsToDecimalString(units, c.fractionDigits));
    const byKey = new Map(c.groups.map((g) => [g.key, g]));
    grouped.buckets.forEach((bucket, i) => {
      const cells = columns.map((col) => {
        const g = byKey.get(col.key);
        return g ? money(g.values[i]) : '';
      });
      lines.push([textCell(bucket), textCell(c.currency), ...cells, money(c.bucketTotals[i])].join(','));
    });
    const totals = columns.map((col) => {
      const g = byKey.get(col.key);
      return g ? money(g.total) : '';
    });
    lines.push([textCell(headings.totalsRow), textCell(c.currency), ...totals, money(c.total)].join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
