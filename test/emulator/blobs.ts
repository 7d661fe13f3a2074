// A stand-in for Azure Storage SAS links: short-lived URLs under `/blob/...` on the emulator's blob
// origin, a second HTTPS listener on another host name and port than ARM's (as storage's
// `*.blob.core.windows.net` is another host than ARM's), so a client that drops `Authorization` when
// a redirect changes host reaches it without one. Like storage, it refuses a request that carries an
// Authorization header and refuses expired links. The `/blob/` path prefix and the SAS-like query
// (`sig=`, `se=`) are kept so that the extension's log redaction recognises the links.
import * as crypto from 'crypto';
import { EmuRequest, EmuResponse } from './http';

interface StoredBlob {
  content: () => Buffer;
  contentType: string;
}

export class BlobStore {
  private readonly blobs = new Map<string, StoredBlob>();
  private readonly key = crypto.randomBytes(32);
  /** `https://localhost:PORT`: the blob origin, set once its listener is up. */
  origin = '';

  /**
   * Stores a blob and returns a SAS-style URL on the blob origin that works for `lifetimeSeconds`.
   * `content` is called on each download, so large documents need not stay in memory.
   */
  put(container: string, name: string, content: () => Buffer, contentType: string, lifetimeSeconds: number): { url: string; expiryTime: string } {
    const origin = this.origin;
    if (!origin) { throw new Error('The blob origin is not listening yet.'); }
    const blobPath = `${container}/${name}`;
    this.blobs.set(blobPath, { content, contentType });
    const expiry = new Date(Date.now() + lifetimeSeconds * 1000);
    const se = expiry.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const sig = this.sign(blobPath, se);
    const url = new URL(`/blob/${encodeURIComponent(container)}/${encodeURIComponent(name)}`, origin);
    url.searchParams.set('sv', '2019-02-02');
    url.searchParams.set('sr', 'b');
    url.searchParams.set('se', se);
    url.searchParams.set('sp', 'r');
    url.searchParams.set('sig', sig);
    return { url: url.toString(), expiryTime: se };
  }

  private sign(blobPath: string, se: string): string {
    return crypto.createHmac('sha256', this.key).update(`${blobPath}\n${se}`).digest('base64');
  }

  serve(req: EmuRequest, container: string, name: string): EmuResponse {
    if (req.headers.authorization) {
      return storageError(400, 'InvalidAuthenticationInfo', 'Authentication information is not given in the correct format. Check the value of Authorization header.');
    }
    const blobPath = `${container}/${name}`;
    const blob = this.blobs.get(blobPath);
    const se = req.query.get('se') ?? '';
    const sig = req.query.get('sig') ?? '';
    const expected = this.sign(blobPath, se);
    if (!blob || sig.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) {
      return storageError(403, 'AuthenticationFailed', 'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.');
    }
    if (Date.parse(se) <= Date.now()) {
      return storageError(403, 'AuthenticationFailed', 'Signature not valid in the specified time frame.');
    }
    return { status: 200, headers: { 'content-type': blob.contentType, 'x-ms-blob-type': 'BlockBlob' }, body: blob.content() };
  }
}

/** An error as Azure Storage words it: XML with `Code` and `Message`. */
export function storageError(status: number, code: string, message: string): EmuResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  };
}
