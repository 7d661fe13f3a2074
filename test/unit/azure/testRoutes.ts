// Extra emulator routes under `Test.Client`, registered by the client tests to reach shapes the
// real routes may not produce: every form of "last page", api-version changes inside a nextLink,
// a header echo, and the Cost Management re-POST paging with a body check.
import { badRequest, continuationUrl, decodeOffset, encodeOffset, ok } from '../../emulator/arm';
import type { EmuRequest } from '../../emulator/http';
import type { Emulator } from '../../emulator/server';

export const TEST_API = '2024-01-01';
/** Items 0…(count-1), each `{ id: 'item-N', n: N }`. */
export const itemsUpTo = (count: number) => Array.from({ length: count }, (_, n) => ({ id: `item-${n}`, n }));

/** How a route marks its last page. */
export type LastPageStyle = 'absent' | 'null' | 'empty';

function lastPageMark(style: LastPageStyle): Record<string, unknown> {
  if (style === 'null') { return { nextLink: null }; }
  if (style === 'empty') { return { nextLink: '' }; }
  return {};
}

export function registerTestRoutes(emu: Emulator): void {
  const router = emu.router;
  router.add({
    method: 'GET', path: '/providers/Test.Client/echo', apiVersions: [TEST_API], auth: 'arm',
    handler: (req) => ok({ headers: req.headers, query: Object.fromEntries(req.query) }),
  });
  // Echo under any scope, e.g. …/scoped/providers/Microsoft.CostManagement/x, to see headers sent there.
  router.add({
    method: 'GET', path: '/providers/Test.Client/scoped/{*rest}', apiVersions: [TEST_API], auth: 'arm',
    handler: (req) => ok({ headers: req.headers, rest: req.params.rest }),
  });
  router.add({
    method: 'POST', path: '/providers/Test.Client/echo', apiVersions: [TEST_API], auth: 'arm',
    handler: (req) => ok({ headers: req.headers, body: JSON.parse(req.body.toString('utf8') || 'null') as unknown }),
  });
  // GET …/items/{count}/{pageSize}/{lastPage}: a paged list ending in the given style.
  router.add({
    method: 'GET', path: '/providers/Test.Client/items/{count}/{pageSize}/{lastPage}', apiVersions: [TEST_API, '2018-01-31'], auth: 'arm',
    handler: (req) => {
      const items = itemsUpTo(Number(req.params.count));
      const size = Number(req.params.pageSize);
      const offset = decodeOffset(req.q('$skiptoken'));
      const value = items.slice(offset, offset + size);
      if (offset + size >= items.length) { return ok({ value, ...lastPageMark(req.params.lastPage as LastPageStyle) }); }
      const next = new URL(continuationUrl(req, '$skiptoken', encodeOffset(offset + size)));
      // The price sheet example hands back an older api-version in its nextLink
      // (docs/azure-apis.md#paging).
      next.searchParams.set('api-version', '2018-01-31');
      return ok({ value, nextLink: next.toString(), seenApiVersion: req.apiVersion });
    },
  });
  // Consumption price-sheet style: the continuation sits in `properties`.
  router.add({
    method: 'GET', path: '/providers/Test.Client/pricesheet', apiVersions: [TEST_API], auth: 'arm',
    handler: (req) => {
      const items = itemsUpTo(5);
      const offset = decodeOffset(req.q('$skiptoken'));
      const page = items.slice(offset, offset + 2);
      const nextLink = offset + 2 < items.length ? continuationUrl(req, '$skiptoken', encodeOffset(offset + 2)) : null;
      return ok({ id: 'pricesheet', properties: { nextLink, pricesheets: page } });
    },
  });
  // Cost Management style: rows in `properties`, next page by POSTing the same body again.
  router.add({
    method: 'POST', path: '/providers/Test.Client/query', apiVersions: [TEST_API], auth: 'arm',
    handler: (req: EmuRequest) => {
      const body = JSON.parse(req.body.toString('utf8') || '{}') as { type?: unknown };
      if (body.type !== 'ActualCost') { badRequest('The query body was not sent again with the next page.'); }
      const all = itemsUpTo(7).map((i) => [i.n * 1.5, 20261101 + i.n, 'USD']);
      const offset = decodeOffset(req.q('$skiptoken'));
      const rows = all.slice(offset, offset + 3);
      const nextLink = offset + 3 < all.length ? continuationUrl(req, '$skiptoken', encodeOffset(offset + 3)) : null;
      return ok({
        id: 'query', type: 'Microsoft.CostManagement/query',
        properties: { nextLink, columns: [{ name: 'Cost', type: 'Number' }, { name: 'UsageDate', type: 'Number' }, { name: 'Currency', type: 'String' }], rows },
      });
    },
  });
  // A billing-scope path of our own, so a 403 there can be told apart from one on an RBAC scope.
  router.add({
    method: 'GET', path: '/providers/Microsoft.Billing/clientTestProbe', apiVersions: [TEST_API], auth: 'arm',
    handler: () => ok({ value: [] }),
  });
  router.add({
    method: 'POST', path: '/providers/Test.Client/nothing', apiVersions: [TEST_API], auth: 'arm',
    handler: () => ({ status: 204 }),
  });
}
