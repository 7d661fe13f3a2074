// The query parameters of /api/retail/prices and the NextPageLink that repeats them
// (docs/azure-apis.md#retail-prices-requests, #retail-prices-filters and #retail-prices-paging).
import { EmuHttpError, EmuRequest, EmuResponse } from '../../http';
import { isCurrency } from '../../world/usage/currencies';
import { ODataError, parseFilter } from './odata';

export const RETAIL_API_VERSIONS = ['2021-10-01-preview', '2023-01-01-preview'];

export interface RetailQuery {
  apiVersion: string | undefined;
  filter?: ReturnType<typeof parseFilter>;
  rawFilter?: string;
  currency: string;
  rawCurrency?: string;
  primaryOnly: boolean;
  rawMeterRegion?: string;
  skip: number;
  top?: number;
  orderBy?: { field: string; descending: boolean };
}

/** The retail API's own error shape: PascalCase, not ARM's. */
export function retailError(status: number, code: string, message: string): EmuResponse {
  return { status, json: { Error: { Code: code, Message: message } } };
}

function fail(message: string): never {
  throw new EmuHttpError(retailError(400, 'BadRequest', message));
}

const unquote = (v: string) => v.replace(/^'(.*)'$/, '$1');

export function parseRetailQuery(req: EmuRequest): RetailQuery {
  const apiVersion = req.q('api-version');
  if (apiVersion !== undefined && !RETAIL_API_VERSIONS.includes(apiVersion)) { fail('Unsupported API version'); }
  const rawCurrency = req.q('currencyCode');
  const currency = rawCurrency === undefined ? 'USD' : unquote(rawCurrency);
  if (!isCurrency(currency)) { fail(`Invalid currency code '${currency}'.`); } // [inf]
  const rawMeterRegion = req.q('meterRegion');
  // meterRegion='primary' arrived with 2021-10-01-preview; without an api-version it is ignored [inf].
  const primaryOnly = apiVersion !== undefined && rawMeterRegion !== undefined && unquote(rawMeterRegion).toLowerCase() === 'primary';
  const rawFilter = req.q('$filter');
  let filter;
  try {
    filter = rawFilter ? parseFilter(rawFilter) : undefined;
  } catch (e) {
    if (e instanceof ODataError) { fail(e.message); }
    throw e;
  }
  const skipText = req.q('$skip') ?? '0';
  if (!/^\d+$/.test(skipText)) { fail('Invalid OData parameters supplied'); }
  const topText = req.q('$top');
  // Each NextPageLink lowers $top by a page; once negative the service answers 400 [obs].
  if (topText !== undefined && !/^\d+$/.test(topText)) { fail('Invalid OData parameters supplied'); }
  const orderText = req.q('$orderby');
  let orderBy: RetailQuery['orderBy'];
  if (orderText !== undefined) {
    const m = /^\s*(\w+)(\s+(asc|desc))?\s*$/i.exec(orderText);
    if (!m) { fail('Invalid OData parameters supplied'); } // multi-field $orderby is refused [obs]
    orderBy = { field: m[1], descending: (m[3] ?? '').toLowerCase() === 'desc' };
  }
  return {
    apiVersion, filter, rawFilter, currency, rawCurrency, primaryOnly, rawMeterRegion,
    skip: Number(skipText), top: topText === undefined ? undefined : Number(topText), orderBy,
  };
}

/** Absolute, self-contained, with the port written out (Azure writes `:443`). */
export function nextPageLink(req: EmuRequest, query: RetailQuery, skip: number, pageSize: number): string {
  const enc = (v: string) => encodeURIComponent(v).replace(/'/g, '%27');
  const parts: string[] = [];
  if (query.apiVersion) { parts.push(`api-version=${enc(query.apiVersion)}`); }
  if (query.rawFilter) { parts.push(`$filter=${enc(query.rawFilter)}`); }
  if (query.rawCurrency !== undefined) { parts.push(`currencyCode=${enc(query.rawCurrency)}`); }
  if (query.rawMeterRegion !== undefined) { parts.push(`meterRegion=${enc(query.rawMeterRegion)}`); }
  if (query.top !== undefined) { parts.push(`$top=${query.top - pageSize}`); }
  parts.push(`$skip=${skip}`);
  const origin = new URL(req.origin);
  return `${origin.protocol}//${origin.hostname}:${origin.port || 443}/api/retail/prices?${parts.join('&')}`;
}
