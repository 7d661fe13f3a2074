// The public retail prices API on /api/retail/prices (docs/azure-apis.md#retail-prices): no auth,
// not ARM, PascalCase envelope and errors, $skip paging with an absolute NextPageLink, and knobs
// for what goes wrong in the wild (missing NextPageLink, unstable order between pages, 429).
import type { Router } from '../router';
import { Random } from '../world/random';
import { usageWorldOf } from '../world/usage/access';
import type { RouteContext } from './context';
import { evaluate } from './retail/odata';
import { nextPageLink, parseRetailQuery, retailError } from './retail/pricesQuery';

export function registerRetailPricesRoutes(router: Router, ctx: RouteContext): void {
  let requests = 0;
  router.add({
    method: 'GET',
    path: '/api/retail/prices',
    apiVersions: 'none',
    auth: 'public',
    handler: (req) => {
      const knobs = ctx.settings.retailPrices;
      requests += 1;
      if (knobs.throttleEvery > 0 && requests % knobs.throttleEvery === 0) {
        const throttled = retailError(429, 'TooManyRequests', 'Too many requests. Please retry later.'); // [inf] body
        if (knobs.throttleRetryAfterSeconds !== null) { throttled.headers = { 'retry-after': String(knobs.throttleRetryAfterSeconds) }; }
        return throttled;
      }
      const query = parseRetailQuery(req);
      const catalogue = usageWorldOf(ctx.world).retail();
      const caseSensitive = query.apiVersion === '2023-01-01-preview';
      // $filter is evaluated on the USD items: `currencyCode eq 'EUR'` matches nothing, as in Azure [obs].
      let entries = catalogue.entries.filter((e) => (!query.primaryOnly || e.usd.isPrimaryMeterRegion) && (!query.filter || evaluate(query.filter, e.usd as unknown as Record<string, unknown>, caseSensitive)));
      if (query.orderBy) {
        const field = Object.keys(entries[0]?.usd ?? {}).find((k) => k.toLowerCase() === query.orderBy!.field.toLowerCase());
        if (field) {
          const sign = query.orderBy.descending ? -1 : 1;
          entries = [...entries].sort((a, b) => {
            const x = (a.usd as unknown as Record<string, string | number>)[field];
            const y = (b.usd as unknown as Record<string, string | number>)[field];
            return x === y ? 0 : x > y ? sign : -sign;
          });
        }
      } else if (knobs.shuffle) {
        entries = shuffled(entries, requests);
      }
      const pageSize = Math.max(1, knobs.pageSize);
      const page = entries.slice(query.skip, query.skip + pageSize);
      const more = query.skip + pageSize < entries.length;
      const withSavingsPlan = query.apiVersion === '2023-01-01-preview';
      return {
        status: 200,
        json: {
          BillingCurrency: query.currency,
          CustomerEntityId: 'Default',
          CustomerEntityType: 'Retail',
          Items: page.map((e) => catalogue.render(e, query.currency, withSavingsPlan)),
          NextPageLink: more && !knobs.omitNextPageLink ? nextPageLink(req, query, query.skip + pageSize, pageSize) : null,
          Count: page.length,
        },
      };
    },
  });
}

/** A different order on every request: what makes long $skip walks drop and repeat rows. */
function shuffled<T>(items: T[], request: number): T[] {
  const rnd = Random.of('retail-shuffle', request);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
