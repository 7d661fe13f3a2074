// Building request URLs. Continuation links are sent back exactly as the service gave them
// (docs/azure-apis.md#request-urls), so query parameters are appended as text, never by
// re-serialising the whole query (which would re-encode a `$skiptoken` and could change what the
// service reads).
import { AzureError } from './errors';

export type QueryValues = Record<string, string | number | boolean | undefined>;

/** Percent-encodes a query name or value; `$` stays readable in OData names such as `$filter`. */
function encodePart(text: string): string {
  return encodeURIComponent(text).replace(/%24/g, '$');
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * `pathOrUrl` resolved against `endpoint`, with `query` appended (a parameter already present
 * under the same name, case-insensitively, is replaced). Absolute URLs must be on the endpoint's
 * origin: the client sends its bearer token to it.
 */
export function buildArmUrl(endpoint: string, pathOrUrl: string, query: QueryValues = {}): string {
  const base = new URL(endpoint);
  let url: URL;
  if (/^https?:\/\//i.test(pathOrUrl)) {
    url = new URL(pathOrUrl);
    if (url.origin !== base.origin) {
      throw new AzureError({ kind: 'invalidResponse', message: `Refusing to send an Azure token to ${url.origin}: only ${base.origin} is trusted.` });
    }
  } else {
    // Scopes come with or without a leading slash (docs/azure-apis.md#request-urls): exactly one
    // after the host.
    const basePath = base.pathname.replace(/\/+$/, '');
    url = new URL(`${base.origin}${basePath}/${pathOrUrl.replace(/^\/+/, '')}`);
  }
  return appendQuery(url, query);
}

/** `url` with `query` appended as text; existing parameters keep their exact encoding. */
export function appendQuery(url: URL, query: QueryValues): string {
  const given = Object.entries(query).filter(([, v]) => v !== undefined) as Array<[string, string | number | boolean]>;
  const replaced = new Set(given.map(([k]) => k.toLowerCase()));
  const kept = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && !replaced.has(decodeSafe(pair.split('=')[0]).toLowerCase()));
  const added = given.map(([k, v]) => `${encodePart(k)}=${encodePart(String(v))}`);
  const all = [...kept, ...added];
  return `${url.origin}${url.pathname}${all.length ? `?${all.join('&')}` : ''}`;
}

export function isCostManagementUrl(url: string): boolean {
  return /\/providers\/Microsoft\.CostManagement\//i.test(url);
}
