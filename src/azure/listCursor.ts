// "Load more" for long lists: reads a list a page at a time, and knows whether more is there by
// holding one item back, the same proof `Listing` uses for `maxItems`.
import { cancelledError } from './errors';

/**
 * Reads a list a page at a time and knows whether more is there (by holding one item back), for
 * "Load more". The cursor owns the list's cancellation, so cancelling one page's reader (a refresh
 * of the node that asked) ends that page and the list under it, and the next call starts over.
 */
export class ListCursor<T> {
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
    if (!(pageSize >= 1)) throw new RangeError('A page holds at least one item.');
  }

  /** Everything read so far. */
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
    if (signal?.aborted) throw cancelledError('Loading the list');
    if (this.exhausted) return this.shown;
    if (!this.iterator) {
      this.controller = new AbortController();
      this.iterator = this.open(this.controller.signal)[Symbol.asyncIterator]();
    }
    const onAbort = () => this.reset();
    signal?.addEventListener('abort', onAbort, { once: true });
    const iterator = this.iterator;
    const throwIfCancelled = () => {
      if (signal?.aborted) throw cancelledError('Loading the list');
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
      if (peek.done) this.exhausted = true;
      else this.held = { value: peek.value };
      return this.shown;
    } catch (error) {
      this.reset();
      if (signal?.aborted) throw cancelledError('Loading the list');
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
