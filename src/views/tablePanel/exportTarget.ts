// Where a table's CSV export goes, decided by the host alone. A table the host built carries the
// file name and folder names the host gave it. A table panel restored after a window reload shows
// what its page saved with setState, and a page's state is not to be trusted: none of its names
// is used (a `../../.vscode/tasks.json` or `x.ps1` would otherwise pick a file in the workspace
// with no dialog). Its rows go where the person chooses in a save dialog offering CSV, starting
// from a name made from the table's kind.
import type { TableDocument, TableKind } from '../../shared/tablePanelMessages';
import { safePathSegment } from '../downloads/invoiceFileName';
import type { InvoiceFolderNames } from '../downloads/invoiceFolder';

/** `host`: built by the extension in this session; `restored`: read back from the page's saved state. */
export type TableOrigin = 'host' | 'restored';

export type CsvExportTarget =
  /** Into the workspace folder for that profile's invoices (azureBilling.invoiceFolder), as `fileName`. */
  | { via: 'invoiceFolder'; fileName: string; folderNames: InvoiceFolderNames }
  /** Wherever the person chooses in a save dialog offering `.csv`, which starts at `defaultFileName`. */
  | { via: 'saveDialog'; defaultFileName: string };

/** The argument a restored panel hands to the export command, so its table is never taken for the host's own. */
export interface RestoredTable {
  restoredTable: TableDocument;
}

const KIND_FILE_NAMES: Record<TableKind, string> = { creditEvents: 'credit-events', invoices: 'invoices', creditLots: 'credit-lots' };

export function csvExportTarget(doc: TableDocument, origin: TableOrigin): CsvExportTarget {
  if (origin === 'restored') { return { via: 'saveDialog', defaultFileName: `${kindFileName(doc.kind)}.csv` }; }
  return {
    via: 'invoiceFolder',
    fileName: csvFileName(doc.exportFileName, kindFileName(doc.kind)),
    folderNames: doc.exportFolder ?? { billingProfileName: doc.title, billingAccountName: doc.title },
  };
}

/** A single safe path segment that ends in `.csv`, whatever `raw` holds. */
export function csvFileName(raw: string, fallbackStem: string): string {
  const name = safePathSegment(raw, `${fallbackStem}.csv`);
  return name.toLowerCase().endsWith('.csv') ? name : `${name}.csv`;
}

/** What a panel hands to the export command: the table the host built, or else the page's copy, marked as restored. */
export function panelExportArgument(hostDocument: TableDocument | undefined, shown: TableDocument): TableDocument | RestoredTable {
  return hostDocument ?? { restoredTable: shown };
}

/** The table the export command was given, and where it came from; undefined when it was given none. */
export function tableToExport(value: unknown): { doc: TableDocument; origin: TableOrigin } | undefined {
  if (isRestoredTable(value)) { return { doc: value.restoredTable, origin: 'restored' }; }
  if (isTableDocument(value)) { return { doc: value, origin: 'host' }; }
  return undefined;
}

function isRestoredTable(value: unknown): value is RestoredTable {
  return typeof value === 'object' && value !== null && isTableDocument((value as RestoredTable).restoredTable);
}

export function isTableDocument(value: unknown): value is TableDocument {
  return typeof value === 'object' && value !== null && Array.isArray((value as TableDocument).rows) && Array.isArray((value as TableDocument).columns);
}

/** The kind only ever picks one of our own names; anything else a page stored gives `table`. */
function kindFileName(kind: unknown): string {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(KIND_FILE_NAMES, kind) ? KIND_FILE_NAMES[kind as TableKind] : 'table';
}
