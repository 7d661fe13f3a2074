// A chargeback report as the files a finance team attaches or commits: CSV (one row per owner and
// currency, culture-neutral decimals, hostile text defused by csvCells.ts) and Markdown (a table
// per currency, then the reconciliation steps). Headings come from the views, in the person's
// language; the numbers are never localised in files, so a spreadsheet reads them anywhere.

import { csvText, numberCell, textCell } from '../csvCells';
import { currencyFractionDigits } from '../currency';
import { unitsToDecimalString } from '../fixedDecimal';
import type { CurrencyReport } from './allocate';
import type { Reconciliation, ReconciliationStep } from './reconcile';

export interface ReportHeadings {
  owner: string;
  ownerId: string;
  currency: string;
  direct: string;
  shared: string;
  untagged: string;
  total: string;
  share: string;
  totalRow: string;
  /** The reconciliation's heading in the Markdown (none when absent). */
  reconciliation?: string;
  /** Words for each reconciliation step kind, and the two ends. */
  steps: Record<ReconciliationStep['kind'] | 'reportTotal' | 'invoicedTotal', string>;
}

const amount = (units: bigint, currency: string) => unitsToDecimalString(units, currencyFractionDigits(currency));

/** Share of the whole in percent with one decimal; empty when the whole is zero. */
export function sharePercent(part: bigint, whole: bigint): string {
  if (whole === 0n) {return '';}
  // Tenths of a percent, rounded half away from zero, in integers.
  const tenths = (part * 2000n) / whole;
  const rounded = tenths >= 0n ? (tenths + 1n) / 2n : (tenths - 1n) / 2n;
  return unitsToDecimalString(rounded, 1);
}

export function reportCsv(reports: readonly CurrencyReport[], h: ReportHeadings): string {
  const lines: string[][] = [[h.owner, h.ownerId, h.currency, h.direct, h.shared, h.untagged, h.total, h.share].map(textCell)];
  for (const r of reports) {
    for (const o of r.owners) {
      lines.push([
        textCell(o.displayName),
        textCell(o.owner),
        textCell(r.currency),
        ...[o.direct, o.shared, o.untagged, o.total].map((v) => numberCell(amount(v, r.currency))),
        numberCell(sharePercent(o.total, r.total)),
      ]);
    }
    lines.push([textCell(h.totalRow), textCell(''), textCell(r.currency), '', '', '', numberCell(amount(r.total, r.currency)), numberCell(r.total === 0n ? '' : '100.0')]);
  }
  return csvText(lines);
}

/** Markdown table cells: pipes and line breaks would break the table; backslashes escape them. */
function md(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

export function reportMarkdown(
  title: string,
  reports: readonly CurrencyReport[],
  reconciliations: ReadonlyMap<string, Reconciliation>,
  h: ReportHeadings,
  /** Per currency, what the reconciliation concluded (balanced, or how much is unexplained), in words. */
  summaries?: ReadonlyMap<string, string>,
): string {
  const out: string[] = [`# ${md(title)}`, ''];
  for (const r of reports) {
    out.push(`## ${md(r.currency)}`, '');
    out.push(`| ${[h.owner, h.direct, h.shared, h.untagged, h.total, h.share].map(md).join(' | ')} |`);
    out.push('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const o of r.owners) {
      const cells = [md(o.displayName), ...[o.direct, o.shared, o.untagged, o.total].map((v) => amount(v, r.currency)), sharePercent(o.total, r.total)];
      out.push(`| ${cells.join(' | ')} |`);
    }
    out.push(`| **${md(h.totalRow)}** | | | | **${amount(r.total, r.currency)}** | ${r.total === 0n ? '' : '100.0'} |`, '');
    const rec = reconciliations.get(r.currency);
    if (h.reconciliation && (rec || summaries?.has(r.currency))) {out.push(`### ${md(h.reconciliation)}`, '');}
    const summary = summaries?.get(r.currency);
    if (summary) {out.push(md(summary), '');}
    if (rec) {
      out.push(`| ${md(h.steps.reportTotal)} | ${amount(rec.reportTotal, r.currency)} |`, '| --- | ---: |');
      for (const step of rec.steps) {out.push(`| ${md(h.steps[step.kind])} | ${amount(step.amount, r.currency)} |`);}
      out.push(`| **${md(h.steps.invoicedTotal)}** | **${amount(rec.invoicedTotal, r.currency)}** |`, '');
    }
  }
  return out.join('\n');
}
