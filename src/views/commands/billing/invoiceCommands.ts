// Show Invoices, Download Invoice and Download Invoices: from the tree (an invoice, an Invoices
// folder, a billing profile) or from the palette with quick picks for the source, the period and
// the invoice.
import * as vscode from 'vscode';
import { cancelledError } from '../../../azure/errors';
import { formatMoney } from '../../format/displayFormat';
import { invoiceStatusLabel } from '../../explorer/billingValueLabels';
import { dayText } from '../../explorer/dateText';
import { InvoiceNode } from '../../explorer/invoiceNode';
import { chooseDestination, Destination } from '../../downloads/downloadDestination';
import { invoiceFileName } from '../../downloads/invoiceFileName';
import { downloadManyWithProgress, downloadOneWithProgress, LocalizedDownloadError } from '../../downloads/invoiceDownloads';
import type { TableDocument } from '../../../shared/tablePanelMessages';
import { TablePanel } from '../../tablePanel/tablePanel';
import type { InvoiceSourceTarget, InvoiceTarget } from './billingTargets';
import { downloadReport, revealButton } from './downloadReport';
import { InvoiceCommandDeps, periodFrom, PeriodArgs, readInvoices, showInvoicesDocument } from './invoiceTableDocument';
import { describeRange, invoicesPresetRange } from './periodChoices';

export type { InvoiceCommandDeps, PeriodArgs } from './invoiceTableDocument';

export async function showInvoices(deps: InvoiceCommandDeps, node?: unknown, args?: PeriodArgs): Promise<TableDocument | undefined> {
  const doc = await showInvoicesDocument(deps, node, args);
  if (doc) { TablePanel.show(deps.extensionUri, doc); }
  return doc;
}

export interface DownloadedFile {
  invoiceName: string;
  /** The file's Uri as a string, for tests and for the person's "Reveal". */
  uri?: string;
  outcome?: 'saved' | 'alreadyThere' | 'savedBeside';
  failure?: string;
}

/** Options for callers that run the commands themselves: a token that cancels like the progress's Cancel button. */
export interface DownloadOptions {
  token?: vscode.CancellationToken;
}

export async function downloadInvoiceCommand(deps: InvoiceCommandDeps, node?: unknown, options?: DownloadOptions): Promise<DownloadedFile | undefined> {
  const target = deps.targets.invoiceOf(node) ?? (await pickInvoice(deps, node));
  const destination = await destinationFor(target, invoiceFileName(target.invoice.name));
  let saved;
  try {
    saved = await downloadOneWithProgress(target.connection.transport, target.invoice, destination, deps.logger, options?.token);
  } catch (error) {
    if (error instanceof LocalizedDownloadError) {
      void vscode.window.showErrorMessage(error.message);
      return { invoiceName: target.invoice.name, failure: error.message };
    }
    throw error;
  }
  const fileUri = vscode.Uri.joinPath(destination.folderUri, saved.fileName);
  const where = `${destination.folder.displayPath}/${saved.fileName}`;
  const message =
    saved.outcome === 'saved'
      ? vscode.l10n.t('Invoice {0} saved as {1}.', target.invoice.name, where)
      : saved.outcome === 'alreadyThere'
        ? vscode.l10n.t('Invoice {0} is already saved as {1}; nothing was changed.', target.invoice.name, where)
        : vscode.l10n.t('A different file already had the name; invoice {0} was saved beside it as {1}.', target.invoice.name, where);
  const reveal = revealButton();
  void vscode.window.showInformationMessage(message, reveal).then((chosen) => {
    if (chosen === reveal) { void vscode.commands.executeCommand('revealInExplorer', fileUri); }
  });
  return { invoiceName: target.invoice.name, uri: fileUri.toString(), outcome: saved.outcome };
}

export async function downloadInvoicesCommand(deps: InvoiceCommandDeps, node?: unknown, args?: PeriodArgs & DownloadOptions): Promise<DownloadedFile[] | undefined> {
  const target = await deps.targets.invoiceSource(node, vscode.l10n.t('Download Invoices'));
  const range = await periodFrom(deps, args, vscode.l10n.t('Download the invoices of which period?'));
  if (!range) { return undefined; }
  const invoices = await readInvoices(target, range);
  if (invoices.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no invoices from {1}.', target.source.displayName, describeRange(range)));
    return [];
  }
  const destination = await destinationFor(target, undefined);
  const results = await downloadManyWithProgress(target.connection.transport, invoices, destination, deps.logger, args?.token);
  downloadReport(results, destination);
  return results.map((r) => ({
    invoiceName: r.invoice.name,
    uri: r.saved ? vscode.Uri.joinPath(destination.folderUri, r.saved.fileName).toString() : undefined,
    outcome: r.saved?.outcome,
    failure: r.failure,
  }));
}

function destinationFor(target: InvoiceSourceTarget, fileName: string | undefined): Promise<Destination> {
  return chooseDestination({ billingProfileName: target.folderName, billingAccountName: target.account.displayName }, fileName, vscode.l10n.t('invoices'));
}

/** Palette: choose where invoices come from, then one of its invoices of the last 12 months. */
async function pickInvoice(deps: InvoiceCommandDeps, node: unknown): Promise<InvoiceTarget> {
  const source = await deps.targets.invoiceSource(node instanceof InvoiceNode ? undefined : node, vscode.l10n.t('Download Invoice'));
  const language = vscode.env.language;
  const items = readInvoices(source, invoicesPresetRange('last12Months', deps.now())).then((invoices) =>
    invoices.map((invoice) => {
      const amount = InvoiceNode.amountOf(invoice);
      return {
        label: invoice.name,
        description: [amount && formatMoney(amount, language), invoiceStatusLabel(invoice.status)].filter(Boolean).join(' · '),
        detail: [dayText(invoice.invoiceDate, language), invoice.dueDate && vscode.l10n.t('due {0}', dayText(invoice.dueDate, language)!)].filter(Boolean).join(' · '),
        invoice,
      };
    }),
  );
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Download Invoice'), placeHolder: vscode.l10n.t('Choose an invoice of the last 12 months'), ignoreFocusOut: true });
  if (!picked) { throw cancelledError('Choosing an invoice'); }
  return { ...source, invoice: picked.invoice };
}
