// One logical HTTP call with everything that makes it survive Azure: the bearer token (refreshed
// once when ARM says it expired), a timeout per attempt, retries on throttling (waiting for the
// longest retry-after header) and on transient failures (5xx, dropped connections, bodies cut
// short or not parseable), a bound on retries, cancellation at any point, logging and metrics.
import * as crypto from 'crypto';
import fetch, { Response } from 'node-fetch';
import { attemptSignal, sleep, throwIfCancelled } from './abort';
import { Semaphore } from './concurrency';
import { AzureError, cancelledError, errorFromResponse } from './errors';
import { RequestListener } from './instrumentation';
import { Logger, redactUrl } from './log';
import { backoffMs, isRetriableStatus, ResolvedRetryOptions, retryAfterMs, serverWaitMs } from './retryPolicy';
import { TokenSource } from './tokenSource';
import { WatchfulAgent } from './watchfulAgent';

export interface PipelineSettings {
  tokenSource?: TokenSource;
  scope: string;
  tenantId?: string;
  retry: ResolvedRetryOptions;
  timeoutMs: number;
  logger: Logger;
  onRequest?: RequestListener;
  userAgent: string;
  semaphore?: Semaphore;
  agent?: WatchfulAgent;
}

export interface PipelineRequest {
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Send the bearer token (false for SAS links and public APIs). */
  authenticated: boolean;
  /** `manual` hands 3xx answers back instead of following them (RateCard, blob links). */
  redirect?: 'manual' | 'follow';
  /** Hand back the body as a stream once the headers arrive (downloads); otherwise it is read whole. */
  stream?: boolean;
  /** Non-2xx answers that are not retried are returned instead of thrown. */
  returnErrors?: boolean;
}

export interface PipelineResponse {
  status: number;
  headers: Record<string, string>;
  /** The whole body as text (not for `stream`). */
  text?: string;
  /** The parsed body when it is JSON (not for `stream`). */
  json?: unknown;
  stream?: NodeJS.ReadableStream;
}

/** Why one attempt failed, and whether another attempt may help. */
interface AttemptFailure {
  error: AzureError;
  retriable: boolean;
  /** Server-requested wait (ms), when the answer carried one. */
  serverWaitMs?: number;
  /** The answer itself, for callers that take error answers as results (`returnErrors`). */
  response?: PipelineResponse;
}

const AUTH_RETRY_CODES = new Set(['ExpiredAuthenticationToken', 'InvalidAuthenticationToken']);

function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

