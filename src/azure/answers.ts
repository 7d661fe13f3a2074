// What one answer means for the call: a result, a failure worth another attempt, or a failure that
// ends the call. Decided from the status and the whole body, which the attempt has already read.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { attemptError, bodyOf, callOf } from './callContext';
import { AzureError, errorFromResponse } from './errors';
import type { BytesExpectation, PipelineRequest, PipelineResponse } from './httpPipeline';
import { isRetriableStatus, retryAfterMs } from './retryPolicy';

/** Why one attempt failed, and whether another attempt may help. */
export interface AttemptFailure {
  error: AzureError;
  retriable: boolean;
  /** Server-requested wait (ms), when the answer carried one. */
  serverWaitMs?: number;
}

export type Outcome = { response: PipelineResponse } | { failure: AttemptFailure };

/** A 2xx whose body is not what was promised: worth another attempt (every call here may be repeated). */
function brokenAnswer(request: PipelineRequest, safeUrl: string, status: number, headers: Record<string, string>, problem: string): Outcome {
  const error = new AzureError({
    kind: 'invalidResponse',
    message: `${request.method} ${pathOf(safeUrl)} answered ${status} with ${problem}.`,
    status,
    method: request.method,
    url: safeUrl,
    requestId: headers['x-ms-request-id'],
    correlationId: headers['x-ms-correlation-request-id'],
  });
  return { failure: { error, retriable: true } };
}

export function classify(request: PipelineRequest, safeUrl: string, status: number, headers: Record<string, string>, body: Buffer): Outcome {
  if (status >= 200 && status < 300 && request.bytes) { return classifyBytes(request, request.bytes, safeUrl, status, headers, body); }
  const text = body.toString('utf8');
  if (status >= 200 && status < 400) {
    const isJson = /json/i.test(headers['content-type'] ?? '') || /^\s*[[{]/.test(text);
    if (!isJson || text.trim() === '' || status === 204) { return { response: { status, headers, text } }; }
    try {
      return { response: { status, headers, text, json: JSON.parse(text) } };
    } catch (e) {
      return brokenAnswer(request, safeUrl, status, headers, `a body that is not valid JSON (${(e as Error).message})`);
    }
  }
  const retriable = isRetriableStatus(status);
  if (!retriable && request.returnErrors) { return { response: { status, headers, text } }; }
  const wait = retriable ? retryAfterMs(headers) : undefined;
  const error = errorFromResponse({ status, headers, text, method: request.method, url: safeUrl }, { retryAfterMs: wait });
  return { failure: { error, retriable, serverWaitMs: wait } };
}

function classifyBytes(request: PipelineRequest, expect: BytesExpectation, safeUrl: string, status: number, headers: Record<string, string>, body: Buffer): Outcome {
  if (expect.json && status !== 204) {
    const text = body.toString('utf8').replace(/^\uFEFF/, '');
    try {
      return { response: { status, headers, body, json: JSON.parse(text) } };
    } catch (e) {
      return brokenAnswer(request, safeUrl, status, headers, `a body that is not valid JSON (${body.length} bytes; ${(e as Error).message})`);
    }
  }
  const problem = expect.check?.(body);
  if (problem) { return brokenAnswer(request, safeUrl, status, headers, problem); }
  return { response: { status, headers, body } };
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * The pipeline policy that reads each answer: a result is kept for the call and passed up; a
 * failure leaves as an attempt error (with the answer attached, so the token policy sees a 401
 * challenge and the retry strategy decides the rest).
 */
export function answerPolicy(): PipelinePolicy {
  return {
    name: 'azureBillingAnswer',
    async sendRequest(request, next) {
      const response = await next(request);
      const call = callOf(request);
      const headers = response.headers.toJSON({ preserveCase: false });
      const outcome = classify(call.request, call.safeUrl, response.status, headers, bodyOf(response));
      if ('response' in outcome) {
        call.result = outcome.response;
        return response;
      }
      call.lastFailure = outcome.failure;
      throw attemptError(outcome.failure, request, response);
    },
  };
}
