// Downloads invoices into a destination with one cancellable progress: one invoice, or every
// invoice of a period a few at a time. Each document goes through the whole pipeline (download
// operation, short-lived link, PDF check, atomic save); a failure of one never stops the others,
// and a cancellation leaves no partial file behind.
import * as vscode from 'vscode';
import { mapWithConcurrency } from '../../azure/concurrency';
import { cancelledError, isCancellation } from '../../azure/errors';
import { redactText } from '../../azure/log';
import type { Logger } from '../../azure/log';
import type { ArmTransport } from '../../azure/transport';
import { DocumentUnavailableError, DownloadLinkExpiredError } from '../../billing/invoiceDownload';
import type { Invoice } from '../../billing/models/invoice';
import { SignedLinkRefusedError } from '../../billing/signedLinks';
import { adviseOnFailure } from '../commands/failureAdvice';
import { describeFailure } from '../commands/failureMessage';
import type { Destination } from './downloadDestination';
import { FolderOutsideWorkspaceError, InvoiceDownloadError } from './downloadErrors';
import { downloadToFolder, DownloadedDocument } from './downloadToFolder';
import { invoiceFileName } from './invoiceFileName';
import { openInvoicePdf } from './openInvoicePdf';
import { MAX_DOCUMENT_BYTES } from './readDocumentBody';

/** Invoices fetched at once: enough to overlap the download operations' waits, few enough not to be throttled. */
export const PARALLEL_DOWNLOADS = 3;

export interface InvoiceDownloadResult {
  invoice: Invoice;
  saved?: DownloadedDocument;
  /** What went wrong, in the person's language. */
  failure?: string;
}

export async function downloadInvoice(
  transport: ArmTransport,
  invoice: Invoice,
  destination: Destination,
  signal: AbortSignal,
  onPreparing?: () => void,
): Promise<DownloadedDocument> {
  return downloadToFolder({
    fileName: destination.chosenFileName ?? invoiceFileName(invoice.name),
    folder: destination.folder,
    signal,
    replaceExisting: destination.replaceExisting,
    open: openInvoicePdf(transport, invoice, onPreparing),
  });
}

/** One invoice with a cancellable notification; throws (cancellation included) for the command wrapper. */
export async function downloadOneWithProgress(
  transport: ArmTransport,
  invoice: Invoice,
  destination: Destination,
  logger: Logger,
  external?: vscode.CancellationToken,
): Promise<DownloadedDocument> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Downloading invoice {0}', invoice.name), cancellable: true },
    async (progress, token) => {
      const controller = linkedController(token, external);
      try {
        return await downloadInvoice(transport, invoice, destination, controller.signal, () => progress.report({ message: vscode.l10n.t('Azure is preparing the document…') }));
      } catch (error) {
        if (controller.signal.aborted || isCancellation(error) || (error instanceof InvoiceDownloadError && error.kind === 'cancelled')) {
          logger.info(`Download of invoice ${invoice.name} cancelled; nothing was kept.`);
          throw cancelledError('The download');
        }
        logger.warn(redactText(`Download of invoice ${invoice.name} failed: ${(error as Error).message}${(error as InvoiceDownloadError).detail ? ` (${(error as InvoiceDownloadError).detail})` : ''}`));
        throw new LocalizedDownloadError(downloadFailureText(invoice.name, error, destination.folder.displayPath), error);
      }
    },
  );
}

