// Reading the body of an unauthenticated response (the client has already read it whole; this hands
// it over as bytes), with a ceiling so a wrong URL cannot fill the editor's heap.
import type { BlobResponse } from '../azure/transport';

/** RateCard documents are tens of MB; 256 MB is far above any real one. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

export async function readBody(response: BlobResponse, limitBytes = MAX_DOCUMENT_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > limitBytes) {
      (response.body as { destroy?: () => void }).destroy?.();
      throw new Error(`The document is larger than ${Math.round(limitBytes / 1024 / 1024)} MB; refusing to read it.`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