export async function runRequest(settings: PipelineSettings, request: PipelineRequest): Promise<PipelineResponse> {
  const { retry, logger } = settings;
  const safeUrl = redactUrl(request.url);
  const clientRequestId = crypto.randomUUID();
  let waited = 0;
  let attempt = 0;
  let refreshedToken = false;
  let forceRefresh = false;
  let retriesLeft = retry.maxRetries;

  for (;;) {
    attempt += 1;
    throwIfCancelled(request.signal);
    const outcome = await attemptOnce(settings, request, { attempt, clientRequestId, forceRefresh, safeUrl });
    forceRefresh = false;
    if ('response' in outcome) return outcome.response;
    const failure = outcome.failure;
    if (failure.error.kind === 'cancelled') throw failure.error;

    // A token ARM calls expired or invalid gets one fresh try, outside the retry budget.
    if (failure.error.kind === 'auth' && !refreshedToken && request.authenticated && AUTH_RETRY_CODES.has(failure.error.code ?? '')) {
      refreshedToken = true;
      forceRefresh = true;
      logger.info(`${request.method} ${safeUrl}: ${failure.error.code}; getting a new token and trying again.`);
      continue;
    }
    if (!failure.retriable) throw failure.error;

    const requested = failure.serverWaitMs;
    const givingUp = retriesLeft <= 0 || (requested !== undefined && requested > retry.maxRetryAfterMs);
    // A caller that reads statuses itself (SAS links, public APIs) gets the last answer, not an exception.
    if (givingUp && request.returnErrors && failure.response) return failure.response;
    if (requested !== undefined && requested > retry.maxRetryAfterMs) {
      // Sitting through a very long wait inside a command is worse than telling the person when to come back.
      throw withProgress(failure.error, { retryAfterMs: requested, attempts: attempt, waitedMs: waited });
    }
    if (retriesLeft <= 0) {
      const seconds = (waited / 1000).toFixed(1);
      throw new AzureError({
        kind: 'retriesExhausted',
        message: `${request.method} ${pathOf(safeUrl)} still failed after ${attempt} attempts and ${seconds} s of waiting: ${failure.error.message}`,
        status: failure.error.status,
        code: failure.error.code,
        requestId: failure.error.requestId,
        correlationId: failure.error.correlationId,
        method: request.method,
        url: safeUrl,
        attempts: attempt,
        waitedMs: waited,
        retryAfterMs: failure.error.retryAfterMs,
        lastError: failure.error,
      });
    }
    retriesLeft -= 1;
    const wait = requested !== undefined ? serverWaitMs(requested, retry) : backoffMs(attempt, retry);
    logger.warn(`${request.method} ${safeUrl}: ${describe(failure.error)}; waiting ${(wait / 1000).toFixed(1)} s before attempt ${attempt + 1} of ${retry.maxRetries + 1}.`);
    await sleep(wait, request.signal);
    waited += wait;
  }
}

function withProgress(error: AzureError, extra: { retryAfterMs?: number; attempts: number; waitedMs: number }): AzureError {
  const seconds = Math.ceil((extra.retryAfterMs ?? 0) / 1000);
  return new AzureError({
    kind: error.kind,
    message: `${error.message} Azure asks to wait ${seconds} s before trying again.`,
    status: error.status,
    code: error.code,
    target: error.target,
    details: error.details,
    requestId: error.requestId,
    correlationId: error.correlationId,
    method: error.method,
    url: error.url,
    needsBillingRole: error.needsBillingRole,
    ...extra,
  });
}

