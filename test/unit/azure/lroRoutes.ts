// Long-running operation shapes for the client tests (docs/azure-apis.md#long-running-operations),
// and a SAS-style blob host of the tests' own: 202 + Location polling, Azure-AsyncOperation status
// documents, an immediate 200, a poll that fails, and links that refuse an Authorization header.
import { armError, ok } from '../../emulator/arm';
import { BlobStore } from '../../emulator/blobs';
import type { Emulator } from '../../emulator/server';
import { TEST_API } from './testRoutes';

export const PDF_BYTES = Buffer.from('%PDF-1.4\n% client test document\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

export function registerLroRoutes(emu: Emulator): void {
  const store = new BlobStore();
  // The store signs links for the emulator's blob origin; ours are served on ARM's own host under
  // /testblob/, so the client must leave its token off even where the host stays the same.
  const blobs = {
    put: (origin: string, ...args: Parameters<BlobStore['put']>) => {
      store.origin = origin;
      const link = store.put(...args);
      return { ...link, url: link.url.replace('/blob/', '/testblob/') };
    },
    serve: store.serve.bind(store),
  };
  const polls = new Map<string, number>();
  let nextId = 0;
  const router = emu.router;
  const api = [TEST_API];

  router.add({ method: 'GET', path: '/testblob/{container}/{name}', apiVersions: 'none', auth: 'public', handler: (req) => blobs.serve(req, req.params.container, req.params.name) });

  // POST …/lro/location/{pollsBeforeDone}/{retryAfter}: 202 + Location, then 202 … 200 {url, expiryTime}.
  router.add({
    method: 'POST', path: '/providers/Test.Client/lro/location/{polls}/{retryAfter}', apiVersions: api, auth: 'arm',
    handler: (req) => {
      const id = `op${nextId++}`;
      polls.set(id, Number(req.params.polls));
      return { status: 202, headers: { location: `${req.origin}/providers/Test.Client/operationResults/${id}?api-version=${TEST_API}`, 'retry-after': req.params.retryAfter } };
    },
  });
  router.add({
    method: 'GET', path: '/providers/Test.Client/operationResults/{id}', apiVersions: api, auth: 'arm',
    handler: (req) => {
      const left = polls.get(req.params.id);
      if (left === undefined) { return armError(404, 'OperationNotFound', 'The operation was not found.'); }
      if (left > 0) {
        polls.set(req.params.id, left - 1);
        return { status: 202, headers: { 'retry-after': '0' } };
      }
      return ok(blobs.put(req.origin, 'invoices', `${req.params.id}.pdf`, () => PDF_BYTES, 'application/pdf', 60));
    },
  });
  // The cached case: the first answer is already the result.
  router.add({
    method: 'POST', path: '/providers/Test.Client/lro/immediate', apiVersions: api, auth: 'arm',
    handler: (req) => ok(blobs.put(req.origin, 'invoices', 'cached.pdf', () => PDF_BYTES, 'application/pdf', 60)),
  });
  // A Location that leads nowhere: the first poll answers 404.
  router.add({
    method: 'POST', path: '/providers/Test.Client/lro/lost', apiVersions: api, auth: 'arm',
    handler: (req) => ({ status: 202, headers: { location: `${req.origin}/providers/Test.Client/operationResults/unknown?api-version=${TEST_API}`, 'retry-after': '0' } }),
  });
  // POST …/lro/async/{outcome}: 202 + Azure-AsyncOperation (+ Location for the result).
  router.add({
    method: 'POST', path: '/providers/Test.Client/lro/async/{outcome}', apiVersions: api, auth: 'arm',
    handler: (req) => {
      const id = `async${nextId++}`;
      polls.set(id, 1);
      return {
        status: 202,
        headers: {
          'azure-asyncoperation': `${req.origin}/providers/Test.Client/asyncStatus/${id}/${req.params.outcome}?api-version=${TEST_API}`,
          location: `${req.origin}/providers/Test.Client/asyncResult/${id}?api-version=${TEST_API}`,
          'retry-after': '0',
        },
      };
    },
  });
  router.add({
    method: 'GET', path: '/providers/Test.Client/asyncStatus/{id}/{outcome}', apiVersions: api, auth: 'arm',
    handler: (req) => {
      const left = polls.get(req.params.id) ?? 0;
      polls.set(req.params.id, left - 1);
      if (left > 0) { return ok({ id: req.params.id, status: 'InProgress' }, { 'retry-after': '0' }); }
      if (req.params.outcome === 'fail') { return ok({ id: req.params.id, status: 'Failed', error: { code: 'BillingAccountLocked', message: 'The account is locked.' } }); }
      return ok({ id: req.params.id, status: 'Succeeded' });
    },
  });
  router.add({
    method: 'GET', path: '/providers/Test.Client/asyncResult/{id}', apiVersions: api, auth: 'arm',
    handler: (req) => ok({ id: req.params.id, properties: { displayName: 'Renamed account' } }),
  });
}
