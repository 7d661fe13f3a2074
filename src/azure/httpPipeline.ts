// One logical HTTP call with everything that makes it survive Azure: the bearer token (refreshed
// once when ARM says it expired), a timeout per attempt, retries on throttling (waiting for the
// longest retry-after header) and on transient failures (5xx, dropped connections, bodies cut
// short, stalled or not parseable), a bound on retries, cancellation at any point, logging and
// metrics. Every body, documents included, is read whole inside its attempt (bodyReader.ts), so a
// body that breaks is retried with the whole request and no caller ever gets half of one.
import * as crypto from 'crypto';
import fetch, { Response } from 'node-fetch';
import { attemptSignal, sleep, throwIfCancelled } from './abort';
import { BodyTooLargeError, readWholeBody } from './bodyReader';
import { Semaphore } from './concurrency';
import { classify, Outcome } from './answers';
import { AzureError, cancelledError } from './errors';
import { RequestListener } from './instrumentation';
import { Logger, redactUrl } from './log';
import { backoffMs, ResolvedRetryOptions, serverWaitMs } from './retryPolicy';
import { TokenSource } from './tokenSource';
import { WatchfulAgent } from './watchfulAgent';

export interface PipelineSettings {
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
    if ('response' in outcome) { return outcome.response; }
    const failure = outcome.failure;
    if (failure.error.kind === 'cancelled') { throw failure.error; }

    // A token ARM calls expired or invalid gets one fresh try, outside the retry budget.
    if (failure.error.kind === 'auth' && !refreshedToken && request.authenticated && AUTH_RETRY_CODES.has(failure.error.code ?? '')) {
      refreshedToken = true;
      forceRefresh = true;
      logger.info(`${request.method} ${safeUrl}: ${failure.error.code}; getting a new token and trying again.`);
      continue;
    }
    if (!failure.retriable) { throw failure.error; }

    const requested = failure.serverWaitMs;
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

/** The failure in a few words for the retry line; a status alone would hide that its body broke. */
function describe(error: AzureError): string {
  if (error.kind === 'throttled') { return `throttled (${error.status}${error.code ? ` ${error.code}` : ''})`; }
  if (error.kind === 'network') { return error.status ? `the connection broke while ${error.status} was arriving` : 'network failure'; }
  if (error.kind === 'timeout') { return error.status ? `the ${error.status} answer stopped arriving` : 'no answer in time'; }
  if (error.kind === 'invalidResponse') { return `an unreadable ${error.status ?? ''} answer`.replace('  ', ' '); }
  if (error.status) { return `${error.status}${error.code ? ` ${error.code}` : ''}`; }
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

async function attemptOnce(settings: PipelineSettings, request: PipelineRequest, ctx: AttemptContext): Promise<Outcome> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': settings.userAgent,
    'x-ms-client-request-id': ctx.clientRequestId,
    ...lowerKeys(request.headers ?? {}),
  };
  if (request.body !== undefined) { headers['content-type'] = 'application/json'; }
  if (request.authenticated) {
    if (!settings.tokenSource) { throw new AzureError({ kind: 'auth', message: 'Not signed in to Azure.' }); }
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
  let stalled = false;
  const unwatch = settings.agent?.watch(ctx.clientRequestId, () => {
    cutShort = true;
    timer.interrupt();
  });
  try {
    res = await fetch(request.url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      // A request that carries a token is never redirected by the library (redirects.ts).
      redirect: request.authenticated ? 'manual' : (request.redirect ?? 'follow'),
      signal: timer.signal,
      agent: settings.agent,
      compress: true,
    });
    const resHeaders = headersOf(res);
    // A document may take long to arrive as a whole: once its headers are in, only the idle limit
    // guards it. A JSON answer keeps its limit for the whole answer as well.
    if (request.bytes && res.ok) { timer.clearTimeout(); }
    const body = await readWholeBody(res.body, {
      idleTimeoutMs: settings.idleTimeoutMs,
      maxBytes: request.bytes && res.ok ? request.bytes.maxBytes : undefined,
      onIdle: () => {
        stalled = true;
        timer.expire();
      },
      onTooLarge: () => timer.interrupt(),
    });
    timer.dispose();
    unwatch?.();
    release?.();
    report(res.status);
    return classify(request, ctx.safeUrl, res.status, resHeaders, body);
  } catch (e) {
    timer.dispose();
    unwatch?.();
    if (e instanceof BodyTooLargeError) {
      report(res?.status, 'tooLarge');
      const message = `${request.method} ${pathOf(ctx.safeUrl)}: ${e.message}`;
      return { failure: { error: new AzureError({ kind: 'invalidResponse', message, method: request.method, url: ctx.safeUrl, status: res?.status }), retriable: false } };
    }
    const kind = request.signal?.aborted ? 'cancelled' : timer.timedOut() ? 'timeout' : 'network';
    report(res?.status, kind);
    if (kind === 'cancelled') { return { failure: { error: cancelledError(`${request.method} ${pathOf(ctx.safeUrl)}`), retriable: false } }; }
    const what = `${request.method} ${pathOf(ctx.safeUrl)}`;
    const message = kind === 'timeout'
      ? stalled
        ? `${what}: the answer stopped arriving (nothing for ${settings.idleTimeoutMs} ms).`
        : `${what} got no complete answer within ${settings.timeoutMs} ms.`
      : cutShort
        ? `${what}: the connection closed before the whole answer arrived.`
        : `${what} failed on the network${res ? ' while reading the answer' : ''}: ${(e as Error).message}`;
    return { failure: { error: new AzureError({ kind, message, method: request.method, url: ctx.safeUrl, status: res?.status, cause: e }), retriable: true } };
  } finally {
    release?.();
  }
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) { out[k.toLowerCase()] = v; }
  return out;
}
