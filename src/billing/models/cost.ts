// Cost Management query/forecast results (docs/azure-apis.md#cost-management-query): positional
// rows read by column name, never by index (the column order differs between queries and versions).
import { CalendarDate, parseCalendarDate } from './dates';
import { Money } from './money';
import { Open } from './openEnum';
import { ParseIssue, show } from './wire';
import type { QueryPage } from '../../azure/transport';

export interface CostRow {
  /** `UsageDate` (Daily granularity), a calendar date. */
  date?: CalendarDate;
  /** `BillingMonth` (Monthly granularity): the first day of the month. */
  month?: CalendarDate;
  cost: Money;
  /** `UsageQuantity`, when it was asked for. */
  quantity?: number;
  /** Forecast rows: `Actual` or `Forecast`. */
  costStatus?: Open<'Actual' | 'Forecast'>;
  /** Grouping columns by name (`ServiceName`, `ResourceId`, `TagKey`, `TagValue`…). */
  dimensions: Record<string, string | undefined>;
}

export type DailyCostRow = CostRow & { date: CalendarDate };

export const COST_COLUMNS = ['Cost', 'PreTaxCost', 'CostUSD', 'PreTaxCostUSD'] as const;
const DATE_COLUMNS = new Set(['usagedate', 'billingmonth']);
const NOT_DIMENSIONS = new Set(['currency', 'coststatus', 'usagequantity', ...COST_COLUMNS.map((c) => c.toLowerCase()), ...DATE_COLUMNS]);

export interface RowReader {
  read(row: unknown[]): { row: CostRow } | { issues: ParseIssue[] };
}

/**
 * A reader for one page's columns. `metric` is the aggregated source column asked for; the service
 * names the result column after it (not after the alias), but the alias is accepted too.
 */
export function rowReaderFor(columns: QueryPage['columns'], metric: string, alias: string): RowReader {
  const index = new Map(columns.map((c, i) => [c.name.toLowerCase(), i] as const));
  const find = (...names: string[]) => names.map((n) => index.get(n.toLowerCase())).find((i) => i !== undefined);
  const costAt = find(metric, alias, ...COST_COLUMNS);
  const currencyAt = find('Currency');
  const dateAt = find('UsageDate');
  const monthAt = find('BillingMonth');
  const quantityAt = find('UsageQuantity', 'totalQuantity');
  const statusAt = find('CostStatus');
  const costColumnName = costAt === undefined ? undefined : columns[costAt].name;
  const usdOnly = /USD$/i.test(costColumnName ?? metric);
  const dimensionColumns = columns
    .map((c, i) => ({ name: c.name, i }))
    .filter((c) => c.i !== costAt && c.i !== quantityAt && !NOT_DIMENSIONS.has(c.name.toLowerCase()));
  return {
    read(row) {
      const issues: ParseIssue[] = [];
      if (costAt === undefined) { return { issues: [{ field: metric, raw: JSON.stringify(columns.map((c) => c.name)), reason: 'No cost column in the result.' }] }; }
      const amount = typeof row[costAt] === 'number' ? row[costAt] : Number(row[costAt]);
      if (!Number.isFinite(amount)) { issues.push({ field: costColumnName!, raw: String(row[costAt]), reason: 'The cost is not a number.' }); }
      const out: CostRow = {
        cost: { amount, currency: currencyAt !== undefined ? show(row[currencyAt] ?? '') : usdOnly ? 'USD' : '' },
        dimensions: {},
      };
      if (dateAt !== undefined) {
        const d = parseCalendarDate(row[dateAt]);
        if (d.ok) { out.date = d.value; }
        else { issues.push({ field: 'UsageDate', raw: String(row[dateAt]), reason: d.reason }); }
      }
      if (monthAt !== undefined) {
        const d = parseCalendarDate(row[monthAt]);
        if (d.ok) { out.month = d.value; }
        else { issues.push({ field: 'BillingMonth', raw: String(row[monthAt]), reason: d.reason }); }
      }
      if (quantityAt !== undefined && typeof row[quantityAt] === 'number') { out.quantity = row[quantityAt]; }
      if (statusAt !== undefined && typeof row[statusAt] === 'string') { out.costStatus = row[statusAt]; }
      for (const c of dimensionColumns) {
        const v = row[c.i];
        out.dimensions[c.name] = v === null || v === undefined ? undefined : show(v);
      }
      return issues.length ? { issues } : { row: out };
    },
  };
}
