// Cost Management allows only a few queries a minute per scope
// (docs/azure-apis.md#cost-management-throttling). The client sits through short waits itself; when
// it gives up (a wait too long for one request, or throttled on every attempt) its error carries
// how long Azure asked to wait. The panel then says so, waits that long, and asks again, instead of
// showing an error the person would have to retry.

import { AzureError, isCancellation } from '../../azure/errors';

/** How long a throttled failure asks to wait, in ms; undefined when it is not a throttled failure. */
export function throttleWaitMs(error: unknown): number | undefined {
  for (let e: unknown = error; e instanceof Error; e = (e as { cause?: unknown }).cause) {
    if (!(e instanceof AzureError)) { continue; }
    const throttled = e.kind === 'throttled' || (e.kind === 'retriesExhausted' && (e.status === 429 || e.lastError?.kind === 'throttled'));
    if (throttled) { return e.retryAfterMs ?? e.lastError?.retryAfterMs ?? 0; }
  }
  return undefined;
}

export interface ThrottleWaitOptions {
  /** Told the whole seconds it is about to wait, before each wait. */
  onWait(seconds: number): void;
  signal: AbortSignal;
  /** Rounds of waiting before the failure is shown (default 3). */
  maxWaits?: number;
  /** A longer wait is shown as an error instead (default 5 minutes): the person may rather come back. */
  longestWaitMs?: number;
  /** Replaceable in tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) { return reject(signal.reason); }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `run`, and after each throttled failure waits as long as Azure asked and runs it again. */
export async function retryWhenThrottled<T>(run: () => Promise<T>, options: ThrottleWaitOptions): Promise<T> {
  const maxWaits = options.maxWaits ?? 3;
  const longest = options.longestWaitMs ?? 5 * 60_000;
  const sleep = options.sleep ?? abortableSleep;
  for (let round = 0; ; round++) {
    try {
      return await run();
    } catch (error) {
      const wait = throttleWaitMs(error);
      if (wait === undefined || round >= maxWaits || wait > longest || options.signal.aborted || isCancellation(error)) { throw error; }
      // At least a second: a throttled scope needs a moment even when no wait was named.
      const ms = Math.max(1000, wait);
      options.onWait(Math.ceil(ms / 1000));
      await sleep(ms, options.signal);
    }
  }
}
