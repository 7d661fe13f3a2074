// Long-running operations (docs/azure-apis.md#long-running-operations): the start answers 200 with
// the result, or 202/201 with `Location` and/or `Azure-AsyncOperation` plus `Retry-After`. We wait
// as asked, poll until the result is there, and give up after a cap on the total time. A poll that
// fails (non-2xx after the usual retries of transient errors) ends the operation with that error.
import { sleep } from './abort';
import { AzureError } from './errors';
import type { PipelineResponse } from './httpPipeline';
import { retryAfterMs } from './retryPolicy';

export interface PollSettings {
  /** Wait between polls when the service names none (default 10 s). */
  defaultPollMs: number;
  /** Never poll faster than this, whatever Retry-After says (default 1 s). */
  minPollMs: number;
  /** Cap on the whole operation (default 5 minutes). */
  maxWaitMs: number;
  signal?: AbortSignal;
  onPoll?: (retryAfterSeconds: number) => void;
}

export type PollGet = (url: string) => Promise<PipelineResponse>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function pollToCompletion<T>(start: PipelineResponse, get: PollGet, settings: PollSettings, what: string): Promise<T> {
  const asyncOperation = start.headers['azure-asyncoperation'];
  const location = start.headers.location;
  if (start.status !== 201 && start.status !== 202) { return start.json as T; }
  if (!asyncOperation && !location) {
    // 201 Created with the resource in the body is a finished operation.
    if (start.json !== undefined) { return start.json as T; }
    throw new AzureError({ kind: 'invalidResponse', status: start.status, message: `${what} answered ${start.status} without a Location or Azure-AsyncOperation header to poll.` });
  }
  const began = Date.now();
  let last = start;
  for (;;) {
    const asked = retryAfterMs(last.headers);
    const wait = Math.max(settings.minPollMs, asked ?? settings.defaultPollMs);
    if (Date.now() - began + wait > settings.maxWaitMs) {
      throw new AzureError({ kind: 'timeout', message: `${what} did not finish within ${Math.round(settings.maxWaitMs / 1000)} s.`, waitedMs: Date.now() - began });
    }
    settings.onPoll?.(Math.round(wait / 1000));
    await sleep(wait, settings.signal);
    last = await get(asyncOperation ?? location);
    if (asyncOperation) {
      const status = isObject(last.json) && typeof last.json.status === 'string' ? last.json.status : undefined;
      if (status === undefined || /^(InProgress|Running|Accepted|NotStarted|Updating|Creating|Deleting)$/i.test(status)) { continue; }
      if (/^Succeeded$/i.test(status)) { return (location ? (await get(location)).json : last.json) as T; }
      const error = isObject(last.json) && isObject(last.json.error) ? last.json.error : {};
      throw new AzureError({
        kind: 'server',
        code: typeof error.code === 'string' ? error.code : status,
        message: `${what} ended as ${status}${typeof error.message === 'string' ? `: ${error.message}` : '.'}`,
        requestId: last.headers['x-ms-request-id'],
        correlationId: last.headers['x-ms-correlation-request-id'],
      });
    }
    if (last.status === 202) { continue; }
    return last.json as T;
  }
}
