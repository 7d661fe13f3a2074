// The invoices of a source in a period, read and laid out as a table: shared by Show Invoices,
// Download Invoices and Export CSV.
import * as vscode from 'vscode';
import type { Logger } from '../../../azure/log';
import type { Invoice } from '../../../billing/models/invoice';
import { isIssuedIn, issuedInQueryWindow, listInvoicesFrom } from '../../explorer/invoiceSource';
import { newestFirst } from '../../explorer/recentWindow';
import { invoicesTable } from '../../tablePanel/billingTables';
import type { TableDocument } from '../../../shared/tablePanelMessages';
import type { InvoiceSourceTarget, TargetResolver } from './billingTargets';
import { withListProgress } from './listProgress';
import { ChosenRange, checkInvoicesRange, describeRange, InvoicesPreset, invoicesPresetRange, pickInvoicesRange, rangeProblem } from './periodChoices';

export interface InvoiceCommandDeps {
  targets: TargetResolver;
  extensionUri: vscode.Uri;
  logger: Logger;
  now(): Date;
}

export interface PeriodArgs {
  preset?: InvoicesPreset;
  startDate?: string;
  endDate?: string;
}

/** The period from arguments (checked, with a message when wrong) or from the picker. */
export async function periodFrom(deps: { now(): Date }, args: PeriodArgs | undefined, title: string): Promise<ChosenRange | undefined> {
  if (args?.preset) { return invoicesPresetRange(args.preset, deps.now()); }
  if (args?.startDate !== undefined || args?.endDate !== undefined) {
    try {
      return checkInvoicesRange(args.startDate, args.endDate);
    } catch (error) {
      const problem = rangeProblem(error);
      if (!problem) { throw error; }
      void vscode.window.showErrorMessage(problem);
      return undefined;
    }
  }
  return pickInvoicesRange(deps.now(), title);
}

/** Invoices of the source issued in the period, newest first. */
export async function readInvoices(target: InvoiceSourceTarget, range: ChosenRange): Promise<Invoice[]> {
  const { items } = await withListProgress(vscode.l10n.t('Reading invoices of {0}…', target.source.displayName), (signal) =>
    listInvoicesFrom(target.connection.transport, target.source, issuedInQueryWindow({ from: range.startDate, to: range.endDate }), signal).all(),
  );
  // Invoices issued in the period, whatever billing period they are for.
  return items
    .filter((i) => isIssuedIn(i, range.startDate, range.endDate))
    .sort(newestFirst((i: Invoice) => i.invoiceDate, (i) => i.name));
}

export async function showInvoicesDocument(deps: InvoiceCommandDeps, node: unknown, args?: PeriodArgs): Promise<TableDocument | undefined> {
  const target = await deps.targets.invoiceSource(node, vscode.l10n.t('Show Invoices'));
  const range = await periodFrom(deps, args, vscode.l10n.t('Invoices of which period?'));
  if (!range) { return undefined; }
  const invoices = await readInvoices(target, range);
  const doc = invoicesTable(invoices, {
    title: vscode.l10n.t('Invoices — {0}', target.source.displayName),
    subtitle: describeRange(range),
    language: vscode.env.language,
    exportName: `invoices-${range.startDate}_${range.endDate}`,
  });
  doc.exportFolder = { billingProfileName: target.folderName, billingAccountName: target.account.displayName };
  return doc;
}
