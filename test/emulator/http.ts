// The request and response shapes every emulator route works with.
import type { IncomingHttpHeaders } from 'http';
import type { TokenClaims } from './tokens';

export interface EmuRequest {
  method: string;
  /** The absolute URL as the client sent it. */
  url: URL;
  /** The origin the request came to: ARM's `https://127.0.0.1:PORT` (what nextLinks and Location headers use) or the blob origin's. */
  origin: string;
  /** Percent-decoded path segments, without empty ones. */
  segments: string[];
  /** Values of the route template's `{name}` and `{*name}` parts, percent-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** A query parameter looked up case-insensitively (ARM treats names that way). */
  q: (name: string) => string | undefined;
  apiVersion: string | undefined;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Claims of the caller's bearer token, on routes that require one. */
  caller?: TokenClaims;
}

export interface EmuResponse {
  status: number;
  headers?: Record<string, string | number>;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as is (with the content-type given in headers). */
  body?: Buffer | string;
}

/** Thrown by routes to answer with an error at once. */
export class EmuHttpError extends Error {
  constructor(public readonly response: EmuResponse) {
    super(`emulator error ${response.status}`);
  }
}
