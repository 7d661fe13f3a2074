// When to retry and how long to wait. Throttled answers say how long to wait in one or more
// headers whose names differ per resource provider (docs/azure-apis.md#retries-and-throttling); we
// wait for the longest of them. Without a header, waits grow exponentially with full jitter so that
// clients that failed together do not come back together.

export interface RetryOptions {
  /** Retries after the first attempt (default 4, so at most 5 attempts). */
  maxRetries?: number;
  /** First back-off step for 5xx and network errors without a retry-after (default 800 ms). */
  baseDelayMs?: number;
  /** Ceiling of one back-off step (default 30 s). */
  maxDelayMs?: number;
  /** The longest retry-after the client will sit through; longer ones surface as `throttled` at once (default 60 s). */
  maxRetryAfterMs?: number;
  /** Random extra added to a server-given wait, up to this many ms (default 250). */
  retryAfterJitterMs?: number;
  /** Random source, replaceable in tests. */
  random?: () => number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  return {
    maxRetries: options.maxRetries ?? 4,
    baseDelayMs: options.baseDelayMs ?? 800,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    retryAfterJitterMs: options.retryAfterJitterMs ?? 250,
    random: options.random ?? Math.random,
  };
}

/** Statuses worth another attempt: throttling and transient server trouble. */
export function isRetriableStatus(status: number): boolean {
  return status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** One retry-after value in ms: seconds (integer or decimal) or an HTTP date. */
function parseSeconds(value: string, now: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) { return Math.round(Number(trimmed) * 1000); }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The longest wait any retry-after header asks for, in ms, or undefined when none is present.
 * Covers `Retry-After`, `retry-after-ms`, `x-ms-retry-after-ms` and every RP-specific
 * `x-ms-ratelimit-…-retry-after` (consumption, costmanagement qpu/entity/tenant/client).
 */
export function retryAfterMs(headers: Record<string, string>, now = Date.now()): number | undefined {
  let longest: number | undefined;
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    let ms: number | undefined;
    if (name === 'retry-after-ms' || name === 'x-ms-retry-after-ms') {
      ms = /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
    } else if (name === 'retry-after' || (name.startsWith('x-ms-ratelimit-') && name.endsWith('retry-after'))) {
      ms = parseSeconds(value, now);
    }
    if (ms !== undefined && (longest === undefined || ms > longest)) { longest = ms; }
  }
  return longest;
}

/** Exponential back-off with full jitter for retry number `retry` (1-based). */
export function backoffMs(retry: number, options: ResolvedRetryOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
}

/** A server-given wait plus a little jitter, so throttled clients spread out. */
export function serverWaitMs(retryAfter: number, options: ResolvedRetryOptions): number {
  return retryAfter + Math.round(options.random() * options.retryAfterJitterMs);
}
