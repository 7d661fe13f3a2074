// Export CSV: credit events, invoices or credit lots as a CSV file in the workspace (the same
// folder as that profile's invoices). From the table panel's button it exports exactly the rows on
// screen; from the tree or the palette it asks what to export. A panel restored from its page's
// saved state hands over a RestoredTable: its rows go where a save dialog says (exportTarget.ts).
import * as vscode from 'vscode';
import { cancelledError } from '../../../azure/errors';
import { listCreditLots } from '../../../billing/credits';
import { CreditEventsFolderNode } from '../../explorer/creditEventsFolderNode';
import { CreditsNode } from '../../explorer/creditsNode';
import { InvoicesFolderNode } from '../../explorer/invoicesFolderNode';
import { chooseDestination, chooseFileInDialog } from '../../downloads/downloadDestination';
import { saveDocument, SaveOutcome } from '../../downloads/saveDocument';
import { creditLotsTable } from '../../tablePanel/billingTables';
import type { TableDocument } from '../../../shared/tablePanelMessages';
import { csvExportTarget, TableOrigin, tableToExport } from '../../tablePanel/exportTarget';
import { tableToCsv } from '../../tablePanel/tableCsv';
import { CreditCommandDeps, creditEventsDocument, eventsRangeFrom, readCreditEvents } from './creditCommands';
import { InvoiceCommandDeps, showInvoicesDocument } from './invoiceTableDocument';
import type { CreditTarget } from './billingTargets';
import { withListProgress } from './listProgress';

export type ExportKind = 'creditEvents' | 'invoices' | 'creditLots';

export interface ExportedFile {
  uri: string;
  outcome: SaveOutcome;
  rows: number;
}

export async function exportCsv(deps: CreditCommandDeps & InvoiceCommandDeps, target?: unknown, args?: { kind?: ExportKind; startDate?: string; endDate?: string }): Promise<ExportedFile | undefined> {
  const given = tableToExport(target);
  if (given) { return writeCsv(given.doc, given.origin); }
  const doc = await documentFor(deps, target, args);
  if (!doc) { return undefined; }
  return writeCsv(doc, 'host');
}

async function documentFor(deps: CreditCommandDeps & InvoiceCommandDeps, node: unknown, args?: { kind?: ExportKind; startDate?: string; endDate?: string }): Promise<TableDocument | undefined> {
  const kind = args?.kind ?? kindOfNode(node) ?? (await pickKind());
  const range = args?.startDate !== undefined || args?.endDate !== undefined ? { startDate: args.startDate, endDate: args.endDate } : undefined;
  switch (kind) {
    case 'creditEvents': {
      const target = await deps.targets.creditTarget(node, vscode.l10n.t('Export Credit Events as CSV'));
      const chosen = await eventsRangeFrom(deps, range);
      if (!chosen) { return undefined; }
      return creditEventsDocument(target, chosen, await readCreditEvents(target, chosen));
    }
    case 'invoices':
      return showInvoicesDocument(deps, node, range);
    case 'creditLots': {
      const target = await deps.targets.creditTarget(node, vscode.l10n.t('Export Credit Lots as CSV'));
      return lotsDocument(target);
    }
  }
}

function kindOfNode(node: unknown): ExportKind | undefined {
  if (node instanceof CreditEventsFolderNode) { return 'creditEvents'; }
  if (node instanceof InvoicesFolderNode) { return 'invoices'; }
  if (node instanceof CreditsNode) { return 'creditLots'; }
  return undefined;
}

async function pickKind(): Promise<ExportKind> {
  const items: Array<vscode.QuickPickItem & { exportKind: ExportKind }> = [
    { label: vscode.l10n.t('Credit events'), exportKind: 'creditEvents' },
    { label: vscode.l10n.t('Invoices'), exportKind: 'invoices' },
    { label: vscode.l10n.t('Credit lots'), exportKind: 'creditLots' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export CSV'), placeHolder: vscode.l10n.t('What should be exported?') });
  if (!picked) { throw cancelledError('Choosing what to export'); }
  return picked.exportKind;
}

async function lotsDocument(target: CreditTarget): Promise<TableDocument> {
  const scope = { accountName: target.profile.accountName, profileName: target.profile.name, agreementType: target.account.agreementType };
  const { items } = await withListProgress(vscode.l10n.t('Reading credit lots of {0}…', target.profile.displayName), (signal) =>
    listCreditLots(target.connection.transport, scope, { signal }).all(),
  );
  const doc = creditLotsTable(items, {
    title: vscode.l10n.t('Credit lots — {0}', target.profile.displayName),
    language: vscode.env.language,
    exportName: 'credit-lots',
  });
  doc.exportFolder = { billingProfileName: target.profile.displayName, billingAccountName: target.account.displayName };
  return doc;
}

async function writeCsv(doc: TableDocument, origin: TableOrigin): Promise<ExportedFile> {
  const target = csvExportTarget(doc, origin);
  const fileName = target.via === 'saveDialog' ? target.defaultFileName : target.fileName;
  const destination =
    target.via === 'saveDialog' ? await chooseFileInDialog(fileName) : await chooseDestination(target.folderNames, fileName, vscode.l10n.t('CSV files'));
  const csv = tableToCsv(doc, { currency: vscode.l10n.t('Currency'), columnCurrency: (label) => vscode.l10n.t('{0} currency', label) });
  // A byte-order mark lets spreadsheet programs read non-ASCII names (Korean, €) correctly.
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
  const saved = await saveDocument(destination.folder, destination.chosenFileName ?? fileName, bytes, undefined, { replaceExisting: destination.replaceExisting });
  const uri = vscode.Uri.joinPath(destination.folderUri, saved.fileName);
  const where = `${destination.folder.displayPath}/${saved.fileName}`;
  const open = vscode.l10n.t('Open');
  const message =
    saved.outcome === 'alreadyThere'
      ? vscode.l10n.t('The same CSV is already saved as {0}.', where)
      : vscode.l10n.t('{0} rows exported to {1}.', doc.rows.length, where);
  void vscode.window.showInformationMessage(message, open).then((chosen) => {
    if (chosen === open) { void vscode.window.showTextDocument(uri); }
  });
  return { uri: uri.toString(), outcome: saved.outcome, rows: doc.rows.length };
}
