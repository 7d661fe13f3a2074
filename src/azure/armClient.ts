// The ARM client every `billing/` module talks through (the `ArmTransport` contract). It turns
// paths into URLs, adds the headers Azure expects, and leaves resilience to the pipeline.
import { Readable } from 'stream';
import { CloudEndpoints } from './clouds';
import { Semaphore } from './concurrency';
import { RequestListener } from './instrumentation';
import { Logger, redactingLogger, registerSecret, silentLogger } from './log';
import { pollToCompletion } from './longRunning';
import type { Listing } from './listing';
import { PageReport, pagedListing, queryPageIterator } from './paging';
import type { ConnectionPool } from './connections';
import type { PipelineOptions, PipelineRequest, PipelineResponse, PipelineSettings } from './httpPipeline';
import { proxyCredentials, ProxyOptions } from './proxy';
import { resolveRetryOptions, RetryOptions } from './retryPolicy';
import { TokenSource } from './tokenSource';
import type { ArmTransport, BlobResponse, ListOptions, LongRunningOptions, QueryPage, RequestOptions, UnauthenticatedOptions } from './transport';
import { buildArmUrl, isCostManagementUrl } from './urls';

export interface ArmClientOptions {
  /** The cloud to talk to; or give `endpoint` and `scope` directly. */
  cloud?: CloudEndpoints;
  endpoint?: string;
  scope?: string;
  tokenSource: TokenSource;
  /** Tenant to ask tokens for (default: the source's own). */
  tenantId?: string;
  logger?: Logger;
  /**
   * Values to scrub besides the usual patterns (e.g. a client secret): registered with the
   * redaction, so the errors this client raises and every other log line are scrubbed too.
   */
  knownSecrets?: string[];
  /** Sees every HTTP attempt (benchmarks, diagnostics). */
  onRequest?: RequestListener;
  retry?: RetryOptions;
  /** Per-attempt limit for an answer to arrive in full (default 60 s); for a document, for its headers. */
  timeoutMs?: number;
  /** Per-attempt limit for a body to send nothing once its headers are in (default 30 s). */
  idleTimeoutMs?: number;
  /**
   * Sent as `ClientType` to Cost Management so we get our own throttling bucket
   * (docs/azure-apis.md#cost-management-throttling).
   */
  clientType?: string;
  /** Leads the User-Agent header (default `azure-billing-insight`); the views add the versions. */
  userAgent?: string;
  /** The proxy to reach Azure through (proxy.ts); none: direct. */
  proxy?: ProxyOptions;
  /** Requests in flight at once, across every caller of this client (default 8). */
  maxConcurrentRequests?: number;
  /** Long-running operations: wait when the service names none, and the fastest polling allowed. */
  defaultPollMs?: number;
  minPollMs?: number;
}

const DEFAULT_CLIENT_TYPE = 'azure-billing-insight';
/** RateCard documents are tens of MB; far above any real document, low enough to protect the editor's heap. */
const MAX_UNAUTHENTICATED_BYTES = 256 * 1024 * 1024;

type PipelineModule = typeof import('./pipelineEntry');

/** The pipeline of a client, built on its first request. */
interface Pipeline {
  module: PipelineModule;
  settings: PipelineSettings;
  connections: ConnectionPool;
}

export class ArmClient implements ArmTransport {
  readonly endpoint: string;
  private readonly options: Omit<PipelineOptions, 'connections'> & { proxy?: ProxyOptions; maxSockets: number };
  private pipeline?: Promise<Pipeline>;
  private readonly clientType: string;
  private readonly defaultPollMs: number;
  private readonly minPollMs: number;

  constructor(options: ArmClientOptions) {
    const endpoint = options.endpoint ?? options.cloud?.resourceManagerEndpoint;
    const scope = options.scope ?? options.cloud?.scope;
    if (!endpoint || !scope) {throw new Error('ArmClient needs a cloud, or an endpoint and a token scope.');}
    this.endpoint = endpoint.replace(/\/+$/, '');
    this.clientType = options.clientType ?? DEFAULT_CLIENT_TYPE;
    this.defaultPollMs = options.defaultPollMs ?? 10_000;
    this.minPollMs = options.minPollMs ?? 1_000;
    // Registered once for every later redaction, this client's log lines included; a proxy's
    // password as well, should a library quote its URL.
    for (const secret of [...(options.knownSecrets ?? []), ...proxyCredentials(options.proxy)]) {registerSecret(secret);}
    this.options = {
      tokenSource: options.tokenSource,
      scope,
      tenantId: options.tenantId,
      retry: resolveRetryOptions(options.retry),
      timeoutMs: options.timeoutMs ?? 60_000,
      idleTimeoutMs: options.idleTimeoutMs ?? 30_000,
      logger: redactingLogger(options.logger ?? silentLogger),
      onRequest: options.onRequest,
      userAgent: options.userAgent ?? DEFAULT_CLIENT_TYPE,
      semaphore: new Semaphore(options.maxConcurrentRequests ?? 8),
      proxy: options.proxy,
      maxSockets: options.maxConcurrentRequests ?? 8,
    };
  }

