// Cancellation plumbing: waits that end at once when the caller cancels, and one signal that
// fires on either the caller's cancellation or the per-attempt timeout, telling the two apart.
import { cancelledError } from './errors';

/** Rejects with a cancellation error if `signal` has fired. */
export function throwIfCancelled(signal: AbortSignal | undefined, what?: string): void {
  if (signal?.aborted) { throw cancelledError(what); }
}

/** Waits `ms`, or rejects with a cancellation error the moment `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { return reject(cancelledError('The wait')); }
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError('The wait'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface AttemptSignal {
  signal: AbortSignal;
  /** True when the attempt ended because of the timeout, not the caller. */
  timedOut(): boolean;
  /** Ends the attempt now (e.g. its connection broke), as neither a timeout nor a cancellation. */
  interrupt(): void;
  /** Ends the attempt now as a timeout (e.g. its body stopped arriving). */
  expire(): void;
  /** Stops the timeout but keeps following the caller's cancellation. */
  clearTimeout(): void;
  dispose(): void;
}

/** A signal for one attempt: fires when the caller cancels or after `timeoutMs`. */
export function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = () => controller.abort();
  if (caller?.aborted) { controller.abort(); }
  else { caller?.addEventListener('abort', onCallerAbort, { once: true }); }
  const timer = timeoutMs > 0 && Number.isFinite(timeoutMs)
    ? setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs)
    : undefined;
  return {
    signal: controller.signal,
    timedOut: () => timedOut && !caller?.aborted,
    interrupt: () => controller.abort(),
    expire: () => {
      timedOut = true;
      controller.abort();
    },
    clearTimeout: () => {
      if (timer) { clearTimeout(timer); }
    },
    dispose: () => {
      if (timer) { clearTimeout(timer); }
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}

export interface LinkedAbort {
  signal: AbortSignal;
  /** Fires `signal` without touching the parent (e.g. the caller stopped reading a list). */
  abort(): void;
  /** Stops following the parent. */
  dispose(): void;
}

/** A signal of our own that also fires when `parent` does, so work can be cancelled from either side. */
export function linkedAbort(parent: AbortSignal | undefined): LinkedAbort {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort();
  if (parent?.aborted) { controller.abort(); }
  else { parent?.addEventListener('abort', onParentAbort, { once: true }); }
  return {
    signal: controller.signal,
    abort: () => controller.abort(),
    dispose: () => parent?.removeEventListener('abort', onParentAbort),
  };
}
