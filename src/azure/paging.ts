// Following continuations (docs/azure-apis.md#paging). `nextLink` absent, null or "" ends a list;
// otherwise it is fetched verbatim, whatever api-version it carries. Cost Management instead puts
// `properties.nextLink` in a POST answer and wants the same body POSTed to it again.
//
// Pages are fetched one ahead: as soon as page n has arrived, page n+1 is asked for, so the service
// prepares it while the caller works through page n instead of the two taking turns. Never more
// than one request per list is ahead of the caller.
import { linkedAbort, throwIfCancelled } from './abort';
import { AzureError } from './errors';
import { Listing, listing, ListingOptions } from './listing';
import type { PagingStyle, QueryPage } from './transport';

/**
 * Fetches one page: the first with the caller's query, later ones from a continuation URL.
 * `signal` fires when the caller cancels, or when it stopped reading and the page is not wanted.
 */
export type PageFetcher = (next: string | undefined, signal: AbortSignal) => Promise<unknown>;

/** What walking a transport list learns besides its items. */
export interface PageReport {
  /** Pages read so far. */
  pages: number;
}

/** A transport list as a `Listing`: its `report.pages` counts the pages read. */
export function pagedListing<T>(fetchPage: PageFetcher, style: PagingStyle, options: ListingOptions = {}): Listing<T, PageReport> {
  return listing<T, PageReport>(async function* (context) {
    let yielded = 0;
    const pages = walkPages(
      fetchPage,
      (body) => {
        const { items, nextLink } = readPage(body, style);
        return { page: { items, more: nextLink !== undefined }, nextLink };
      },
      options.signal,
      // A page that reaches maxItems needs no successor, so maxItems never costs a page fetched
      // ahead; only a caller that stops early wastes one (cancelled, its answer dropped).
      (page) => yielded + page.items.length < context.maxItems,
    );
    for await (const { items, more } of pages) {
      context.report.pages += 1;
      for (const item of items) {
        yielded += 1;
        yield item as T;
      }
      // The limit reached on a page that names a successor: more items exist, none is fetched.
      if (more && yielded >= context.maxItems) {
        context.markTruncated('maxItems');
        return;
      }
    }
  }, options, () => ({ pages: 0 }));
}

/** A fetch under way, held settled so that its failure can never go unhandled: it is rethrown when its page is reached. */
type Settled = { ok: true; body: unknown } | { ok: false; error: unknown };

function fetchAhead(fetchPage: PageFetcher, next: string, signal: AbortSignal): Promise<Settled> {
  return (async () => fetchPage(next, signal))().then(
    (body): Settled => ({ ok: true, body }),
    (error): Settled => ({ ok: false, error }),
  );
}

/**
 * The pages of one list, in order. Page n+1 is requested when page n arrives (if `mayPrefetch`
 * agrees) and awaited only when the caller asks for it. When the caller stops early (break, return,
 * an error, its signal) the page fetched ahead is cancelled and one page of work is wasted; a page
 * fetched ahead that failed throws its own error only when the caller reaches it.
 */
async function* walkPages<P>(
  fetchPage: PageFetcher,
  parse: (body: unknown) => { page: P; nextLink?: string },
  signal: AbortSignal | undefined,
  mayPrefetch: (page: P) => boolean = () => true,
): AsyncGenerator<P> {
  const seen = new Set<string>();
  const stop = linkedAbort(signal);
  try {
    let body = await fetchPage(undefined, stop.signal);
    for (;;) {
      if (body === undefined) return; // 204: nothing for this scope or period
      const { page, nextLink } = parse(body);
      // A repeated link is not fetched ahead: the guard below throws once this page is consumed.
      const ahead = nextLink !== undefined && !seen.has(nextLink) && mayPrefetch(page)
        ? (seen.add(nextLink), fetchAhead(fetchPage, nextLink, stop.signal))
        : undefined;
      // One turn of the event loop puts that request on the wire. A caller that works through the
      // page without awaiting anything real (rows folded in a loop) would otherwise hold it back
      // until the whole page is done, and the two sides would take turns again.
      if (ahead) await new Promise<void>((resolve) => setImmediate(resolve));
      yield page;
      if (nextLink === undefined) return;
      if (ahead) {
        const settled = await ahead;
        if (!settled.ok) throw settled.error;
        // Answered before the caller cancelled: the cancellation still wins, as without the prefetch.
        throwIfCancelled(signal);
        body = settled.body;
      } else {
        guardLoop(seen, nextLink);
        body = await fetchPage(nextLink, stop.signal);
      }
    }
  } finally {
    stop.abort(); // cancels a page fetched ahead that nobody will read
    stop.dispose();
  }
}

/** Stops a service that hands back a link it already gave (it would page forever). */
function guardLoop(seen: Set<string>, nextLink: string): void {
  if (seen.has(nextLink)) {
    throw new AzureError({ kind: 'invalidResponse', message: 'The service returned the same nextLink twice; stopping to avoid an endless list.' });
  }
  seen.add(nextLink);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A continuation link, or undefined for every form of "no more pages". */
function linkOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function readPage(body: unknown, style: PagingStyle): { items: unknown[]; nextLink?: string } {
  if (!isObject(body)) throw new AzureError({ kind: 'invalidResponse', message: 'A list page was not a JSON object.' });
  if (style === 'properties') {
    // { properties: { nextLink, pricesheets: [...] } } or { properties: { tags: [...] } }
    const props = isObject(body.properties) ? body.properties : {};
    const items = Object.values(props).find(Array.isArray) ?? [];
    return { items, nextLink: linkOf(props.nextLink) };
  }
  const items = Array.isArray(body.value) ? body.value : [];
  return { items, nextLink: linkOf(body.nextLink) };
}

/** Cost Management pages: columns and positional rows, then `properties.nextLink` to re-POST. */
export function queryPageIterator(fetchPage: PageFetcher, signal?: AbortSignal): AsyncGenerator<QueryPage> {
  return walkPages(fetchPage, (body) => {
    if (!isObject(body) || !isObject(body.properties)) {
      throw new AzureError({ kind: 'invalidResponse', message: 'A Cost Management answer had no "properties".' });
    }
    const props = body.properties;
    const columns = Array.isArray(props.columns) ? (props.columns as QueryPage['columns']) : [];
    const rows = Array.isArray(props.rows) ? (props.rows as unknown[][]) : [];
    return { page: { columns, rows }, nextLink: linkOf(props.nextLink) };
  }, signal);
}
