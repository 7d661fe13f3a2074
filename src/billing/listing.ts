// Lists are async iterables that follow every continuation. A `Listing` also says whether it was
// cut short: by the caller's `maxItems`, or because the service said it left items out
// (`hasMoreResults`) — so a view can show "first 50 of more" instead of a silently short list.

export interface ListResult<T> {
  items: T[];
  /** True when more items existed than were returned. */
  truncated: boolean;
}

export interface Listing<T> extends AsyncIterable<T> {
  /** Meaningful once iteration has ended: true when items were left out. */
  readonly truncated: boolean;
  /** Iterates to the end and returns everything with the `truncated` flag. */
  all(): Promise<ListResult<T>>;
}

export interface ListingOptions {
  /** Stop after this many items; `truncated` then says whether there were more. */
  maxItems?: number;
  signal?: AbortSignal;
}

/** Lets a source report that it knows items are missing (e.g. the service's `hasMoreResults`). */
export interface TruncationSink {
  markTruncated(): void;
}

class SourceListing<T> implements Listing<T> {
  private cutShort = false;

  constructor(
    private readonly source: (sink: TruncationSink) => AsyncIterable<T>,
    private readonly maxItems: number | undefined,
  ) {
    if (maxItems !== undefined && (!Number.isInteger(maxItems) || maxItems < 0)) {
      throw new RangeError(`maxItems must be a whole number ≥ 0, got ${maxItems}.`);
    }
  }

  get truncated(): boolean {
    return this.cutShort;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    this.cutShort = false;
    const sink: TruncationSink = { markTruncated: () => (this.cutShort = true) };
    let count = 0;
    for await (const item of this.source(sink)) {
      if (this.maxItems !== undefined && count >= this.maxItems) {
        // One item past the limit proves there were more; leaving the loop stops the paging.
        this.cutShort = true;
        return;
      }
      count++;
      yield item;
    }
  }

  async all(): Promise<ListResult<T>> {
    const items: T[] = [];
    for await (const item of this) { items.push(item); }
    return { items, truncated: this.cutShort };
  }
}

export function listing<T>(source: (sink: TruncationSink) => AsyncIterable<T>, options: ListingOptions = {}): Listing<T> {
  return new SourceListing(source, options.maxItems);
}

/** A listing over items already in hand (e.g. an `$expand` result). */
export function listingOf<T>(items: readonly T[], truncated = false, options: ListingOptions = {}): Listing<T> {
  // eslint-disable-next-line @typescript-eslint/require-await -- a listing reads an async iterable; these items are already in hand
  return listing(async function* (sink) {
    if (truncated) { sink.markTruncated(); }
    yield* items;
  }, options);
}

/** Applies `map` to every item of a transport list. */
export async function* mapAsync<A, B>(source: AsyncIterable<A>, map: (item: A) => B): AsyncIterable<B> {
  for await (const item of source) { yield map(item); }
}
