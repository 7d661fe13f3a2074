// Bounded parallelism. Listing a billing tree fans out (accounts → profiles → sections → …);
// firing every request at once would get us throttled, and strictly one at a time is slow.
import { cancelledError } from './errors';

/** A counting semaphore: at most `limit` holders at once, the rest wait in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!(limit >= 1)) { throw new RangeError('A semaphore needs a limit of at least 1.'); }
  }

  /** Resolves with a release function once a slot is free. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) { return Promise.reject(cancelledError()); }
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.active += 1;
        resolve(this.releaser());
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(grant);
        if (at >= 0) { this.waiting.splice(at, 1); }
        reject(cancelledError());
      };
      this.waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) { return; }
      released = true;
      this.active -= 1;
      this.waiting.shift()?.();
    };
  }
}

/**
 * `fn` applied to every item with at most `limit` calls running at once; results keep the order
 * of `items`. The first failure stops new calls from starting and is what the promise rejects with.
 */
export async function mapWithConcurrency<T, R>(items: Iterable<T>, limit: number, fn: (item: T, index: number) => Promise<R>, signal?: AbortSignal): Promise<R[]> {
  const list = [...items];
  const results = new Array<R>(list.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < list.length) {
      if (signal?.aborted) { throw cancelledError(); }
      const index = next++;
      try {
        results[index] = await fn(list[index], index);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const workers = Array.from({ length: Math.min(Math.max(1, limit), list.length) }, worker);
  await Promise.all(workers);
  return results;
}
