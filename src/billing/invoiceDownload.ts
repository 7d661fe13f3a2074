// Downloading an invoice document: start the long-running operation, receive a short-lived SAS
// URL, fetch it without credentials (docs/azure-apis.md#invoices-download).
//
// The URL is a secret for its lifetime: it is wrapped in `ShortLivedUrl`, whose every printable
// form (string, JSON, console/inspect) is a placeholder, and no error message here contains it.
// Only `reveal()` gives it out, to the one fetch that needs it.
import { inspect } from 'util';
import { AzureError } from '../azure/errors';
import type { ArmTransport, BlobResponse } from '../azure/transport';
import { API } from './apiVersions';
import { parseInstant } from './models/dates';
import { accountPath, looksLikeEnrollmentNumber, profilePath, seg } from './models/ids';
import { Invoice, InvoiceDocument } from './models/invoice';
import { asObject } from './models/wire';
import { linkRefusal, sasExpiry, SignedLinkRefusedError } from './signedLinks';
import { withVersionFallback } from './versionFallback';

const HIDDEN = '[short-lived download URL]';

export class ShortLivedUrl {
  readonly #url: string;
  constructor(url: string) {
    this.#url = url;
  }
  /** The URL itself: hand it to the fetch and nowhere else. */
  reveal(): string {
    return this.#url;
  }
  toString(): string {
    return HIDDEN;
  }
  toJSON(): string {
    return HIDDEN;
  }
  [inspect.custom](): string {
    return HIDDEN;
  }
}

export interface DocumentLink {
  url: ShortLivedUrl;
  /** From `expiryTime`, else the SAS `se=` parameter; undefined if neither is there. */
  expiresAt?: Date;
  invoiceName: string;
  /** The document asked for (2024-04-01 `documentName`), when one was chosen. */
  documentName?: string;
}

/** A link past its expiry: known before fetching, or said so by storage. */
export class DownloadLinkExpiredError extends SignedLinkRefusedError {
  override readonly name: string = 'DownloadLinkExpiredError';
  constructor(invoiceName: string, cause?: unknown) {
    super(`invoice ${invoiceName}`, true, `The download link for invoice ${invoiceName} has expired; request a new one.`, cause);
  }
}

/** The code of the error for a download operation that finished without a link. */
export const NO_DOWNLOAD_LINK = 'NoDownloadLink';

export class DocumentUnavailableError extends Error {
  override readonly name = 'DocumentUnavailableError';
}

export interface DownloadOptions {
  /** A document of the invoice (`documents[].name`); default: the invoice PDF. */
  documentName?: string;
  signal?: AbortSignal;
  onPoll?: (retryAfterSeconds: number) => void;
  maxWaitMs?: number;
  /**
   * Looks at the document's bytes inside the client's attempt; a problem it names (a PDF cut short)
   * makes the client fetch the document again.
   */
  checkBody?: (body: Buffer) => string | undefined;
}

/** The document to ask for: the named one, else the one of kind `Invoice`, else the first. */
export function chooseDocument(invoice: Invoice, documentName?: string): InvoiceDocument | undefined {
  if (documentName) { return invoice.documents.find((d) => d.name === documentName); }
  return invoice.documents.find((d) => d.kind === 'Invoice') ?? invoice.documents[0];
}

interface DownloadRequest {
  path: string;
  query: Record<string, string>;
  versions: string[];
}

/**
 * Path and selector per the version family the invoice was read with
 * (docs/azure-apis.md#invoices-download).
 */
export function downloadRequestFor(invoice: Invoice, documentName?: string): DownloadRequest {
  const doc = chooseDocument(invoice, documentName);
  if (documentName && !doc) { throw new DocumentUnavailableError(`Invoice ${invoice.name} has no document named ${documentName}.`); }
  const invoiceSeg = seg(invoice.name);
  const base =
    invoice.origin.scope === 'subscription' && invoice.subscriptionId
      ? `/providers/Microsoft.Billing/billingAccounts/default/billingSubscriptions/${seg(invoice.subscriptionId)}/invoices/${invoiceSeg}`
      : `${accountPath(invoice.accountName ?? 'default')}/invoices/${invoiceSeg}`;
  switch (invoice.origin.apiVersion) {
    case API.billingMca: {
      // 2020-05-01: the selector is the download token found in the document URL.
      if (!doc?.downloadToken) { throw new DocumentUnavailableError(`Invoice ${invoice.name} lists no downloadable document.`); }
      return { path: `${base}/download`, query: { downloadToken: doc.downloadToken }, versions: [API.billingMca] };
    }
    case API.billingEa: {
      // 2019-10-01-preview: MCA documents hang off the billing profile; EA off the account.
      const onProfile = invoice.profileName && invoice.accountName && !looksLikeEnrollmentNumber(invoice.accountName);
      const path = onProfile ? `${profilePath(invoice.accountName!, invoice.profileName!)}/invoices/${invoiceSeg}/download` : `${base}/download`;
      return { path, query: {}, versions: [API.billingEa] };
    }
    default: {
      const name = doc?.name;
      return { path: `${base}/download`, query: name ? { documentName: name } : {}, versions: [invoice.origin.apiVersion] };
    }
  }
}

