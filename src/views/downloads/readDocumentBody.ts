// Reads a document body into memory with a size limit, honouring cancellation and telling a
// dropped connection apart from a complete answer. Invoice PDFs are small (kilobytes to a few
// megabytes), so buffering is simpler and safer than streaming to disk: nothing touches the
// folder until the whole document has arrived and has been checked.
import { InvoiceDownloadError } from './downloadErrors';

export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export interface DocumentBody {
  body: NodeJS.ReadableStream;
  /** From Content-Length, when the server sent one. */
  contentLength?: number;
}

export async function readDocumentBody(source: DocumentBody, signal?: AbortSignal, maxBytes = MAX_DOCUMENT_BYTES): Promise<Buffer> {
  const { body, contentLength } = source;
  if (contentLength !== undefined && contentLength > maxBytes) {
    destroy(body);
    throw new InvoiceDownloadError('tooLarge', `The document is larger than ${maxBytes} bytes.`);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) { return; }
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      body.removeListener('data', onData);
      body.removeListener('end', onEnd);
      body.removeListener('error', onError);
      body.removeListener('close', onClose);
      if (error) {
        destroy(body);
        reject(error);
      } else { resolve(); }
    };
    const onAbort = () => finish(new InvoiceDownloadError('cancelled', 'The download was cancelled.'));
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      received += buffer.length;
      if (received > maxBytes) { return finish(new InvoiceDownloadError('tooLarge', `The document is larger than ${maxBytes} bytes.`)); }
      chunks.push(buffer);
    };
    const onEnd = () => {
      if (contentLength !== undefined && received < contentLength) {
        finish(new InvoiceDownloadError('interrupted', `The connection closed after ${received} of ${contentLength} bytes.`));
      } else { finish(); }
    };
    const onError = (error: Error) =>
      finish(new InvoiceDownloadError('interrupted', 'The connection closed before the whole document arrived.', error.message));
    // A socket that closes without 'end' (dropped mid-body) only says 'close' on some streams.
    const onClose = () => setImmediate(() => finish(new InvoiceDownloadError('interrupted', `The connection closed after ${received} bytes.`)));
    if (signal?.aborted) { return onAbort(); }
    signal?.addEventListener('abort', onAbort);
    body.on('data', onData);
    body.on('end', onEnd);
    body.on('error', onError);
    body.on('close', onClose);
  });
  return Buffer.concat(chunks);
}

function destroy(stream: NodeJS.ReadableStream): void {
  const s = stream as NodeJS.ReadableStream & { destroy?: () => void };
  if (typeof s.destroy === 'function') { s.destroy(); }
  else { stream.resume(); }
}
