// Following continuations (azure-billing-api.md §1.3). `nextLink` absent, null or "" ends a list;
// otherwise it is fetched verbatim, whatever api-version it carries. Cost Management instead puts
// `properties.nextLink` in a POST answer and wants the same body POSTed to it again.
import { AzureError } from './errors';
import type { PagingStyle, QueryPage } from './transport';

/** Fetches one page: the first with the caller's query, later ones from a continuation URL. */
export type PageFetcher = (next: string | undefined) => Promise<unknown>;

/** A list being walked: iterate it; afterwards `truncated` says whether `maxItems` cut it short. */
export class PagedList<T> implements AsyncIterable<T> {
  truncated = false;
  pages = 0;

  constructor(
    private readonly fetchPage: PageFetcher,
    private readonly style: PagingStyle,
    private readonly maxItems = Number.POSITIVE_INFINITY,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let yielded = 0;
    const seen = new Set<string>();
    let next: string | undefined;
    for (;;) {
      const body = await this.fetchPage(next);
      if (body === undefined) return; // 204: nothing for this scope
      this.pages += 1;
      const { items, nextLink } = readPage(body, this.style);
      for (let i = 0; i < items.length; i++) {
        if (yielded >= this.maxItems) {
          this.truncated = true;
          return;
        }
        yielded += 1;
        yield items[i] as T;
      }
      if (!nextLink) return;
      if (yielded >= this.maxItems) {
        this.truncated = true;
        return;
      }
      guardLoop(seen, nextLink);
      next = nextLink;
    }
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
export async function* queryPageIterator(fetchPage: PageFetcher): AsyncGenerator<QueryPage> {
  const seen = new Set<string>();
  let next: string | undefined;
  for (;;) {
    const body = await fetchPage(next);
    if (body === undefined) return; // 204: no data for the scope or period
    if (!isObject(body) || !isObject(body.properties)) {
      throw new AzureError({ kind: 'invalidResponse', message: 'A Cost Management answer had no "properties".' });
    }
    const props = body.properties;
    const columns = Array.isArray(props.columns) ? (props.columns as QueryPage['columns']) : [];
    const rows = Array.isArray(props.rows) ? (props.rows as unknown[][]) : [];
    yield { columns, rows };
    const nextLink = linkOf(props.nextLink);
    if (!nextLink) return;
    guardLoop(seen, nextLink);
    next = nextLink;
  }
}
