// Cost Management paging: `properties.nextLink` carries `$skiptoken`, and the next page is fetched
// by POSTing the *same body* to it (docs/azure-apis.md#cost-management-paging). The token binds the
// offset to a digest of the body, so a client that re-POSTs a different (or empty) body is told so
// [inf].
import * as crypto from 'crypto';
import { armError, continuationUrl } from '../../arm';
import { EmuHttpError, EmuRequest } from '../../http';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) { return value.map(canonical); }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export function bodyDigest(body: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex').slice(0, 16);
}

function bad(message: string): never {
  throw new EmuHttpError(armError(400, 'BadRequest', message));
}

export function pageSizeOf(req: EmuRequest, configured: number): number {
  const top = req.q('$top');
  if (top === undefined) { return configured; }
  if (!/^\d+$/.test(top) || Number(top) < 1) { bad(`The value '${top}' of $top is not valid; it must be a positive integer.`); }
  return Math.min(Number(top), configured);
}

export function offsetOf(req: EmuRequest, digest: string): number {
  const token = req.q('$skiptoken');
  if (!token) { return 0; }
  const match = /^cm:(\d+):([0-9a-f]{16})$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!match) { bad('The $skiptoken is invalid.'); }
  if (match[2] !== digest) { bad('The $skiptoken belongs to a different query definition: POST the same body to properties.nextLink.'); }
  return Number(match[1]);
}

export function nextLinkOf(req: EmuRequest, offset: number, digest: string): string {
  return continuationUrl(req, '$skiptoken', Buffer.from(`cm:${offset}:${digest}`).toString('base64'));
}