function expiryOf(payload: Record<string, unknown>, url: string): Date | undefined {
  const stated = parseInstant(payload.expiryTime);
  return stated.ok ? stated.value : sasExpiry(url);
}

/** Starts the download operation and waits for the short-lived link. */
export async function requestInvoiceDownload(transport: ArmTransport, invoice: Invoice, options: DownloadOptions = {}): Promise<DocumentLink> {
  const request = downloadRequestFor(invoice, options.documentName);
  const payload = await withVersionFallback(request.versions, (apiVersion) =>
    transport.longRunning<unknown>(request.path, undefined, {
      query: { 'api-version': apiVersion, ...request.query },
      signal: options.signal,
      onPoll: options.onPoll,
      maxWaitMs: options.maxWaitMs,
    }),
  );
  const body = asObject(payload);
  const url = typeof body.url === 'string' ? body.url : typeof body.downloadUrl === 'string' ? body.downloadUrl : undefined;
  // Azure's answer was broken, not the invoice: typed so a person hears "try again", and asked once
  // more by downloadInvoiceDocument.
  if (!url) { throw new AzureError({ kind: 'invalidResponse', code: NO_DOWNLOAD_LINK, message: `The download of invoice ${invoice.name} finished without a link.` }); }
  return {
    url: new ShortLivedUrl(url),
    expiresAt: expiryOf(body, url),
    invoiceName: invoice.name,
    ...(request.query.documentName ? { documentName: request.query.documentName } : {}),
  };
}

/** Links this close to expiry are treated as expired: the fetch would race the clock. */
const EXPIRY_MARGIN_MS = 5_000;

/**
 * The document's bytes as a stream, fetched without any Authorization header (and read whole by the
 * client: a body that broke was fetched again). Throws `DownloadLinkExpiredError` for an expired
 * link (before fetching, or on storage's 403 saying so) and `SignedLinkRefusedError` when storage
 * refuses a link that had not expired.
 */
export async function openDocument(
  transport: ArmTransport,
  link: DocumentLink,
  options: { signal?: AbortSignal; now?: () => Date; checkBody?: (body: Buffer) => string | undefined } = {},
): Promise<BlobResponse> {
  const now = (options.now ?? (() => new Date()))();
  if (link.expiresAt && link.expiresAt.getTime() - EXPIRY_MARGIN_MS <= now.getTime()) { throw new DownloadLinkExpiredError(link.invoiceName); }
  const url = link.url.reveal();
  const response = await transport.fetchUnauthenticated(url, { signal: options.signal, checkBody: options.checkBody });
  if (response.status === 200) { return response; }
  if (response.status === 403) {
    const refusal = await linkRefusal(response, url, `invoice ${link.invoiceName}`, now);
    throw refusal.expired ? new DownloadLinkExpiredError(link.invoiceName, refusal.cause) : refusal;
  }
  response.body.resume(); // drain: nobody will read this body
  throw new DocumentUnavailableError(`The storage service answered ${response.status} for the document of invoice ${link.invoiceName}.`);
}

/** Worth one more download operation: a fresh link, or an answer that had none. */
function worthAFreshLink(error: unknown): boolean {
  return error instanceof SignedLinkRefusedError || (error instanceof AzureError && error.code === NO_DOWNLOAD_LINK);
}

/** Request a link and open it; asks once more when the link was refused or none came. */
export async function downloadInvoiceDocument(
  transport: ArmTransport,
  invoice: Invoice,
  options: DownloadOptions = {},
): Promise<{ link: DocumentLink; response: BlobResponse }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const link = await requestInvoiceDownload(transport, invoice, options);
      return { link, response: await openDocument(transport, link, { signal: options.signal, checkBody: options.checkBody }) };
    } catch (error) {
      if (!worthAFreshLink(error) || attempt >= 2) { throw error; }
    }
  }
}
