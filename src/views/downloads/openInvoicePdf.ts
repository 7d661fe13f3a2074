// Opening an invoice's PDF for the download pipeline (downloadToFolder's `open`): the download
// operation, the short-lived link, and the bytes, which the client reads whole and fetches again
// when they arrive cut short (a PDF without its end-of-file marker). Free of VS Code, so the unit
// layer drives exactly what the commands run.
import type { ArmTransport } from '../../azure/transport';
import { downloadInvoiceDocument } from '../../billing/invoiceDownload';
import type { Invoice } from '../../billing/models/invoice';
import { checkPdf } from './pdfDocument';
import type { DocumentBody } from './readDocumentBody';

/** A problem worth fetching again: only a PDF cut short. Anything that is not a PDF at all is judged later, once. */
export function pdfCutShort(body: Buffer): string | undefined {
  const check = checkPdf(body);
  return !check.ok && check.reason === 'truncated' ? 'a PDF without its end-of-file marker (cut short)' : undefined;
}

export function openInvoicePdf(transport: ArmTransport, invoice: Invoice, onPoll?: () => void): (signal: AbortSignal | undefined) => Promise<DocumentBody> {
  return async (signal) => {
    const { response } = await downloadInvoiceDocument(transport, invoice, { signal, onPoll, checkBody: pdfCutShort });
    return { body: response.body, contentLength: response.contentLength };
  };
}
