// The one list type. Every list read from Azure — a transport's pages, a billing module's parsed
// models, a folder of the tree read a page at a time — is a `Listing`: an async iterable that
// follows every continuation and, once read, says whether it was cut short and why: by the
// reader's `maxItems`, or because the service said it left items out (`hasMoreResults`), so a view
// can show "first 50 of more" instead of a silently short list. What a list learns on the way
// (rows it could not read, pages read, repeats dropped) is its typed `report`, fresh for every
// reading. `ListCursor` (listCursor.ts) reads one a page at a time ("Load more").

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
    private readonly newReport: () => R,
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
    for await (const item of this) {items.push(item);}
    return { items, truncated: this.truncated, ...(this.cut ? { truncation: this.cut } : {}), report: this.latest };
  }
}

/** A list with nothing to report besides its items. */
export function listing<T>(source: ListingSource<T, NoReport>, options?: ListingOptions): Listing<T>;
/** A list whose source fills a report, made fresh by `newReport` for every reading. */
export function listing<T, R extends object>(source: ListingSource<T, R>, options: ListingOptions, newReport: () => R): Listing<T, R>;
export function listing<T, R extends object>(source: ListingSource<T, R>, options: ListingOptions = {}, newReport?: () => R): Listing<T, R> {
  // Without `newReport` the first overload has made R the empty report.
  return new Listing(source, options, newReport ?? (noReport as () => R));
}

/** A listing over items already in hand (e.g. an `$expand` result); `truncated` when the service said it left some out. */
export function listingOf<T>(items: readonly T[], truncated = false, options: ListingOptions = {}): Listing<T> {
  // The items are in hand already; the source is async only because every listing's is.
  // eslint-disable-next-line @typescript-eslint/require-await -- nothing to wait for
  return listing(async function* (context) {
    if (truncated) {context.markTruncated();}
    yield* items;
  }, options);
}

/** An async iterable over items that must all be read before they can be ordered (newest first). */
export async function* sortedAfterReading<T>(source: AsyncIterable<T>, compare: (a: T, b: T) => number): AsyncIterable<T> {
  const all: T[] = [];
  for await (const item of source) {all.push(item);}
  yield* all.sort(compare);
}
