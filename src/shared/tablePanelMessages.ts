// The messages between the extension host and the table webview, and the table they carry as
// plain data: the host builds it (formatting with the editor's language), the webview only lays
// it out and sorts it. The webview bundle imports this file from src/, so it holds types and
// nothing that runs.

export type ColumnKind = 'text' | 'date' | 'money' | 'number';

export interface TableColumn {
  id: string;
  label: string;
  kind: ColumnKind;
  /** Money columns whose rows add up (a running balance does not): these get per-currency totals. */
  summable?: boolean;
}

export interface TableCell {
  /** What the person sees, already formatted. */
  text: string;
  /** What the column sorts by; null sorts last in either direction. */
  sort: string | number | null;
  /** The value written to CSV: unformatted and culture-neutral (ISO dates, plain decimals). */
  raw: string;
  /** For money cells: the currency, so totals and CSV never mix currencies. */
  currency?: string;
}

export interface TableRow {
  id: string;
  cells: Record<string, TableCell>;
}

/** One line of totals per currency: the summable columns' sums, formatted. */
export interface TableTotalsRow {
  currency: string;
  label: string;
  cells: Record<string, string>;
}

export type TableKind = 'creditEvents' | 'invoices' | 'creditLots';

export interface TableLabels {
  export: string;
  rows: string;
  empty: string;
  sortAscending: string;
  sortDescending: string;
}

export interface TableDocument {
  kind: TableKind;
  title: string;
  subtitle?: string;
  /** BCP 47 tag the host formatted with; the webview sets it as the document language. */
  language: string;
  columns: TableColumn[];
  rows: TableRow[];
  totals: TableTotalsRow[];
  labels: TableLabels;
  /** A file name (without folder) the export offers. */
  exportFileName: string;
  /** Names the export folder is made from (the same folder as the invoices of that profile). */
  exportFolder?: { billingProfileName: string; billingAccountName: string };
}

export type HostToWebviewMessage = { type: 'show'; document: TableDocument };

export type WebviewToHostMessage = { type: 'ready' } | { type: 'export' };

/** What the webview keeps with setState so a restored panel shows the same table, sorted the same way. */
export interface TableWebviewState {
  document?: TableDocument;
  sort?: { columnId: string; descending: boolean };
}
