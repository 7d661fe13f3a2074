// Azure Retail Prices (docs/azure-apis.md#retail-prices): a public host, not ARM. No token is ever
// sent (requests go through `fetchUnauthenticated`), the envelope is PascalCase and paging follows
// `NextPageLink`.
//
// Known service faults handled here: `$skip` pages have no stable order, so repeated rows are
// dropped by the natural key; the link has been seen missing on full pages, so a full page without
// a link continues with `$skip`. 429 and 5xx are retried by the client, honouring `Retry-After`.
import { parseErrorBody } from '../azure/errorBody';
import { AzureError, kindOfStatus } from '../azure/errors';
import type { ArmTransport } from '../azure/transport';
import { API } from './apiVersions';
import { readBody } from './blobBody';
import { odataString } from './credits';
import { Listing, listing, ListingOptions } from '../azure/listing';
import { parseRetailPrice, RetailPrice, retailPriceKey } from './models/retailPrice';
import { asObject, ParseIssue } from './models/wire';

export const RETAIL_PRICES_ENDPOINT = 'https://prices.azure.com';

/**
 * Page sizes Azure has used (docs/azure-apis.md#retail-prices-paging): 100 in 2021–2023 captures,
 * 1000 since.
 */
const KNOWN_PAGE_SIZES = [100, 1000];

/**
 * Fields documented for `$filter` (docs/azure-apis.md#retail-prices-filters); values are matched
 * exactly.
 */
export interface RetailPriceFilter {
  armRegionName?: string;
  serviceName?: string;
  serviceFamily?: string;
  productName?: string;
  skuName?: string;
  armSkuName?: string;
  meterName?: string;
  meterId?: string;
  priceType?: 'Consumption' | 'Reservation' | 'DevTestConsumption';
}

export interface RetailPricesOptions extends ListingOptions {
  /** Typed terms (joined with `and`), or a ready OData expression. */
  filter?: RetailPriceFilter | string;
  /**
   * One of the 17 supported currencies; default USD. Not a `$filter` term
   * (docs/azure-apis.md#retail-prices-requests).
   */
  currencyCode?: string;
  /** Only rows of the region Microsoft bills against (`meterRegion='primary'`). */
  primaryRegionOnly?: boolean;
  /** Default `2023-01-01-preview`, the only version with `savingsPlan`. */
  apiVersion?: string;
  /**
   * The page size to expect when the service leaves out `NextPageLink`; default: learned from a
   * page that had a link, else Azure's known sizes (100, 1000).
   */
  pageSizeHint?: number;
}

/** What reading the prices learned besides the prices. */
export interface RetailPriceReport {
  /** Rows dropped because the same key had already been seen. */
  duplicatesDropped: number;
  pagesRead: number;
  /** Rows that could not be read, with why. */
  skippedRows: ParseIssue[][];
}

export type RetailPriceListing = Listing<RetailPrice, RetailPriceReport>;

/**
 * The service's own refusal (400 for a filter it does not take, 403/404 from whatever stands in the
 * way), or a link of its that leads off the prices host (status 0). An `AzureError` like every other
 * failure of a call, so it reaches a person as what it is; its message is redacted by AzureError (the
 * service's own message may quote the request, query and all).
 */
export class RetailPricesError extends AzureError {
  override readonly name = 'RetailPricesError';
  override readonly status: number;
  override readonly code: string | undefined;
  constructor(status: number, code: string | undefined, message: string) {
    super({ kind: status === 0 ? 'invalidResponse' : kindOfStatus(status), message, status, code });
    this.status = status;
    this.code = code;
  }
}

/** A page without a link that is exactly a page long probably had one (a known service fault). */
function looksFull(count: number, learned: number | undefined, hint: number | undefined): boolean {
  if (learned !== undefined) return count === learned;
  return count === hint || KNOWN_PAGE_SIZES.includes(count);
}

