// The one list type. Every list read from Azure — a transport's pages, a billing module's parsed
// models, a folder of the tree read a page at a time — is a `Listing`: an async iterable that
// follows every continuation and, once read, says whether it was cut short and why: by the
// reader's `maxItems`, or because the service said it left items out (`hasMoreResults`), so a view
// can show "first 50 of more" instead of a silently short list. What a list learns on the way
// (rows it could not read, pages read, repeats dropped) is its typed `report`, fresh for every
// reading. `ListCursor` reads a listing a page at a time ("Load more").
import { cancelledError } from './errors';

/** Why a list is shorter than what the service holds. */
export type Truncation = 'maxItems' | 'service';

export interface ListingOptions {
  /** Stop after this many items; `truncated` then says whether there were more. */
  maxItems?: number;
  signal?: AbortSignal;
}

/** A whole list, read to its end (or to `maxItems`). */
export interface ListResult<T, R extends object = NoReport> {
  items: T[];
  /** True when more items existed than were returned. */
  truncated: boolean;
  /** Why, when `truncated`. */
  truncation?: Truncation;
  report: R;
}

/** The report of a list that has nothing to say besides its items. */
export type NoReport = Record<never, never>;

/** What a list's source sees while it is read. */
export interface ListingContext<R> {
  /** This reading's report, for the source to fill. */
  readonly report: R;
  /** The items the reader takes at most (Infinity without `maxItems`): a source may stop paging there. */
  readonly maxItems: number;
  /**
   * Items are known to be left out: the service said so (`'service'`), or the source stopped at
   * `maxItems` knowing that more follow (`'maxItems'`, e.g. a page ended on a continuation link).
   */
  markTruncated(reason?: Truncation): void;
}

export type ListingSource<T, R> = (context: ListingContext<R>) => AsyncIterable<T>;

const noReport = (): NoReport => ({});

export class Listing<T, R extends object = NoReport> implements AsyncIterable<T> {
  private cut: Truncation | undefined;
  private latest: R;
  private readonly maxItems: number;

  constructor(
    private readonly source: ListingSource<T, R>,
    options: ListingOptions = {},
    private readonly newReport: () => R = noReport as () => R,
  ) {
    const { maxItems } = options;
    if (maxItems !== undefined && (!Number.isInteger(maxItems) || maxItems < 0)) {
      throw new RangeError(`maxItems must be a whole number ≥ 0, got ${maxItems}.`);
    }
    this.maxItems = maxItems ?? Number.POSITIVE_INFINITY;
    this.latest = newReport();
  }

  /** Meaningful once iteration has ended: true when items were left out. */
  get truncated(): boolean {
    return this.cut !== undefined;
  }

  get truncation(): Truncation | undefined {
    return this.cut;
  }

  /** What the latest reading learned; filled while it runs. */
  get report(): Readonly<R> {
    return this.latest;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    this.cut = undefined;
    const report = this.newReport();
    this.latest = report;
    const context: ListingContext<R> = {
      report,
      maxItems: this.maxItems,
      markTruncated: (reason = 'service') => {
        this.cut ??= reason;
      },
    };
    let count = 0;
    for await (const item of this.source(context)) {
      if (count >= this.maxItems) {
        // One item past the limit proves there were more; leaving the loop stops the paging.
        this.cut ??= 'maxItems';
        return;
      }
      count++;
      yield item;
    }
  }

  /** Iterates to the end and returns everything with the truncation and the report. */
  async all(): Promise<ListResult<T, R>> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return { items, truncated: this.truncated, ...(this.cut ? { truncation: this.cut } : {}), report: this.latest };
  }
}

export function listing<T, R extends object = NoReport>(source: ListingSource<T, R>, options: ListingOptions = {}, newReport?: () => R): Listing<T, R> {
  return new Listing(source, options, newReport);
}

/** A listing over items already in hand (e.g. an `$expand` result); `truncated` when the service said it left some out. */
export function listingOf<T>(items: readonly T[], truncated = false, options: ListingOptions = {}): Listing<T> {
  return listing(async function* (context) {
    if (truncated) context.markTruncated();
    yield* items;
  }, options);
}

/** An async iterable over items that must all be read before they can be ordered (newest first). */
export async function* sortedAfterReading<T>(source: AsyncIterable<T>, compare: (a: T, b: T) => number): AsyncIterable<T> {
  const all: T[] = [];
  for await (const item of source) all.push(item);
  yield* all.sort(compare);
}

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
