// The tables a person opens from the billing tree: credit events, invoices and credit lots, with
// their column names in the person's language. Money columns that add up get totals per currency.
import * as vscode from 'vscode';
import type { CreditEvent, CreditLot } from '../../billing/models/credit';
import { utcDateOf } from '../../billing/models/dates';
import type { Invoice } from '../../billing/models/invoice';
import { eventTypeLabel, invoiceStatusLabel, documentTypeLabel, lotSourceLabel, lotStatusLabel } from '../explorer/billingValueLabels';
import { buildTable, CellValue, TableSpec } from './buildTable';
import type { TableColumn, TableDocument, TableKind, TableLabels } from '../../shared/tablePanelMessages';

export interface TableContext {
  title: string;
  subtitle?: string;
  language: string;
  /** Without extension; the CSV export adds `.csv`. */
  exportName: string;
}

function labels(rowCount: number): TableLabels {
  return {
    export: vscode.l10n.t('Export CSV'),
    rows: rowCount === 1 ? vscode.l10n.t('1 row') : vscode.l10n.t('{0} rows', rowCount),
    empty: vscode.l10n.t('Nothing in this period.'),
    sortAscending: vscode.l10n.t('Sort ascending'),
    sortDescending: vscode.l10n.t('Sort descending'),
  };
}

const totalLabel = (currency: string) => vscode.l10n.t('Total ({0})', currency);
const day = (d: Date | undefined) => (d ? utcDateOf(d) : undefined);
const text = (value: string | undefined): CellValue => ({ kind: 'text', value });

/** A table of `kind` in the context it was opened from, with the labels and totals every table shares. */
function billingTable<T>(kind: TableKind, context: TableContext, rows: Pick<TableSpec<T>, 'columns' | 'items' | 'rowId' | 'cells'>): TableDocument {
  return buildTable({
    kind,
    title: context.title,
    subtitle: context.subtitle,
    language: context.language,
    ...rows,
    totalLabel,
    labels: labels(rows.items.length),
    exportFileName: `${context.exportName}.csv`,
  });
}

export function creditEventsTable(events: readonly CreditEvent[], context: TableContext): TableDocument {
  const columns: TableColumn[] = [
    { id: 'date', label: vscode.l10n.t('Date'), kind: 'date' },
    { id: 'type', label: vscode.l10n.t('Type'), kind: 'text' },
    { id: 'description', label: vscode.l10n.t('Description'), kind: 'text' },
    { id: 'newCredit', label: vscode.l10n.t('New credit'), kind: 'money', summable: true },
    { id: 'adjustments', label: vscode.l10n.t('Adjustments'), kind: 'money', summable: true },
    { id: 'charges', label: vscode.l10n.t('Charges'), kind: 'money', summable: true },
    { id: 'creditExpired', label: vscode.l10n.t('Credit expired'), kind: 'money', summable: true },
    // A running balance: adding it up would mean nothing.
    { id: 'closedBalance', label: vscode.l10n.t('Balance after'), kind: 'money' },
    { id: 'invoice', label: vscode.l10n.t('Invoice'), kind: 'text' },
  ];
  return billingTable('creditEvents', context, {
    columns,
    items: events,
    rowId: (e, i) => e.name || String(i),
    cells: (e) => ({
      date: { kind: 'date', value: day(e.transactionDate) },
      type: text(eventTypeLabel(e.eventType)),
      description: text(e.description),
      newCredit: { kind: 'money', value: e.newCredit },
      adjustments: { kind: 'money', value: e.adjustments },
      charges: { kind: 'money', value: e.charges },
      creditExpired: { kind: 'money', value: e.creditExpired },
      closedBalance: { kind: 'money', value: e.closedBalance },
      invoice: text(e.invoiceNumber),
    }),
  });
}

export function invoicesTable(invoices: readonly Invoice[], context: TableContext): TableDocument {
  const columns: TableColumn[] = [
    { id: 'invoice', label: vscode.l10n.t('Invoice'), kind: 'text' },
    { id: 'invoiceDate', label: vscode.l10n.t('Invoice date'), kind: 'date' },
    { id: 'periodStart', label: vscode.l10n.t('Period start'), kind: 'date' },
    { id: 'periodEnd', label: vscode.l10n.t('Period end'), kind: 'date' },
    { id: 'dueDate', label: vscode.l10n.t('Due date'), kind: 'date' },
    { id: 'status', label: vscode.l10n.t('Status'), kind: 'text' },
    { id: 'documentType', label: vscode.l10n.t('Document type'), kind: 'text' },
    { id: 'billed', label: vscode.l10n.t('Billed amount'), kind: 'money', summable: true },
    { id: 'tax', label: vscode.l10n.t('Tax'), kind: 'money', summable: true },
    { id: 'total', label: vscode.l10n.t('Total'), kind: 'money', summable: true },
    { id: 'amountDue', label: vscode.l10n.t('Amount due'), kind: 'money', summable: true },
  ];
  return billingTable('invoices', context, {
    columns,
    items: invoices,
    rowId: (i) => i.name,
    cells: (i) => ({
      invoice: text(i.name),
      invoiceDate: { kind: 'date', value: i.invoiceDate },
      periodStart: { kind: 'date', value: i.periodStart },
      periodEnd: { kind: 'date', value: i.periodEnd },
      dueDate: { kind: 'date', value: i.dueDate },
      status: text(invoiceStatusLabel(i.status)),
      documentType: text(documentTypeLabel(i.documentType)),
      billed: { kind: 'money', value: i.billedAmount },
      tax: { kind: 'money', value: i.taxAmount },
      total: { kind: 'money', value: i.totalAmount },
      amountDue: { kind: 'money', value: i.amountDue },
    }),
  });
}

export function creditLotsTable(lots: readonly CreditLot[], context: TableContext): TableDocument {
  const columns: TableColumn[] = [
    { id: 'source', label: vscode.l10n.t('Source'), kind: 'text' },
    { id: 'status', label: vscode.l10n.t('Status'), kind: 'text' },
    { id: 'start', label: vscode.l10n.t('Start date'), kind: 'date' },
    { id: 'expiry', label: vscode.l10n.t('Expiry date'), kind: 'date' },
    { id: 'original', label: vscode.l10n.t('Original amount'), kind: 'money', summable: true },
    { id: 'remaining', label: vscode.l10n.t('Remaining balance'), kind: 'money', summable: true },
    { id: 'poNumber', label: vscode.l10n.t('PO number'), kind: 'text' },
    { id: 'lot', label: vscode.l10n.t('Lot ID'), kind: 'text' },
  ];
  return billingTable('creditLots', context, {
    columns,
    items: lots,
    rowId: (l, i) => l.name || String(i),
    cells: (l) => ({
      source: text(lotSourceLabel(l.source)),
      status: text(lotStatusLabel(l.status)),
      start: { kind: 'date', value: day(l.startDate) },
      expiry: { kind: 'date', value: day(l.expirationDate) },
      original: { kind: 'money', value: l.originalAmount },
      remaining: { kind: 'money', value: l.closedBalance },
      poNumber: text(l.poNumber),
      lot: text(l.name),
    }),
  });
}