export function retailFilterExpression(filter: RetailPriceFilter | string | undefined): string | undefined {
  if (filter === undefined) return undefined;
  if (typeof filter === 'string') return filter.trim() || undefined;
  const terms = Object.entries(filter)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k} eq ${odataString(String(v))}`);
  return terms.length ? terms.join(' and ') : undefined;
}

/** The first page's URL. Spaces as %20 (the service's own links use that, not `+`). */
export function retailPricesUrl(endpoint: string, options: RetailPricesOptions = {}): string {
  const url = new URL('/api/retail/prices', endpoint);
  const params = new URLSearchParams();
  params.set('api-version', options.apiVersion ?? API.retailPrices);
  const filter = retailFilterExpression(options.filter);
  if (filter) params.set('$filter', filter);
  if (options.currencyCode) params.set('currencyCode', options.currencyCode);
  if (options.primaryRegionOnly) params.set('meterRegion', "'primary'");
  url.search = params.toString().replace(/\+/g, '%20');
  return url.toString();
}

function errorFromBody(status: number, text: string, contentType: string | undefined): RetailPricesError {
  const said = parseErrorBody(text, contentType);
  const message = said.message ?? `HTTP ${status}`;
  return new RetailPricesError(status, said.code, `Azure Retail Prices answered ${status}${said.code ? ` ${said.code}` : ''}: ${message}`);
}

// 429 and 5xx are retried (honouring Retry-After) by the client's request pipeline behind
// fetchUnauthenticated, and throw its typed error, wait included, once they outlast the retries; a
// page cut short, stalled or broken is fetched again there too. What reaches this function is an
// answer: the page, or a refusal.
async function fetchPage(transport: ArmTransport, url: string, options: RetailPricesOptions): Promise<Record<string, unknown>> {
  const res = await transport.fetchUnauthenticated(url, { signal: options.signal, headers: { accept: 'application/json' }, expectJson: true });
  if (res.status === 200) return asObject(res.json);
  const text = (await readBody(res, 1024 * 1024).catch(() => Buffer.alloc(0))).toString('utf8');
  throw errorFromBody(res.status, text, res.headers['content-type']);
}

/** Every price matching the options, following `NextPageLink`, repeats dropped. */
export function listRetailPrices(transport: ArmTransport, endpoint: string = RETAIL_PRICES_ENDPOINT, options: RetailPricesOptions = {}): RetailPriceListing {
  return listing<RetailPrice, RetailPriceReport>(async function* ({ report: state }) {
    const first = retailPricesUrl(endpoint, options);
    const host = new URL(first).hostname;
    const seen = new Set<string>();
    let url: string | undefined = first;
    let rowsSeen = 0;
    let pageSize: number | undefined;
    while (url) {
      const page = await fetchPage(transport, url, options);
      state.pagesRead++;
      const items = Array.isArray(page.Items) ? page.Items : [];
      rowsSeen += items.length;
      for (const raw of items) {
        const parsed = parseRetailPrice(raw);
        if ('skipped' in parsed) {
          state.skippedRows.push(parsed.issues);
          continue;
        }
        const key = retailPriceKey(parsed);
        if (seen.has(key)) {
          state.duplicatesDropped++;
          continue;
        }
        seen.add(key);
        yield parsed;
      }
      const link = typeof page.NextPageLink === 'string' && page.NextPageLink !== '' ? page.NextPageLink : undefined;
      if (link) {
        pageSize ??= items.length;
        const next = new URL(link, endpoint);
        // The link must stay on the prices host: nothing else is asked for without a reason.
        if (next.hostname !== host) throw new RetailPricesError(0, undefined, `The next-page link points to another host (${next.hostname}).`);
        url = next.toString();
      } else if (items.length > 0 && looksFull(items.length, pageSize, options.pageSizeHint)) {
        // A full page without a link (a known service fault): continue by offset.
        const next = new URL(first);
        next.searchParams.set('$skip', String(rowsSeen));
        url = next.toString().replace(/\+/g, '%20');
      } else {
        url = undefined;
      }
    }
  }, options, () => ({ duplicatesDropped: 0, pagesRead: 0, skippedRows: [] }));
}
