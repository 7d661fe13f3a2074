// One logical HTTP call with everything that makes it survive Azure, on @azure/core-rest-pipeline
// (docs/networking.md): the user agent and a client request id, the project's retry rules as a
// retry strategy (retryStrategy.ts: every retry-after header, a cap on waiting, a bound on
// attempts), the bearer token refreshed once on a 401 challenge (tokenPolicy.ts), each answer
// judged whole (answers.ts), and at the bottom node-fetch as the HTTP client (nodeFetchClient.ts:
// concurrency limit, proxy, per-attempt time limits, the body read whole inside its attempt), so
// a body that breaks is retried with the whole request and no caller ever gets half of one. Every
// failure leaves as one typed `AzureError`.
import {
  createEmptyPipeline,
  createHttpHeaders,
  createPipelineRequest,
  HttpClient,
  HttpMethods,
  Pipeline,
  retryPolicy,
  setClientRequestIdPolicy,
  userAgentPolicy,
} from '@azure/core-rest-pipeline';
import { answerPolicy } from './answers';
import { attemptOf, bindCall, CallContext } from './callContext';
import { Semaphore } from './concurrency';
import { ConnectionPool } from './connections';
import { AzureError, cancelledError } from './errors';
import { RequestListener } from './instrumentation';
import { Logger, redactUrl } from './log';
import { nodeFetchHttpClient } from './nodeFetchClient';
import { ResolvedRetryOptions } from './retryPolicy';
import { projectRetryStrategy } from './retryStrategy';
import { tokenPolicy } from './tokenPolicy';
import { TokenSource } from './tokenSource';

export interface PipelineOptions {
  tokenSource?: TokenSource;
  scope: string;
  tenantId?: string;
  retry: ResolvedRetryOptions;
  /** Per attempt: the whole of a JSON answer, the headers of a `bytes` one. */
  timeoutMs: number;
  /** Per attempt: the longest a body may send nothing once the headers are in. */
  idleTimeoutMs: number;
  logger: Logger;
  onRequest?: RequestListener;
  /** Leads the User-Agent header, e.g. `azure-billing-insight/0.1.0 VSCode/1.105.0`. */
  userAgent: string;
  semaphore?: Semaphore;
  connections: ConnectionPool;
}

/** The two pipelines of a client (with and without the token) and the HTTP client under both. */
export interface PipelineSettings {
  logger: Logger;
  authenticated: Pipeline;
  anonymous: Pipeline;
  httpClient: HttpClient;
}

export function createPipelines(options: PipelineOptions): PipelineSettings {
  const build = (withToken: boolean): Pipeline => {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(userAgentPolicy({ userAgentPrefix: options.userAgent }));
    pipeline.addPolicy(setClientRequestIdPolicy());
    // The strategy decides every failure itself (retries used up included), so the policy's own
    // bound is one above it and never the one that stops.
    pipeline.addPolicy(retryPolicy([projectRetryStrategy(options.retry, options.logger)], { maxRetries: options.retry.maxRetries + 1 }));
    if (withToken) {pipeline.addPolicy(tokenPolicy(options));}
    pipeline.addPolicy(answerPolicy());
    return pipeline;
  };
  return {
    logger: options.logger,
    authenticated: build(true),
    anonymous: build(false),
    httpClient: nodeFetchHttpClient(options),
  };
}

export interface PipelineRequest {
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Send the bearer token (false for SAS links and public APIs). */
  authenticated: boolean;
  /**
   * The pipeline never follows a redirect itself (a token must not travel with one); `follow` tells
   * `ArmClient` to make the hops without credentials (redirects.ts), `manual` hands a 3xx back.
   */
  redirect?: 'manual' | 'follow';
  /** The body as bytes (documents, public APIs) instead of an ARM JSON answer. */
  bytes?: BytesExpectation;
  /**
   * Non-2xx answers that are not worth another attempt (403, 404…) are returned instead of thrown.
   * Transient ones (429, 5xx) that outlast the retries still throw their typed error.
   */
  returnErrors?: boolean;
}

export interface BytesExpectation {
  /** Refuse (not retried) a body larger than this. */
  maxBytes: number;
  /** A 2xx body must be JSON; a broken one is retried like a broken ARM answer, and comes back parsed. */
  json?: boolean;
  /** Looks at a 2xx body; a problem it names (a document cut short) is retried the same way. */
  check?: (body: Buffer) => string | undefined;
}

export interface PipelineResponse {
  status: number;
  headers: Record<string, string>;
  /** The whole body as text (not for a 2xx `bytes` answer). */
  text?: string;
  /** The parsed body when it is JSON. */
  json?: unknown;
  /** The whole body of a 2xx `bytes` answer. */
  body?: Buffer;
}

export async function runRequest(settings: PipelineSettings, request: PipelineRequest): Promise<PipelineResponse> {
  const safeUrl = redactUrl(request.url);
  const what = `${request.method} ${pathOf(safeUrl)}`;
  if (request.signal?.aborted) {throw cancelledError(what);}
  const headers = createHttpHeaders({ accept: 'application/json', ...lowerKeys(request.headers ?? {}) });
  if (request.body !== undefined) {headers.set('content-type', 'application/json');}
  // SAS links and public APIs must never see a token.
  if (!request.authenticated) {headers.delete('authorization');}
  const coreRequest = createPipelineRequest({
    url: request.url,
    method: request.method.toUpperCase() as HttpMethods,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    abortSignal: request.signal,
  });
  const call: CallContext = { request, safeUrl, attempt: 0, waitedMs: 0, refreshedToken: false };
  bindCall(coreRequest, call);
  try {
    await (request.authenticated ? settings.authenticated : settings.anonymous).sendRequest(settings.httpClient, coreRequest);
  } catch (e) {
    throw typedError(e, request, what);
  }
  if (!call.result) {throw new AzureError({ kind: 'invalidResponse', message: `${what} ended without an answer.`, method: request.method, url: safeUrl });}
  return call.result;
}

/** Whatever left the pipeline, as the one typed error callers know. */
function typedError(error: unknown, request: PipelineRequest, what: string): AzureError {
  if (error instanceof AzureError) {return error;}
  const attempt = attemptOf(error);
  if (attempt) {return attempt.failure.error;}
  if (request.signal?.aborted || (error instanceof Error && error.name === 'AbortError')) {return cancelledError(what);}
  return new AzureError({ kind: 'network', message: `${what} failed: ${error instanceof Error ? error.message : String(error)}`, method: request.method, url: redactUrl(request.url), cause: error });
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {out[k.toLowerCase()] = v;}
  return out;
}
