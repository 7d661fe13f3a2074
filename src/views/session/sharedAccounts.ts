// The billing accounts of one directory, fetched once and shared: the tree, the palette's pickers
// and the usage panel's scope picker all need them, often at the same moment. A fetch in flight is
// shared, and an answer is reused for a short while (30 s); a failure is never kept. Keyed by the
// directory's transport, so a new sign-in (a new session, new transports) starts afresh.
import type { ArmTransport } from '../../azure/transport';
import { BillingAccountsResult, listBillingAccounts } from '../../billing/accounts';

/** How long a list of billing accounts is reused without asking Azure again. */
export const ACCOUNTS_TTL_MS = 30_000;

interface Entry {
  /** When the answer came (or the fetch started, while in flight). */
  at: number;
  done: boolean;
  result: Promise<BillingAccountsResult>;
}

const entries = new WeakMap<ArmTransport, Entry>();

export interface SharedAccountsOptions {
  signal?: AbortSignal;
  /** 0 asks Azure again unless a fetch is in flight (the tree's Refresh); default ACCOUNTS_TTL_MS. */
  maxAgeMs?: number;
  now?: () => number;
}

export function sharedBillingAccounts(transport: ArmTransport, options: SharedAccountsOptions = {}): Promise<BillingAccountsResult> {
  const now = options.now ?? Date.now;
  const maxAge = options.maxAgeMs ?? ACCOUNTS_TTL_MS;
  let entry = entries.get(transport);
  if (!entry || (entry.done && (maxAge === 0 || now() - entry.at > maxAge))) {
    // No caller's signal: the fetch is shared, and one caller giving up must not fail the others.
    const result = listBillingAccounts(transport);
    const fresh: Entry = { at: now(), done: false, result };
    entries.set(transport, fresh);
    result.then(
      () => {
        fresh.done = true;
        fresh.at = now();
      },
      () => entries.get(transport) === fresh && entries.delete(transport),
    );
    entry = fresh;
  }
  return untilAborted(entry.result, options.signal);
}

/** Forgets every directory's list (tests; a session change makes new transports anyway). */
export function forgetSharedAccounts(transport: ArmTransport): void {
  entries.delete(transport);
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) { return promise; }
  if (signal.aborted) { return Promise.reject(signal.reason ?? new DOMException('Aborted', 'AbortError')); }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