function describe(error: AzureError): string {
  if (error.kind === 'throttled') return `throttled (${error.status}${error.code ? ` ${error.code}` : ''})`;
  if (error.status) return `${error.status}${error.code ? ` ${error.code}` : ''}`;
  return error.kind;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

interface AttemptContext {
  attempt: number;
  clientRequestId: string;
  forceRefresh: boolean;
  safeUrl: string;
}

async function attemptOnce(settings: PipelineSettings, request: PipelineRequest, ctx: AttemptContext): Promise<{ response: PipelineResponse } | { failure: AttemptFailure }> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': settings.userAgent,
    'x-ms-client-request-id': ctx.clientRequestId,
    ...lowerKeys(request.headers ?? {}),
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.authenticated) {
    if (!settings.tokenSource) throw new AzureError({ kind: 'auth', message: 'Not signed in to Azure.' });
    const token = await settings.tokenSource.getToken(settings.scope, { signal: request.signal, tenantId: settings.tenantId, forceRefresh: ctx.forceRefresh });
    headers.authorization = `Bearer ${token.token}`;
  } else {
    delete headers.authorization; // SAS links and public APIs must never see a token
  }

  const release = settings.semaphore ? await settings.semaphore.acquire(request.signal) : undefined;
  const timer = attemptSignal(request.signal, settings.timeoutMs);
  const began = Date.now();
  const report = (status: number | undefined, failure?: string) => {
    const durationMs = Date.now() - began;
    settings.onRequest?.({ method: request.method, url: ctx.safeUrl, status, durationMs, attempt: ctx.attempt, failure });
    settings.logger.debug(`${request.method} ${ctx.safeUrl} → ${status ?? failure} in ${durationMs} ms${ctx.attempt > 1 ? ` (attempt ${ctx.attempt})` : ''}`);
  };
  let res: Response | undefined;
  let cutShort = false;
  let streamBody: NodeJS.ReadableStream | undefined;
  const unwatch = settings.agent?.watch(ctx.clientRequestId, () => {
    cutShort = true;
    const brokenDownload = new AzureError({ kind: 'network', message: `${request.method} ${pathOf(ctx.safeUrl)}: the connection closed before the whole answer arrived.` });
    if (streamBody) (streamBody as unknown as { destroy(e: Error): void }).destroy(brokenDownload);
    else timer.interrupt();
  });
  try {
    res = await fetch(request.url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      // A request that carries a token is never redirected by the library (redirects.ts).
      redirect: request.authenticated ? 'manual' : (request.redirect ?? 'follow'),
      signal: timer.signal as never,
      agent: settings.agent,
      compress: true,
    });
    const resHeaders = headersOf(res);
    if (request.stream && res.ok) {
      // The timeout guards the wait for headers; a long download is limited by cancellation only.
      timer.clearTimeout();
      const body = res.body;
      streamBody = body;
      const done = () => {
        timer.dispose();
        unwatch?.();
      };
      body.once('end', done);
      body.once('close', done);
      body.once('error', done);
      report(res.status);
      return { response: { status: res.status, headers: resHeaders, stream: body } };
    }
    const text = await res.text();
    timer.dispose();
    unwatch?.();
    release?.();
    report(res.status);
    return classify(request, ctx, res.status, resHeaders, text);
  } catch (e) {
    timer.dispose();
    unwatch?.();
    const kind = request.signal?.aborted ? 'cancelled' : timer.timedOut() ? 'timeout' : 'network';
    report(res?.status, kind);
    if (kind === 'cancelled') return { failure: { error: cancelledError(`${request.method} ${pathOf(ctx.safeUrl)}`), retriable: false } };
    const message = kind === 'timeout'
      ? `${request.method} ${pathOf(ctx.safeUrl)} got no complete answer within ${settings.timeoutMs} ms.`
      : cutShort
        ? `${request.method} ${pathOf(ctx.safeUrl)}: the connection closed before the whole answer arrived.`
        : `${request.method} ${pathOf(ctx.safeUrl)} failed on the network${res ? ' while reading the answer' : ''}: ${(e as Error).message}`;
    return { failure: { error: new AzureError({ kind, message, method: request.method, url: ctx.safeUrl, status: res?.status, cause: e }), retriable: true } };
  } finally {
    release?.();
  }
}

function classify(request: PipelineRequest, ctx: AttemptContext, status: number, headers: Record<string, string>, text: string): { response: PipelineResponse } | { failure: AttemptFailure } {
  if (status >= 200 && status < 400) {
    const isJson = /json/i.test(headers['content-type'] ?? '') || /^\s*[[{]/.test(text);
    if (!isJson || text.trim() === '' || status === 204) return { response: { status, headers, text } };
    try {
      return { response: { status, headers, text, json: JSON.parse(text) } };
    } catch (e) {
      // Every call this client makes is a read or an idempotent write, so reading again is safe.
      const error = new AzureError({
        kind: 'invalidResponse',
        message: `${request.method} ${pathOf(ctx.safeUrl)} answered ${status} with a body that is not valid JSON (${(e as Error).message}).`,
        status,
        method: request.method,
        url: ctx.safeUrl,
        requestId: headers['x-ms-request-id'],
        correlationId: headers['x-ms-correlation-request-id'],
      });
      return { failure: { error, retriable: true } };
    }
  }
  const retriable = isRetriableStatus(status);
  if (!retriable && request.returnErrors) return { response: { status, headers, text } };
  const wait = retriable ? retryAfterMs(headers) : undefined;
  const error = errorFromResponse({ status, headers, text, method: request.method, url: ctx.safeUrl }, { retryAfterMs: wait });
  return { failure: { error, retriable, serverWaitMs: wait, response: { status, headers, text } } };
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}
