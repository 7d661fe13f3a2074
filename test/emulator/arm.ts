// ARM conventions shared by every route family: the error body, list envelopes and paging.
import { EmuHttpError, EmuRequest, EmuResponse } from './http';

export function armError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): EmuResponse {
  return { status, json: { error: { code, message, ...extra } } };
}

/** Commerce (2015-06-01-preview) answers with a flat error body. */
export function flatError(status: number, code: string, message: string): EmuResponse {
  return { status, json: { code, message } };
}

export function fail(status: number, code: string, message: string, extra?: Record<string, unknown>): never {
  throw new EmuHttpError(armError(status, code, message, extra));
}

export function badRequest(message: string, code = 'BadRequest'): never {
  fail(400, code, message);
}

export function notFound(what: string, code = 'ResourceNotFound'): never {
  fail(404, code, `The resource '${what}' was not found.`);
}

/** The request URL with its continuation parameter set to `token` (absolute, keeps every other parameter). */
export function continuationUrl(req: EmuRequest, name: string, token: string): string {
  const next = new URL(req.url.pathname + req.url.search, req.origin);
  next.searchParams.delete(name);
  next.searchParams.set(name, token);
  return next.toString();
}

export function encodeOffset(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

export function decodeOffset(token: string | undefined): number {
  if (!token) { return 0; }
  const text = Buffer.from(token, 'base64').toString('utf8');
  const match = /^offset:(\d+)$/.exec(text);
  if (!match) { badRequest('The continuation token is invalid.', 'InvalidContinuationToken'); }
  return Number(match[1]);
}

export interface PageOptions {
  pageSize: number;
  /** Query parameter that carries the continuation (`$skiptoken` for ARM, `continuationToken` for Commerce). */
  tokenParam?: string;
}

/** One page of `items` as the standard `{ value, nextLink }` envelope. */
export function pageOf<T>(req: EmuRequest, items: readonly T[], options: PageOptions): { value: T[]; nextLink?: string } {
  const param = options.tokenParam ?? '$skiptoken';
  const offset = decodeOffset(req.q(param));
  const value = items.slice(offset, offset + options.pageSize);
  const end = offset + value.length;
  return end < items.length ? { value, nextLink: continuationUrl(req, param, encodeOffset(end)) } : { value };
}

export function ok(json: unknown, headers?: Record<string, string | number>): EmuResponse {
  return { status: 200, json, headers };
}
