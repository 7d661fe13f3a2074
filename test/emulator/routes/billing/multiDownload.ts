// Several invoice documents as one ZIP (docs/azure-apis.md#invoices-download-as-zip):
// `POST .../downloadDocuments` with `[{invoiceName, documentName}]` on 2024-04-01 or an array of
// per-document download URLs on 2020-05-01, then the same 202 → Location → 200 {url, expiryTime}
// flow as a single download.
// Entries are named after their documents as the server names them, so with
// `settings.hostileInvoiceNames` on, one entry tries to climb out of the folder (a zip-slip test).
import * as crypto from 'crypto';
import { badRequest, fail } from '../../arm';
import type { EmuRequest } from '../../http';
import { writeZip, ZipEntry } from '../../pdf/zipWriter';
import type { Router } from '../../router';
import type { WorldBillingAccount, WorldDocument, WorldInvoice } from '../../world/billing/types';
import type { RouteContext } from '../context';
import { documentPdf, InvoiceDownloads } from './download';
import { findPresented } from './invoiceCatalog';
import { downloadTokenOf } from './invoiceViews';
import { rbacSubscriptionOf } from './lookup';
import { BILLING, BILLING_VERSIONS, seg, V2020, V2024 } from './versions';

/** Most documents one request may ask for [inf: the spec states no limit]. */
export const MAX_DOCUMENTS_PER_ZIP = 50;

interface Sources {
  accountInvoices: (req: EmuRequest) => { account: WorldBillingAccount; invoices: WorldInvoice[] };
  subscriptionInvoices: (req: EmuRequest) => WorldInvoice[];
}

type Wanted = { invoice: WorldInvoice; document: WorldDocument };

function parseBody(req: EmuRequest): unknown[] {
  let body: unknown;
  try {
    body = JSON.parse(req.body.toString('utf8'));
  } catch {
    badRequest('The request body must be a JSON array of the documents to download.', 'InvalidRequestContent');
  }
  if (!Array.isArray(body) || body.length === 0) { badRequest('The request body must be a non-empty JSON array of the documents to download.', 'InvalidRequestContent'); }
  if (body.length > MAX_DOCUMENTS_PER_ZIP) { badRequest(`At most ${MAX_DOCUMENTS_PER_ZIP} documents can be downloaded at once; this request asks for ${body.length}.`); }
  return body;
}

/** One requested document, in this version's form, resolved against the scope's invoices. */
function resolve(ctx: RouteContext, req: EmuRequest, invoices: readonly WorldInvoice[], item: unknown, index: number): Wanted {
  const where = `item ${index}`;
  if (req.apiVersion === V2024) {
    const { invoiceName, documentName } = (item ?? {}) as { invoiceName?: unknown; documentName?: unknown };
    if (typeof invoiceName !== 'string') { badRequest(`${where}: 'invoiceName' is required (2024-04-01 takes [{invoiceName, documentName}]).`); }
    const invoice = findPresented(ctx, invoices, invoiceName);
    if (!invoice) { fail(404, 'NotFound', `${where}: the invoice '${invoiceName}' was not found.`); }
    const document = documentName === undefined ? invoice.documents[0] : invoice.documents.find((d) => d.name === documentName);
    if (!document) { fail(404, 'NotFound', `${where}: the document '${String(documentName)}' was not found for invoice '${invoiceName}'.`); }
    return { invoice, document };
  }
  // 2020-05-01: each item is a document's download URL; the invoice is in its path, the token in its query.
  if (typeof item !== 'string') { badRequest(`${where}: 2020-05-01 takes an array of download URLs (strings).`); }
  let url: URL;
  try {
    url = new URL(item, req.origin);
  } catch {
    badRequest(`${where}: '${item}' is not a URL.`);
  }
  const parts = url.pathname.split('/').map((p) => decodeURIComponent(p));
  const at = parts.lastIndexOf('download');
  const invoiceName = at >= 2 && parts[at - 2].toLowerCase() === 'invoices' ? parts[at - 1] : undefined;
  const token = url.searchParams.get('downloadToken');
  if (!invoiceName || !token) { badRequest(`${where}: '${item}' is not an invoice download URL with a downloadToken.`); }
  const invoice = findPresented(ctx, invoices, invoiceName);
  if (!invoice) { fail(404, 'NotFound', `${where}: the invoice '${invoiceName}' was not found.`); }
  const document = invoice.documents.find((d) => downloadTokenOf(d) === token);
  if (!document) { badRequest(`${where}: the download token '${token}' is not valid for invoice '${invoiceName}'.`, 'InvalidDownloadToken'); }
  return { invoice, document };
}

function zipOf(ctx: RouteContext, wanted: Wanted[]): () => Buffer {
  return () => writeZip(wanted.map(({ invoice, document }): ZipEntry => ({ name: `${document.name}.pdf`, data: documentPdf(ctx, invoice, document)(), date: invoice.invoiceDate })));
}

export function registerMultiDownloadRoutes(router: Router, ctx: RouteContext, downloads: InvoiceDownloads, sources: Sources): void {
  const versions = [V2020, V2024];
  const start = (req: EmuRequest, invoices: readonly WorldInvoice[], locationPath: string) => {
    const wanted = parseBody(req).map((item, i) => resolve(ctx, req, invoices, item, i));
    return downloads.start(req, locationPath, { blobName: `invoices-${crypto.randomUUID()}.zip`, contentType: 'application/zip', render: zipOf(ctx, wanted) });
  };
  router.add({ method: 'POST', path: `${BILLING}/default/billingSubscriptions/{subscriptionId}/downloadDocuments`, apiVersions: versions, auth: 'arm', handler: (req) => {
    const sub = rbacSubscriptionOf(ctx, req);
    return start(req, sources.subscriptionInvoices(req), `${BILLING}/default/billingSubscriptions/${sub.subscriptionId}`);
  } });
  router.add({ method: 'POST', path: `${BILLING}/{billingAccountName}/downloadDocuments`, apiVersions: versions, auth: 'arm', handler: (req) => {
    const { account, invoices } = sources.accountInvoices(req);
    return start(req, invoices, `${BILLING}/${seg(account.name)}`);
  } });
  router.add({ method: 'GET', path: `${BILLING}/{billingAccountName}/operationResults/{operationId}`, apiVersions: BILLING_VERSIONS, auth: 'arm', handler: (req) => downloads.poll(req) });
}
