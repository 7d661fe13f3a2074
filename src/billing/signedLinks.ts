// Short-lived signed (SAS) links to storage, as the invoice download and RateCard hand them out.
// Storage answers 403 both to a link past its expiry and to one it does not accept for another
// reason (a clock that is off, a proxy that rewrote the link). Either way the caller asks once for a
// fresh link; a second refusal ends in `SignedLinkRefusedError`, which says which of the two it was,
// so nobody is told "expired" about a link that was not. Other statuses become the client's typed
// errors. No message here contains the link: it carries a signature.
import { parseErrorBody } from '../azure/errorBody';
import { AzureError, errorFromResponse } from '../azure/errors';
import { redactUrl } from '../azure/log';
import type { BlobResponse } from '../azure/transport';
import { readBody } from './blobBody';
import { parseInstant } from './models/dates';

export class SignedLinkRefusedError extends Error {
  override readonly name: string = 'SignedLinkRefusedError';
  constructor(
    /** What the link was for, e.g. "invoice G012345678" or "the RateCard document". */
    readonly document: string,
    /** True when the link had expired; false when storage refused a link that was still valid. */
    readonly expired: boolean,
    message?: string,
    cause?: unknown,
  ) {
    super(
      message ?? (expired ? `The link to ${document} expired before it could be used.` : `Azure Storage refused the link to ${document} (403), a fresh one too.`),
      cause === undefined ? undefined : { cause },
    );
  }
}

/** The expiry a SAS link carries in its `se` parameter, if it names one. */
export function sasExpiry(url: string): Date | undefined {
  try {
    const se = new URL(url).searchParams.get('se');
    const parsed = se ? parseInstant(se) : undefined;
    return parsed?.ok ? parsed.value : undefined;
  } catch {
    return undefined;
  }
}

/** Storage's words for a signature used outside its validity window. */
const OUTSIDE_VALIDITY = /not valid in the specified time frame|expired/i;

async function textOf(response: BlobResponse): Promise<string> {
  return (await readBody(response, 1024 * 1024).catch(() => Buffer.alloc(0))).toString('utf8');
}

/** The typed error for a non-200 answer of storage (or another public host) to `url`. */
export async function storageError(response: BlobResponse, url: string): Promise<AzureError> {
  return errorFromResponse({ status: response.status, headers: response.headers, text: await textOf(response), method: 'GET', url: redactUrl(url) });
}

/**
 * A 403 on a signed link, as the refusal it is: expired when the link's own expiry has passed (or
 * storage says so), refused otherwise. Carries the storage error as its cause, for the log.
 */
export async function linkRefusal(response: BlobResponse, url: string, document: string, now: Date = new Date()): Promise<SignedLinkRefusedError> {
  const text = await textOf(response);
  const cause = errorFromResponse({ status: response.status, headers: response.headers, text, method: 'GET', url: redactUrl(url) });
  const said = parseErrorBody(text, response.headers['content-type']).message ?? '';
  const expiry = sasExpiry(url);
  const expired = (expiry !== undefined && expiry.getTime() <= now.getTime()) || OUTSIDE_VALIDITY.test(said);
  return new SignedLinkRefusedError(document, expired, undefined, cause);
}