/** Many invoices under one progress; returns one result per invoice, failures included. */
export async function downloadManyWithProgress(
  transport: ArmTransport,
  invoices: readonly Invoice[],
  destination: Destination,
  logger: Logger,
  external?: vscode.CancellationToken,
): Promise<InvoiceDownloadResult[]> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Downloading {0} invoices', invoices.length), cancellable: true },
    async (progress, token) => {
      const controller = linkedController(token, external);
      const results: InvoiceDownloadResult[] = invoices.map((invoice) => ({ invoice }));
      let done = 0;
      // A folder that leads out of the workspace refuses every invoice alike: stop asking Azure for more.
      let refused = false;
      const downloadOne = async (result: InvoiceDownloadResult) => {
        if (refused) { return; }
        try {
          result.saved = await downloadInvoice(transport, result.invoice, destination, controller.signal);
        } catch (error) {
          if (controller.signal.aborted) { return; }
          if (error instanceof FolderOutsideWorkspaceError) { refused = true; }
          logger.warn(redactText(`Download of invoice ${result.invoice.name} failed: ${(error as Error).message}`));
          result.failure = downloadFailureText(result.invoice.name, error, destination.folder.displayPath);
        }
        done++;
        progress.report({ increment: 100 / invoices.length, message: vscode.l10n.t('{0} of {1}', done, invoices.length) });
      };
      try {
        await mapWithConcurrency(results, PARALLEL_DOWNLOADS, downloadOne, controller.signal);
      } catch (error) {
        // Each download's own failure is kept in its result; only a cancellation ends the batch here.
        if (!isCancellation(error)) { throw error; }
      }
      if (controller.signal.aborted) {
        const kept = results.filter((r) => r.saved).length;
        logger.info(`Download of ${invoices.length} invoices cancelled after ${kept}; the ones not finished left nothing behind.`);
        throw new BatchCancelledError(results);
      }
      return results;
    },
  );
}

/** The batch was cancelled; `results` says which invoices had already been saved whole. */
export class BatchCancelledError extends Error {
  override readonly name = 'AbortError';
  constructor(readonly results: InvoiceDownloadResult[]) {
    super('The downloads were cancelled.');
  }
}

/** A download failure already put in the person's words. */
export class LocalizedDownloadError extends Error {
  override readonly name = 'LocalizedDownloadError';
  constructor(
    message: string,
    readonly original: unknown,
  ) {
    super(message);
  }
}

export function downloadFailureText(invoiceName: string, error: unknown, folder: string): string {
  if (error instanceof FolderOutsideWorkspaceError) {
    // The same for every invoice, so not prefixed with one: a batch report shows it once.
    const text = describeFailure(adviseOnFailure(error));
    return `${text.summary} ${text.nextStep}`;
  }
  if (error instanceof InvoiceDownloadError) {
    switch (error.kind) {
      case 'interrupted':
        return vscode.l10n.t('The connection closed before invoice {0} had fully arrived. Nothing was saved; try again.', invoiceName);
      case 'notPdf':
        return vscode.l10n.t('Invoice {0}: the server sent something that is not a PDF document. Nothing was saved.', invoiceName);
      case 'tooLarge':
        return vscode.l10n.t('Invoice {0} is larger than {1} MB. Nothing was saved.', invoiceName, Math.round(MAX_DOCUMENT_BYTES / 1024 / 1024));
      case 'writeFailed':
        return vscode.l10n.t('Invoice {0} could not be written into {1}: {2}', invoiceName, folder, redactText(error.detail ?? error.message));
      case 'linkRefused':
        return vscode.l10n.t('The download link for invoice {0} was refused. Try again.', invoiceName);
      case 'cancelled':
        return vscode.l10n.t('Cancelled.');
    }
  }
  if (error instanceof DownloadLinkExpiredError) {
    return vscode.l10n.t('The download link for invoice {0} expired before it could be used, twice. Try again.', invoiceName);
  }
  if (error instanceof SignedLinkRefusedError) {
    return vscode.l10n.t('The download link for invoice {0} was refused. Try again.', invoiceName);
  }
  if (error instanceof DocumentUnavailableError) {
    return vscode.l10n.t('Invoice {0} has no document that can be downloaded.', invoiceName);
  }
  const text = describeFailure(adviseOnFailure(error));
  return vscode.l10n.t('Invoice {0}: {1}', invoiceName, [text.summary, text.nextStep].filter(Boolean).join(' '));
}

/** One signal for the progress's Cancel button and for a caller's own token (another extension, a test). */
function linkedController(...tokens: Array<vscode.CancellationToken | undefined>): AbortController {
  const controller = new AbortController();
  for (const token of tokens) {
    if (!token) { continue; }
    if (token.isCancellationRequested) { controller.abort(); }
    token.onCancellationRequested(() => controller.abort());
  }
  return controller;
}
