// One invoice document from "ask for it" to "it is in the folder": fetch the body, make sure it is a
// whole PDF, then save it atomically. Knows nothing of VS Code or of how the link is obtained.
import { InvoiceDownloadError } from './downloadErrors';
import { FolderPort } from './folderPort';
import { checkPdf } from './pdfDocument';
import { DocumentBody, MAX_DOCUMENT_BYTES, readDocumentBody } from './readDocumentBody';
import { saveDocument, SaveResult } from './saveDocument';

export interface DocumentDownloadRequest {
  /** Opens the document (runs the download operation and fetches the short-lived link). */
  open(signal: AbortSignal | undefined): Promise<DocumentBody>;
  /** The sanitised file name (see invoiceFileName). */
  fileName: string;
  folder: FolderPort;
  signal?: AbortSignal;
  maxBytes?: number;
  /** The person chose this exact file in a save dialog (which asked before replacing). */
  replaceExisting?: boolean;
}

export interface DownloadedDocument extends SaveResult {
  bytes: number;
}

export async function downloadToFolder(request: DocumentDownloadRequest): Promise<DownloadedDocument> {
  const { signal } = request;
  const throwIfCancelled = () => {
    if (signal?.aborted) { throw new InvoiceDownloadError('cancelled', 'The download was cancelled.'); }
  };
  throwIfCancelled();
  // saveDocument checks again right before writing; asking first spares a download that could not be kept.
  await request.folder.checkInsideWorkspace();
  throwIfCancelled();
  let source: DocumentBody;
  try {
    source = await request.open(signal);
  } catch (error) {
    throwIfCancelled();
    throw error;
  }
  const bytes = await readDocumentBody(source, signal, request.maxBytes ?? MAX_DOCUMENT_BYTES);
  const pdf = checkPdf(bytes);
  if (!pdf.ok) {
    throw pdf.reason === 'truncated'
      ? new InvoiceDownloadError('interrupted', 'The document arrived incomplete (no end-of-file marker).')
      : new InvoiceDownloadError('notPdf', 'The server sent something that is not a PDF document.');
  }
  const saved = await saveDocument(request.folder, request.fileName, bytes, signal, { replaceExisting: request.replaceExisting });
  return { ...saved, bytes: bytes.length };
}
