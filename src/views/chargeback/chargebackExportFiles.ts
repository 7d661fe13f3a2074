// The report's files in the workspace: `<azureBilling.chargebackFolder>/<scope>-<period>.csv` and
// `.md`, written through the invoice downloads' atomic writer (a temporary file renamed into place,
// never a half-written report, never through a link that leads out of the workspace). Running the
// same scope and period again replaces its files, so a committed report shows its changes as a diff.
import * as vscode from 'vscode';
import type { Reconciliation } from '../../insight/chargeback/reconcile';
import type { CurrencyReport } from '../../insight/chargeback/allocate';
import { reportCsv, reportMarkdown } from '../../insight/chargeback/reportExports';
import { chooseDestination } from '../downloads/downloadDestination';
import { saveDocument } from '../downloads/saveDocument';
import { reportHeadings } from './reportWords';

export const CHARGEBACK_FOLDER_SETTING = 'azureBilling.chargebackFolder';
export const DEFAULT_CHARGEBACK_FOLDER = 'chargeback';

export interface ExportedReport {
  folder: vscode.Uri;
  csv: vscode.Uri;
  markdown: vscode.Uri;
  /** How the folder is shown (workspace-relative). */
  displayPath: string;
}

export async function writeChargebackExports(
  stem: string,
  title: string,
  reports: readonly CurrencyReport[],
  reconciliations: ReadonlyMap<string, Reconciliation>,
  /** Per currency, the reconciliation's conclusion in words (as the panel says it). */
  summaries?: ReadonlyMap<string, string>,
): Promise<ExportedReport> {
  const headings = reportHeadings();
  const destination = await chooseDestination({ billingProfileName: stem, billingAccountName: stem }, undefined, vscode.l10n.t('the chargeback report'), {
    setting: CHARGEBACK_FOLDER_SETTING,
    defaultValue: DEFAULT_CHARGEBACK_FOLDER,
  });
  const encode = (text: string) => new TextEncoder().encode(text);
  // Both files or an error: each is atomic on its own. The CSV starts with a byte-order mark, as the
  // usage panel's does, so a spreadsheet reads owners' names in Korean (or any non-Latin text) right.
  const csv = await saveDocument(destination.folder, `${stem}.csv`, encode(`\uFEFF${reportCsv(reports, headings)}`), undefined, { replaceExisting: true });
  const markdown = await saveDocument(destination.folder, `${stem}.md`, encode(reportMarkdown(title, reports, reconciliations, headings, summaries)), undefined, { replaceExisting: true });
  return {
    folder: destination.folderUri,
    csv: vscode.Uri.joinPath(destination.folderUri, csv.fileName),
    markdown: vscode.Uri.joinPath(destination.folderUri, markdown.fileName),
    displayPath: destination.folder.displayPath,
  };
}
