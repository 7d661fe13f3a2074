// What the policies of one call share. @azure/core-rest-pipeline hands each policy only the request
// (and the answer or error of the layer below), so the call's own facts live beside the request:
// the request as the client asked for it, its URL without secrets, the attempts made, the time
// waited, whether the token was refreshed. A failed attempt travels up the pipeline as an
// `RestError` (the only error the retry policy hands to its strategy) with the project's typed
// `AzureError` and whether another attempt may help kept beside it.
import { PipelineRequest as CoreRequest, PipelineResponse as CoreResponse, RestError } from '@azure/core-rest-pipeline';
import type { AttemptFailure } from './answers';
import type { PipelineRequest, PipelineResponse } from './httpPipeline';

export interface CallContext {
  /** The request as the client asked for it. */
  readonly request: PipelineRequest;
  /** The URL without secrets, for every log line and message. */
  readonly safeUrl: string;
  /** Attempts sent so far, the one after a token refresh included. */
  attempt: number;
  /** Time spent waiting between attempts, ms. */
  waitedMs: number;
  /** The token was refreshed once already (after ARM called it expired or invalid). */
  refreshedToken: boolean;
  /** The failure of the last attempt, for the token policy to read the error code of a 401. */
  lastFailure?: AttemptFailure;
  /** The answer, once an attempt produced one the call returns. */
  result?: PipelineResponse;
}

const calls = new WeakMap<CoreRequest, CallContext>();
const bodies = new WeakMap<CoreResponse, Buffer>();

export function bindCall(request: CoreRequest, call: CallContext): void {
  calls.set(request, call);
}

export function callOf(request: CoreRequest): CallContext {
  const call = calls.get(request);
  if (!call) {throw new Error('A request reached the pipeline without its call context.');}
  return call;
}

/** The whole body of an answer, read inside its attempt by the HTTP client. */
export function bodyOf(response: CoreResponse): Buffer {
  return bodies.get(response) ?? Buffer.alloc(0);
}

export function keepBody(response: CoreResponse, body: Buffer): void {
  bodies.set(response, body);
}

const attemptFailures = new WeakMap<RestError, { failure: AttemptFailure; call: CallContext }>();

/**
 * One failed attempt on its way up to the retry policy, as a `RestError` (the only error that
 * policy hands to its strategy). RestError resets its own prototype, so a subclass would not
 * survive `instanceof`: the failure is kept beside the error instead.
 */
export function attemptError(failure: AttemptFailure, request: CoreRequest, response?: CoreResponse): RestError {
  const error = new RestError(failure.error.message, { statusCode: failure.error.status, request, response });
  attemptFailures.set(error, { failure, call: callOf(request) });
  return error;
}

/** The failure and call behind an error made by `attemptError`, or undefined for any other error. */
export function attemptOf(error: unknown): { failure: AttemptFailure; call: CallContext } | undefined {
  return error instanceof RestError ? attemptFailures.get(error) : undefined;
}
