// "Load more" for long lists in the tree: pulls a page at a time from a list that follows Azure's
// continuation links, and knows whether more is there (by holding one item back). The pager owns
// the list's cancellation, so a refresh of the node that started a page does not break the next.
import { cancelledError } from '../../azure/errors';

export class Pager<T> {
  private iterator: AsyncIterator<T> | undefined;
  private controller: AbortController | undefined;
  private readonly shown: T[] = [];
  /** The item read past the page, proving there is more. */
  private held: { value: T } | undefined;
  private exhausted = false;

  constructor(
    private readonly open: (signal: AbortSignal) => AsyncIterable<T>,
    readonly pageSize: number,
  ) {
    if (!(pageSize >= 1)) { throw new RangeError('A page holds at least one item.'); }
  }

  /** Everything shown so far. */
  get items(): readonly T[] {
    return this.shown;
  }

  get hasMore(): boolean {
    return !this.exhausted;
  }

  /** Starts over and reads the first page. */
  async first(signal?: AbortSignal): Promise<readonly T[]> {
    this.reset();
    return this.more(signal);
  }

  /** Reads one more page (the first, if nothing was read yet). */
  async more(signal?: AbortSignal): Promise<readonly T[]> {
    if (signal?.aborted) { throw cancelledError('Loading the list'); }
    if (this.exhausted) { return this.shown; }
    if (!this.iterator) {
      this.controller = new AbortController();
      this.iterator = this.open(this.controller.signal)[Symbol.asyncIterator]();
    }
    // The caller's cancellation ends this page and the list under it: the next call starts over.
    const onAbort = () => this.reset();
    signal?.addEventListener('abort', onAbort, { once: true });
    const iterator = this.iterator;
    const throwIfCancelled = () => {
      if (signal?.aborted) { throw cancelledError('Loading the list'); }
    };
    try {
      const target = this.shown.length + this.pageSize;
      if (this.held) {
        this.shown.push(this.held.value);
        this.held = undefined;
      }
      while (this.shown.length < target) {
        const next = await iterator.next();
        throwIfCancelled();
        if (next.done) {
          this.exhausted = true;
          return this.shown;
        }
        this.shown.push(next.value);
      }
      const peek = await iterator.next();
      throwIfCancelled();
      if (peek.done) { this.exhausted = true; }
      else { this.held = { value: peek.value }; }
      return this.shown;
    } catch (error) {
      this.reset();
      if (signal?.aborted) { throw cancelledError('Loading the list'); }
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  reset(): void {
    this.controller?.abort();
    const iterator = this.iterator;
    this.iterator = undefined;
    this.controller = undefined;
    this.shown.length = 0;
    this.held = undefined;
    this.exhausted = false;
    // Lets a generator run its finally blocks; errors of an aborted list are of no interest.
    void iterator?.return?.()?.catch?.(() => undefined);
  }
}

/** An async iterable over items that must all be read before they can be ordered (newest first). */
export async function* sortedAfterReading<T>(source: AsyncIterable<T>, compare: (a: T, b: T) => number): AsyncIterable<T> {
  const all: T[] = [];
  for await (const item of source) { all.push(item); }
  yield* all.sort(compare);
}
