// The `HttpClient` at the bottom of the pipeline: one attempt, sent with node-fetch. It waits for
// a slot under the client's concurrency limit, picks the connection (direct or through the proxy),
// bounds the attempt in time, and reads the whole body inside the attempt (bodyReader.ts), so a
// body that breaks, stalls or is cut short is one more failed attempt, retried like any other,
// and no policy above ever holds half of one. Every failure leaves as an attempt error (callContext.ts) carrying
// the typed `AzureError`; every attempt is reported (onRequest) and logged.
import fetch, { Response } from 'node-fetch';
import { createHttpHeaders, HttpClient, PipelineRequest as CoreRequest, PipelineResponse as CoreResponse } from '@azure/core-rest-pipeline';
import { attemptSignal } from './abort';
import { AttemptFailure } from './answers';
import { BodyTooLargeError, readWholeBody } from './bodyReader';
import { attemptError, attemptOf, callOf, keepBody } from './callContext';
import { Semaphore } from './concurrency';
import { ConnectionPool, ProxyRefusal } from './connections';
import { AzureError, cancelledError } from './errors';
import { RequestListener } from './instrumentation';
import { Logger } from './log';
import { ATTEMPT_HEADER, watchAnswer } from './responseWatch';

export interface AttemptLimits {
  /** Per attempt: the whole of a JSON answer, the headers of a `bytes` one. */
  timeoutMs: number;
  /** Per attempt: the longest a body may send nothing once the headers are in. */
  idleTimeoutMs: number;
}

export interface NodeFetchClientOptions extends AttemptLimits {
  connections: ConnectionPool;
  semaphore?: Semaphore;
  logger: Logger;
  onRequest?: RequestListener;
}

function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** A signal of the pipeline (AbortSignalLike) as the DOM type the helpers take. */
function callerSignal(request: CoreRequest): AbortSignal | undefined {
  return request.abortSignal as AbortSignal | undefined;
}

export function nodeFetchHttpClient(options: NodeFetchClientOptions): HttpClient {
  return { sendRequest: (request) => sendAttempt(options, request) };
}

async function sendAttempt(options: NodeFetchClientOptions, coreRequest: CoreRequest): Promise<CoreResponse> {
  const call = callOf(coreRequest);
  const request = call.request;
  call.attempt += 1;
  const attempt = call.attempt;
  const what = `${request.method} ${pathOf(call.safeUrl)}`;
  const signal = callerSignal(coreRequest);
  const fail = (failure: AttemptFailure, response?: CoreResponse): never => {
    call.lastFailure = failure;
    throw attemptError(failure, coreRequest, response);
  };
  if (signal?.aborted) {fail({ error: cancelledError(what), retriable: false });}

  const route = options.connections.routeFor(coreRequest.url);
  const release = options.semaphore ? await options.semaphore.acquire(signal) : undefined;
  const timer = attemptSignal(signal, options.timeoutMs);
  const began = Date.now();
  const report = (status: number | undefined, failure?: string) => {
    const durationMs = Date.now() - began;
    options.onRequest?.({ method: request.method, url: call.safeUrl, status, durationMs, attempt, failure });
    options.logger.debug(`${request.method} ${call.safeUrl} → ${status ?? failure} in ${durationMs} ms${attempt > 1 ? ` (attempt ${attempt})` : ''}${route.proxy ? ` via ${route.proxy}` : ''}`);
  };
  const id = coreRequest.headers.get(ATTEMPT_HEADER) ?? coreRequest.requestId;
  let res: Response | undefined;
  let cutShort = false;
  let stalled = false;
  const unwatch = watchAnswer(id, () => {
    cutShort = true;
    timer.interrupt();
  });
  try {
    res = await fetch(coreRequest.url, {
      method: request.method,
      headers: coreRequest.headers.toJSON(),
      body: typeof coreRequest.body === 'string' ? coreRequest.body : undefined,
      // Redirects are never followed by the library: a token must not travel with one (redirects.ts).
      redirect: 'manual',
      signal: timer.signal,
      agent: route.agent,
      compress: true,
    });
    // A 407 comes only from a proxy: also one the editor itself put in the way (http.proxySupport).
    const refusal = options.connections.takeRefusal(id) ?? (res.status === 407 ? { status: 407, statusText: res.statusText, proxy: route.proxy } : undefined);
    if (refusal) {
      res.body.resume();
      report(res.status, 'proxy');
      return fail(proxyRefused(what, call.safeUrl, request.method, refusal));
    }
    const resHeaders = headersOf(res);
    // A document may take long to arrive as a whole: once its headers are in, only the idle limit
    // guards it. A JSON answer keeps its limit for the whole answer as well.
    if (request.bytes && res.ok) {timer.clearTimeout();}
    const body = await readWholeBody(res.body, {
      idleTimeoutMs: options.idleTimeoutMs,
      maxBytes: request.bytes && res.ok ? request.bytes.maxBytes : undefined,
      onIdle: () => {
        stalled = true;
        timer.expire();
      },
      onTooLarge: () => timer.interrupt(),
    });
    report(res.status);
    const response: CoreResponse = { request: coreRequest, status: res.status, headers: createHttpHeaders(resHeaders) };
    keepBody(response, body);
    return response;
  } catch (e) {
    if (attemptOf(e)) {throw e;}
    options.connections.takeRefusal(id);
    if (e instanceof BodyTooLargeError) {
      report(res?.status, 'tooLarge');
      return fail({ error: new AzureError({ kind: 'invalidResponse', message: `${what}: ${e.message}`, method: request.method, url: call.safeUrl, status: res?.status }), retriable: false });
    }
    const kind = signal?.aborted ? 'cancelled' : timer.timedOut() ? 'timeout' : 'network';
    report(res?.status, kind);
    if (kind === 'cancelled') {return fail({ error: cancelledError(what), retriable: false });}
    const via = route.proxy ? ` through the proxy ${route.proxy}` : '';
    const message = kind === 'timeout'
      ? stalled
        ? `${what}: the answer stopped arriving (nothing for ${options.idleTimeoutMs} ms).`
        : `${what} got no complete answer within ${options.timeoutMs} ms${via}.`
      : cutShort
        ? `${what}: the connection closed before the whole answer arrived.`
        : `${what} failed on the network${res ? ' while reading the answer' : ''}${via}: ${(e as Error).message}`;
    return fail({ error: new AzureError({ kind, message, method: request.method, url: call.safeUrl, status: res?.status, cause: e }), retriable: true });
  } finally {
    timer.dispose();
    unwatch();
    release?.();
  }
}

/**
 * The proxy answered CONNECT with something other than 200: the request never reached Azure. A
 * 407 (credentials missing or wrong) or 403 will not change on another attempt; anything else
 * (a proxy that could not reach Azure, 502/503) may.
 */
function proxyRefused(what: string, safeUrl: string, method: string, refusal: ProxyRefusal): AttemptFailure {
  const reason = refusal.status === 407
    ? 'it asks for a user name and password (407 Proxy Authentication Required); check the ones in http.proxy or HTTPS_PROXY'
    : `it answered ${refusal.status}${refusal.statusText ? ` ${refusal.statusText}` : ''}`;
  const error = new AzureError({ kind: 'network', message: `${what}: the proxy${refusal.proxy ? ` ${refusal.proxy}` : ''} refused to connect to Azure: ${reason}.`, method, url: safeUrl, status: refusal.status });
  return { error, retriable: refusal.status !== 407 && refusal.status !== 403 };
}
