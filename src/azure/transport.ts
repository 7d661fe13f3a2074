// The contract between the HTTP client (`src/azure/`) and the API modules (`src/billing/`).
// `billing/` only ever talks to Azure through this interface.

export interface RequestOptions {
  /** Query parameters; `api-version` goes here too. Undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Where the continuation of a list lives (docs/azure-apis.md#paging). */
export type PagingStyle =
  | 'value' // { value: [], nextLink } — GET the nextLink verbatim (ARM, Consumption, Commerce continuationToken)
  | 'properties'; // { properties: { nextLink, ... } } — Consumption price sheet / tags

export interface ListOptions extends RequestOptions {
  paging?: PagingStyle;
  /** Stop after this many items; the result's `truncated` says whether more were there. */
  maxItems?: number;
}

/** A page of a Cost Management query: columns plus positional rows. */
export interface QueryPage {
  columns: Array<{ name: string; type: string }>;
  rows: unknown[][];
}

export interface LongRunningOptions extends RequestOptions {
  /** Upper bound for the whole operation (default 5 minutes). */
  maxWaitMs?: number;
  /** Called with the seconds until the next poll (for progress messages). */
  onPoll?: (retryAfterSeconds: number) => void;
}

export interface UnauthenticatedOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** A 200 body must be JSON: a broken one is retried like any transient failure, and comes back as `json`. */
  expectJson?: boolean;
  /** Looks at a 200 body; a problem it names (a document cut short) is retried the same way. */
  checkBody?: (body: Buffer) => string | undefined;
  /** Refuse a body larger than this (default 256 MB). */
  maxBytes?: number;
}

export interface BlobResponse {
  status: number;
  headers: Record<string, string>;
  /** The whole body, already read (a body that broke was fetched again), as a stream. */
  body: NodeJS.ReadableStream;
  contentLength?: number;
  /** The parsed body, for `expectJson`. */
  json?: unknown;
}

export interface ArmTransport {
  /** The ARM endpoint, e.g. https://management.azure.com (no trailing slash). */
  readonly endpoint: string;
  /** GET a resource; `undefined` for 204 No Content. */
  get<T>(path: string, options?: RequestOptions): Promise<T | undefined>;
  /** POST/PUT/PATCH with a JSON body; `undefined` for 204. */
  send<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown, options?: RequestOptions): Promise<T | undefined>;
  delete(path: string, options?: RequestOptions): Promise<void>;
  /** Every item of a paged list, following each continuation. A 204 is an empty list. */
  list<T>(path: string, options?: ListOptions): AsyncIterable<T>;
  /** Cost Management query/forecast: POST, then re-POST the same body to `properties.nextLink`. */
  queryPages(path: string, body: unknown, options?: RequestOptions): AsyncIterable<QueryPage>;
  /** POST that starts a long-running operation; follows Location/Azure-AsyncOperation until the final payload. */
  longRunning<T>(path: string, body: unknown, options?: LongRunningOptions): Promise<T>;
  /**
   * GET an absolute URL that carries its own authorization (SAS links, public APIs): never sends a
   * token, follows no redirects. Retries like every call and reads the body whole before answering;
   * a status not worth retrying (403, 404…) comes back as the answer, a transient one that outlasts
   * the retries throws its typed error.
   */
  fetchUnauthenticated(url: string, options?: UnauthenticatedOptions): Promise<BlobResponse>;
  /** GET that must not follow redirects automatically (RateCard answers 302 to a blob). */
  getRaw(path: string, options?: RequestOptions): Promise<{ status: number; headers: Record<string, string>; json?: unknown }>;
}
