// Invoice download as a long-running operation (docs/azure-apis.md#long-running-operations,
// #invoices-download): the POST answers 202 with `Location` and `Retry-After`; the Location answers
// 202 `settings.downloadPolls` times, then 200 `{url, expiryTime}` where url is a short-lived blob
// link to a real PDF.
import * as crypto from 'crypto';
import { badRequest, fail } from '../../arm';
import type { EmuRequest, EmuResponse } from '../../http';
import { renderInvoicePdf } from '../../pdf/invoicePdf';
import type { WorldBillingAccount, WorldDocument, WorldInvoice } from '../../world/billing/types';
import type { RouteContext } from '../context';
import { downloadTokenOf } from './invoiceViews';
import { V2020, V2024 } from './versions';

/** What a finished operation hands out through a blob link. */
export interface DownloadArtefact {
  blobName: string;
  contentType: string;
  render: () => Buffer;
}

interface Operation {
  tenantId: string | undefined;
  pollsLeft: number;
  location: string;
  artefact: DownloadArtefact;
}

/**
 * The document a download POST asks for, by this version's selector
 * (docs/azure-apis.md#invoices-download).
 */
export function selectDocument(req: EmuRequest, inv: WorldInvoice): WorldDocument {
  if (req.apiVersion === V2024) {
    const name = req.q('documentName');
    if (name === undefined) { return inv.documents[0]; }
    const doc = inv.documents.find((d) => d.name === name);
    if (!doc) { fail(404, 'NotFound', `The document '${name}' was not found for invoice '${inv.name}'.`); }
    return doc;
  }
  if (req.apiVersion === V2020) {
    const token = req.q('downloadToken');
    if (!token) { badRequest("The 'downloadToken' parameter is required.", 'MissingRequiredParameter'); }
    const doc = inv.documents.find((d) => downloadTokenOf(d) === token);
    if (!doc) { badRequest(`The download token '${token}' is not valid for invoice '${inv.name}'.`, 'InvalidDownloadToken'); }
    return doc;
  }
  return inv.documents[0];
}

/** Blob names stay plain even when the invoice's own names are hostile. */
export function plainName(s: string): string {
  return s.replace(/[^A-Za-z0-9-]/g, '_');
}

export function documentPdf(ctx: RouteContext, invoice: WorldInvoice, document: WorldDocument): () => Buffer {
  const account = ctx.world.billing.account(invoice.accountName) as WorldBillingAccount;
  const profile = invoice.profileName ? account.profiles.find((p) => p.name === invoice.profileName) : undefined;
  return () => renderInvoicePdf({ invoice, document, account, profileDisplayName: profile?.displayName });
}

export function pdfArtefact(ctx: RouteContext, invoice: WorldInvoice, document: WorldDocument): DownloadArtefact {
  return { blobName: `${plainName(invoice.name)}-${plainName(document.name)}.pdf`, contentType: 'application/pdf', render: documentPdf(ctx, invoice, document) };
}

export class InvoiceDownloads {
  private readonly operations = new Map<string, Operation>();

  constructor(private readonly ctx: RouteContext) {}

  /** Starts an operation; `locationPath` is the scope path the operation result hangs off. */
  start(req: EmuRequest, locationPath: string, artefact: DownloadArtefact): EmuResponse {
    const id = `invoiceDownload_${crypto.randomUUID()}`;
    const location = `${req.origin}${locationPath}/operationResults/${id}?api-version=${req.apiVersion}`;
    this.operations.set(id, { tenantId: req.caller?.tid, pollsLeft: this.ctx.settings.downloadPolls, location, artefact });
    return { status: 202, headers: { location, 'retry-after': String(this.ctx.settings.retryAfterSeconds) } };
  }

  poll(req: EmuRequest): EmuResponse {
    const op = this.operations.get(req.params.operationId);
    if (!op || op.tenantId !== req.caller?.tid) { fail(404, 'NotFound', `The operation '${req.params.operationId}' was not found.`); }
    if (op.pollsLeft > 0) {
      op.pollsLeft -= 1;
      return { status: 202, headers: { location: op.location, 'retry-after': String(this.ctx.settings.retryAfterSeconds) } };
    }
    const { blobName, contentType, render } = op.artefact;
    const link = this.ctx.blobs.put('invoices', blobName, render, contentType, this.ctx.settings.blobUrlLifetimeSeconds);
    return { status: 200, json: { url: link.url, expiryTime: link.expiryTime } };
  }
}
