// The what-if report as CSV and as Markdown: one row per meter with quantity, unit and, under each
// alternative, price and cost; then a totals row that is the sum of the rows above (the same
// minor units the panel shows), the credit and the total after credit. Headings come localised.
import { csvText, numberCell, textCell } from '../csvCells';
import { unitsToDecimalString } from '../fixedDecimal';
import type { UnpricedReason } from './priceAlternatives';
import type { WhatIfReport } from './whatIfReport';

export interface ExportHeadings {
  meter: string;
  category: string;
  region: string;
  quantity: string;
  unit: string;
  price(alternative: string): string;
  cost(alternative: string): string;
  total: string;
  credit: string;
  totalAfterCredit: string;
  reason(reason: UnpricedReason): string;
  listPriceNote: string;
}

/** Rows of text: a heading row, one per meter, then gross, credit and total rows. */
export function reportRows(report: WhatIfReport, h: ExportHeadings): { head: string[]; body: string[][]; foot: string[][] } {
  const money = (minor: number) => unitsToDecimalString(minor, report.fractionDigits);
  const head = [h.meter, h.category, h.region, h.quantity, h.unit, ...report.alternatives.flatMap((a) => [h.price(a.label), h.cost(a.label)])];
  const body = report.meters.map((m) => [
    m.name, m.category, m.region, String(m.quantity), m.unit,
    ...m.cells.flatMap((c) => ('costMinor' in c ? [`${c.unitPrice} / ${c.priceUnit}`, money(c.costMinor)] : [h.reason(c.reason), ''])),
  ]);
  const blank = ['', '', '', ''];
  const foot = [
    [h.total, ...blank, ...report.alternatives.flatMap((a) => ['', money(a.grossMinor)])],
    [h.credit, ...blank, ...report.alternatives.flatMap((a) => ['', a.creditMinor ? money(-a.creditMinor) : ''])],
    [h.totalAfterCredit, ...blank, ...report.alternatives.flatMap((a) => ['', money(a.totalMinor)])],
  ];
  return { head, body, foot };
}

const MONEY_COLUMN = (index: number) => index >= 5 && (index - 5) % 2 === 1;

export function reportCsv(report: WhatIfReport, h: ExportHeadings): string {
  const { head, body, foot } = reportRows(report, h);
  const cell = (value: string, index: number) => (index === 3 || MONEY_COLUMN(index) ? numberCell(value) : textCell(value));
  return csvText([head.map(textCell), ...[...body, ...foot].map((row) => row.map(cell))]);
}

export function reportMarkdown(report: WhatIfReport, h: ExportHeadings, title: string): string {
  const { head, body, foot } = reportRows(report, h);
  const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const line = (cells: string[]) => `| ${cells.map(escape).join(' | ')} |`;
  const align = head.map((_, i) => (i === 3 || MONEY_COLUMN(i) ? '---:' : '---'));
  return [`# ${escape(title)}`, '', `${report.period.from} – ${report.period.to}, ${report.currency}. ${h.listPriceNote}`, '', line(head), `| ${align.join(' | ')} |`, ...[...body, ...foot].map(line), ''].join('\n');
}
