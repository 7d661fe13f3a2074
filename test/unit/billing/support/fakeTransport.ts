// A recording stand-in for `ArmTransport`, for tests of what a module *asks* (paths, api-versions,
// query terms, fallbacks between versions) with answers written by the test from the shapes
// documented in docs/azure-apis.md. End-to-end behaviour is tested against the emulator with the
// real client; this only isolates request-building and parsing.
import type { ArmTransport, BlobResponse, ListOptions, LongRunningOptions, QueryPage, RequestOptions, UnauthenticatedOptions } from '../../../../src/azure/transport';
import { Readable } from 'stream';

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

export type Answer = { status?: number; json?: unknown; items?: unknown[]; headers?: Record<string, string>; error?: Error; pages?: QueryPage[] };
export type Responder = (call: RecordedCall) => Answer | undefined;

export class HttpLikeError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

function flatQuery(q: RequestOptions['query']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q ?? {})) { if (v !== undefined) { out[k] = String(v); } }
  return out;
}

export class FakeTransport implements ArmTransport {
  readonly endpoint = 'https://management.example';
  readonly calls: RecordedCall[] = [];
  constructor(private readonly respond: Responder) {}

  /** The scripted answer, or its error as a rejection, as the real transport fails. */
  private answer(call: RecordedCall): Promise<Answer> {
    this.calls.push(call);
    const a = this.respond(call);
    if (!a) { return Promise.reject(new HttpLikeError(404, 'NoRoute', `No fake answer for ${call.method} ${call.path} ${JSON.stringify(call.query)}`)); }
    if (a.error) { return Promise.reject(a.error); }
    return Promise.resolve(a);
  }

  async get<T>(path: string, options?: RequestOptions): Promise<T | undefined> {
    const a = await this.answer({ method: 'GET', path, query: flatQuery(options?.query) });
    return a.status === 204 ? undefined : (a.json as T);
  }
  async send<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown, options?: RequestOptions): Promise<T | undefined> {
    const a = await this.answer({ method, path, query: flatQuery(options?.query), body });
    return a.status === 204 ? undefined : (a.json as T);
  }
  async delete(path: string, options?: RequestOptions): Promise<void> {
    await this.answer({ method: 'DELETE', path, query: flatQuery(options?.query) });
  }
  async *list<T>(path: string, options?: ListOptions): AsyncIterable<T> {
    const a = await this.answer({ method: 'GET', path, query: flatQuery(options?.query) });
    if (a.status === 204) { return; }
    for (const item of a.items ?? []) { yield item as T; }
  }
  async *queryPages(path: string, body: unknown, options?: RequestOptions): AsyncIterable<QueryPage> {
    const a = await this.answer({ method: 'POST', path, query: flatQuery(options?.query), body });
    if (a.status === 204) { return; }
    yield* a.pages ?? [];
  }
  async longRunning<T>(path: string, body: unknown, options?: LongRunningOptions): Promise<T> {
    const a = await this.answer({ method: 'POST', path, query: flatQuery(options?.query), body });
    return a.json as T;
  }
  async fetchUnauthenticated(url: string, options?: UnauthenticatedOptions): Promise<BlobResponse> {
    const a = await this.answer({ method: 'BLOB', path: url, query: {} });
    const text = typeof a.json === 'string' ? a.json : JSON.stringify(a.json ?? null);
    const status = a.status ?? 200;
    // As the real client: a 200 asked for as JSON comes back parsed.
    const json = options?.expectJson && status === 200 ? (JSON.parse(text) as unknown) : undefined;
    return { status, headers: a.headers ?? {}, body: Readable.from([Buffer.from(text)]), ...(json === undefined ? {} : { json }) };
  }
  async getRaw(path: string, options?: RequestOptions): Promise<{ status: number; headers: Record<string, string>; json?: unknown }> {
    const a = await this.answer({ method: 'GET', path, query: flatQuery(options?.query) });
    return { status: a.status ?? 200, headers: a.headers ?? {}, json: a.json };
  }
}
