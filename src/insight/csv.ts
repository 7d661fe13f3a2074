// CSV export of the charted costs: a header row, one row per day (per currency), and a totals row
// per currency equal to the sum of the rows. Cells are made by csvCells (every text cell quoted and
// defused: group names come from resource names and tags anyone can set; amounts stay numbers).

import { csvText, numberCell, textCell } from './csvCells';
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
  const lines: string[][] = [[headings.date, headings.currency, ...columns.map((c) => c.label), headings.total].map(textCell)];
  for (const c of grouped.currencies) {
    const money = (units: number) => numberCell(unitsToDecimalString(units, c.fractionDigits));
    const byKey = new Map(c.groups.map((g) => [g.key, g]));
    grouped.buckets.forEach((bucket, i) => {
      const cells = columns.map((col) => {
        const g = byKey.get(col.key);
        return g ? money(g.values[i]) : '';
      });
      lines.push([textCell(bucket), textCell(c.currency), ...cells, money(c.bucketTotals[i])]);
    });
    const totals = columns.map((col) => {
      const g = byKey.get(col.key);
      return g ? money(g.total) : '';
    });
    lines.push([textCell(headings.totalsRow), textCell(c.currency), ...totals, money(c.total)]);
  }
  return csvText(lines);
}
