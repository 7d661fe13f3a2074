// Turns typed values into a TableDocument: formats each cell in the person's language, keeps a
// culture-neutral copy for CSV and a sort key, and adds up every summable money column per
// currency (exactly, through MoneyTotals), so the totals line equals the rows it sums.
import type { CalendarDate } from '../../billing/models/dates';
import type { Money } from '../../billing/models/money';
import { MoneyTotals } from '../../insight/moneyTotals';
import { formatCalendarDate, formatMoney, safeLocale } from '../format/displayFormat';
import type { TableCell, TableColumn, TableDocument, TableKind, TableLabels, TableRow, TableTotalsRow } from '../../shared/tablePanelMessages';

export type CellValue =
  | { kind: 'text'; value: string | undefined }
  | { kind: 'date'; value: CalendarDate | string | undefined }
  | { kind: 'money'; value: Money | undefined }
  | { kind: 'number'; value: number | undefined };

export interface TableSpec<T> {
  kind: TableKind;
  title: string;
  subtitle?: string;
  language: string;
  columns: TableColumn[];
  items: readonly T[];
  rowId(item: T, index: number): string;
  cells(item: T): Record<string, CellValue>;
  /** "Total ({0})" already translated; {0} is the currency code. */
  totalLabel(currency: string): string;
  labels: TableLabels;
  exportFileName: string;
}

export function buildTable<T>(spec: TableSpec<T>): TableDocument {
  const locale = safeLocale(spec.language);
  const rows: TableRow[] = spec.items.map((item, index) => {
    const values = spec.cells(item);
    const cells: Record<string, TableCell> = {};
    for (const column of spec.columns) cells[column.id] = toCell(values[column.id], locale);
    return { id: spec.rowId(item, index), cells };
  });
  return {
    kind: spec.kind,
    title: spec.title,
    subtitle: spec.subtitle,
    language: locale,
    columns: spec.columns,
    rows,
    totals: totalsPerCurrency(spec, locale),
    labels: spec.labels,
    exportFileName: spec.exportFileName,
  };
}

function toCell(value: CellValue | undefined, locale: string): TableCell {
  if (!value || value.value === undefined || value.value === '') return { text: '', sort: null, raw: '' };
  switch (value.kind) {
    case 'text':
      return { text: value.value, sort: value.value.toLocaleLowerCase(locale), raw: value.value };
    case 'date':
      // ISO dates sort correctly as strings.
      return { text: formatCalendarDate(value.value, locale), sort: value.value, raw: value.value };
    case 'number':
      return { text: new Intl.NumberFormat(locale).format(value.value), sort: value.value, raw: String(value.value) };
    case 'money':
      return { text: formatMoney(value.value, locale), sort: value.value.amount, raw: String(value.value.amount), currency: value.value.currency.toUpperCase() };
  }
}

function totalsPerCurrency<T>(spec: TableSpec<T>, locale: string): TableTotalsRow[] {
  const summable = spec.columns.filter((c) => c.kind === 'money' && c.summable);
  if (summable.length === 0) return [];
  const perColumn = new Map<string, MoneyTotals>(summable.map((c) => [c.id, new MoneyTotals()]));
  const currencies = new Set<string>();
  for (const item of spec.items) {
    const values = spec.cells(item);
    for (const column of summable) {
      const value = values[column.id];
      if (value?.kind === 'money' && value.value) {
        perColumn.get(column.id)!.add(value.value);
        currencies.add(value.value.currency.toUpperCase());
      }
    }
  }
  return [...currencies].sort().map((currency) => {
    const cells: Record<string, string> = {};
    for (const column of summable) {
      const total = perColumn.get(column.id)!.get(currency);
      cells[column.id] = total ? formatMoney(total, locale) : '';
    }
    return { currency, label: spec.totalLabel(currency), cells };
  });
}