  /** The pipeline, loaded and built on the first request (pipelineEntry.ts says why). */
  private loadPipeline(): Promise<Pipeline> {
    this.pipeline ??= import('./pipelineEntry').then((module) => {
      const connections = new module.ConnectionPool(this.options.proxy, this.options.maxSockets);
      return { module, connections, settings: module.createPipelines({ ...this.options, connections }) };
    });
    return this.pipeline;
  }

  private async run(request: PipelineRequest): Promise<PipelineResponse> {
    const { module, settings } = await this.loadPipeline();
    return module.runRequest(settings, request);
  }

  /** Closes idle keep-alive connections. */
  dispose(): void {
    void this.pipeline?.then((p) => p.connections.destroy(), () => undefined);
  }

  async get<T>(path: string, options: RequestOptions = {}): Promise<T | undefined> {
    const res = await this.arm('GET', this.url(path, options), undefined, options);
    return res.json as T | undefined;
  }

  async send<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown, options: RequestOptions = {}): Promise<T | undefined> {
    const res = await this.arm(method, this.url(path, options), body, options);
    return res.json as T | undefined;
  }

  async delete(path: string, options: RequestOptions = {}): Promise<void> {
    await this.arm('DELETE', this.url(path, options), undefined, options);
  }

  list<T>(path: string, options: ListOptions = {}): Listing<T, PageReport> {
    const first = this.url(path, options);
    // A nextLink already carries api-version and the continuation token: fetch it as given.
    const fetchPage = async (next: string | undefined, signal: AbortSignal) =>
      (await this.arm('GET', next ? buildArmUrl(this.endpoint, next) : first, undefined, { ...options, signal })).json;
    return pagedListing<T>(fetchPage, options.paging ?? 'value', options);
  }

  queryPages(path: string, body: unknown, options: RequestOptions = {}): AsyncIterable<QueryPage> {
    const first = this.url(path, options);
    const fetchPage = async (next: string | undefined, signal: AbortSignal) =>
      (await this.arm('POST', next ? buildArmUrl(this.endpoint, next) : first, body, { ...options, signal })).json;
    return { [Symbol.asyncIterator]: () => queryPageIterator(fetchPage, options.signal) };
  }

  async longRunning<T>(path: string, body: unknown, options: LongRunningOptions = {}): Promise<T> {
    const url = this.url(path, options);
    const start = await this.arm('POST', url, body, options);
    const get = (pollUrl: string) => this.arm('GET', buildArmUrl(this.endpoint, pollUrl), undefined, { headers: options.headers, signal: options.signal });
    return pollToCompletion<T>(start, get, {
      defaultPollMs: this.defaultPollMs,
      minPollMs: this.minPollMs,
      maxWaitMs: options.maxWaitMs ?? 5 * 60_000,
      signal: options.signal,
      onPoll: options.onPoll,
    }, `The operation at ${new URL(url).pathname}`);
  }

  async fetchUnauthenticated(url: string, options: UnauthenticatedOptions = {}): Promise<BlobResponse> {
    const headers = Object.fromEntries(Object.entries(options.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'authorization'));
    const res = await this.run({
      method: 'GET', url, headers: { accept: '*/*', ...headers }, signal: options.signal,
      authenticated: false, redirect: 'manual', returnErrors: true,
      bytes: { maxBytes: options.maxBytes ?? MAX_UNAUTHENTICATED_BYTES, json: options.expectJson, check: options.checkBody },
    });
    const body = res.body ?? Buffer.from(res.text ?? '');
    return { status: res.status, headers: res.headers, body: Readable.from([body]), contentLength: body.length, ...(res.json === undefined ? {} : { json: res.json }) };
  }

  async getRaw(path: string, options: RequestOptions = {}): Promise<{ status: number; headers: Record<string, string>; json?: unknown }> {
    const res = await this.arm('GET', this.url(path, options), undefined, options, 'manual');
    return { status: res.status, headers: res.headers, json: res.json };
  }

  private url(path: string, options: RequestOptions): string {
    return buildArmUrl(this.endpoint, path, options.query);
  }

  /** `follow` makes redirect hops without credentials (redirects.ts); `manual` hands a 3xx back. */
  private async arm(method: string, url: string, body: unknown, options: RequestOptions, redirect: PipelineRequest['redirect'] = 'follow'): Promise<PipelineResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (isCostManagementUrl(url) && !Object.keys(headers).some((h) => h.toLowerCase() === 'clienttype')) {headers.ClientType = this.clientType;}
    const request: PipelineRequest = { method, url, body, headers, signal: options.signal, authenticated: true, redirect: 'manual' };
    const { module, settings } = await this.loadPipeline();
    const response = await module.runRequest(settings, request);
    return redirect === 'follow' && module.isRedirect(response.status) ? module.followWithoutCredentials(settings, request, response) : response;
  }
}
