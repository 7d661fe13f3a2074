// The project's retry rules (retryPolicy.ts) as a retry strategy for @azure/core-rest-pipeline's
// `retryPolicy`: wait for the longest retry-after header any resource provider sent (Cost
// Management's own `x-ms-ratelimit-…-retry-after` included), back off with jitter otherwise,
// refuse to sit through a wait longer than the cap (the error then says how long Azure asked
// for), and once the retries are used up, say how many attempts were made and how long was
// waited. Only failures the attempt itself called worth another try are retried.
import type { RetryStrategy } from '@azure/core-rest-pipeline';
import { attemptOf } from './callContext';
import { AzureError } from './errors';
import { Logger } from './log';
import { backoffMs, ResolvedRetryOptions, serverWaitMs } from './retryPolicy';

export function projectRetryStrategy(retry: ResolvedRetryOptions, logger: Logger): RetryStrategy {
  return {
    name: 'azureBillingRetry',
    retry({ retryCount, responseError }) {
      // A success, or an error that is not an attempt's (a token that could not be had): not ours.
      const attempt = attemptOf(responseError);
      if (!attempt) {return { skipStrategy: true };}
      const { failure, call } = attempt;
      const request = call.request;
      if (!failure.retriable) {return { errorToThrow: failure.error };}
      const requested = failure.serverWaitMs;
      if (requested !== undefined && requested > retry.maxRetryAfterMs) {
        // Sitting through a very long wait inside a command is worse than telling the person when to come back.
        return { errorToThrow: withProgress(failure.error, { retryAfterMs: requested, attempts: call.attempt, waitedMs: call.waitedMs }) };
      }
      if (retryCount >= retry.maxRetries) {
        const seconds = (call.waitedMs / 1000).toFixed(1);
        return {
          errorToThrow: new AzureError({
            kind: 'retriesExhausted',
            message: `${request.method} ${pathOf(call.safeUrl)} still failed after ${call.attempt} attempts and ${seconds} s of waiting: ${failure.error.message}`,
            status: failure.error.status,
            code: failure.error.code,
            requestId: failure.error.requestId,
            correlationId: failure.error.correlationId,
            method: request.method,
            url: call.safeUrl,
            attempts: call.attempt,
            waitedMs: call.waitedMs,
            retryAfterMs: failure.error.retryAfterMs,
            lastError: failure.error,
          }),
        };
      }
      const wait = requested !== undefined ? serverWaitMs(requested, retry) : backoffMs(retryCount + 1, retry);
      logger.warn(`${request.method} ${call.safeUrl}: ${describe(failure.error)}; waiting ${(wait / 1000).toFixed(1)} s before attempt ${call.attempt + 1} of ${retry.maxRetries + 1}.`);
      call.waitedMs += wait;
      return { retryAfterInMs: wait };
    },
  };
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
  if (error.kind === 'throttled') {return `throttled (${error.status}${error.code ? ` ${error.code}` : ''})`;}
  if (error.kind === 'network') {return error.status ? `the connection broke while ${error.status} was arriving` : 'network failure';}
  if (error.kind === 'timeout') {return error.status ? `the ${error.status} answer stopped arriving` : 'no answer in time';}
  if (error.kind === 'invalidResponse') {return `an unreadable ${error.status ?? ''} answer`.replace('  ', ' ');}
  if (error.status) {return `${error.status}${error.code ? ` ${error.code}` : ''}`;}
  return error.kind;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
