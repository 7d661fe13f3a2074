// What to tell a person after a failure, decided in plain code so it can be tested without the
// editor: the views turn an advice into a localised message with buttons (failureMessage.ts).
// The rule: every message says what to do next; a cancellation says nothing.
import { AzureError, isCancellation } from '../../azure/errors';
import { redactText } from '../../azure/log';
import { DocumentUnavailableError } from '../../billing/invoiceDownload';
import { RetailPricesError } from '../../billing/retailPrices';
import { SignedLinkRefusedError } from '../../billing/signedLinks';
import { FolderOutsideWorkspaceError } from '../downloads/downloadErrors';

export type FailureAdvice =
  | { kind: 'cancelled' }
  /** The sign-in expired or was refused: sign in again. */
  | { kind: 'signInAgain' }
  /** No credential at all from the chosen source (CLI not logged in, no AZURE_* variables, no identity). */
  | { kind: 'credentialsUnavailable' }
  /** 403 on a billing scope: a billing role is needed; an Azure RBAC role does not help. */
  | { kind: 'missingBillingRole'; role: string }
  /** 403 elsewhere (Consumption, Cost Management at subscription scope): an Azure RBAC role. */
  | { kind: 'missingRole'; role: string }
  | { kind: 'throttled'; waitSeconds?: number }
  | { kind: 'network' }
  /** 5xx, timeouts, retries used up: the service, not the person; try again later. */
  | { kind: 'serviceUnavailable' }
  | { kind: 'notFound' }
  /** Storage refused a short-lived document link twice: it had expired (a clock to check), or was refused. */
  | { kind: 'linkRefused'; expired: boolean }
  /** A link takes the folder for invoices and exports out of the workspace: nothing was written. */
  | { kind: 'folderOutsideWorkspace'; folder: string; target?: string }
  | { kind: 'unexpected'; detail: string };

/**
 * The least role that grants reading the scope in `url`, by the scope's shape
 * (docs/azure-apis.md#permissions). Names are the ones the Azure portal shows, so a person can
 * search for them there.
 */
export function roleForScope(url: string | undefined): { role: string; billing: boolean } {
  const path = (url ?? '').toLowerCase();
  if (path.includes('/providers/microsoft.billing/')) {
    if (path.includes('/invoicesections/')) { return { role: 'Invoice section reader', billing: true }; }
    if (path.includes('/billingprofiles/')) { return { role: 'Billing profile reader', billing: true }; }
    if (path.includes('/departments/')) { return { role: 'Department administrator (read-only)', billing: true }; }
    if (path.includes('/enrollmentaccounts/')) { return { role: 'Account owner', billing: true }; }
    return { role: 'Billing account reader', billing: true };
  }
  if (path.includes('/providers/microsoft.costmanagement/') || path.includes('/providers/microsoft.consumption/')) {
    return { role: 'Cost Management Reader', billing: false };
  }
  return { role: 'Reader', billing: false };
}

/** Errors of @azure/identity (and of the editor's sign-in) are recognised by name, not by class. */
const CREDENTIAL_UNAVAILABLE_NAMES = new Set(['CredentialUnavailableError', 'NotSignedInError']);
const AUTH_FAILED_NAMES = new Set(['AuthenticationError', 'AuthenticationRequiredError']);

export function adviseOnFailure(error: unknown): FailureAdvice {
  if (isCancellation(error)) { return { kind: 'cancelled' }; }
  if (error instanceof RetailPricesError) { return adviseOnRetailRefusal(error); }
  if (error instanceof AzureError) { return adviseOnAzureError(error); }
  if (error instanceof SignedLinkRefusedError) { return { kind: 'linkRefused', expired: error.expired }; }
  if (error instanceof DocumentUnavailableError) { return { kind: 'notFound' }; }
  if (error instanceof FolderOutsideWorkspaceError) { return { kind: 'folderOutsideWorkspace', folder: error.folder, target: error.target }; }
  if (error instanceof Error) {
    if (CREDENTIAL_UNAVAILABLE_NAMES.has(error.name)) { return { kind: 'credentialsUnavailable' }; }
    if (AUTH_FAILED_NAMES.has(error.name)) { return { kind: 'signInAgain' }; }
    const cause = (error as { cause?: unknown }).cause;
    if (cause !== undefined && cause !== error) {
      const inner = adviseOnFailure(cause);
      if (inner.kind !== 'unexpected') { return inner; }
    }
    // Shown to the person as it is: an error of a library (not made by our layers) may quote a URL.
    return { kind: 'unexpected', detail: redactText(error.message) };
  }
  return { kind: 'unexpected', detail: redactText(String(error)) };
}

function adviseOnAzureError(error: AzureError): FailureAdvice {
  switch (error.kind) {
    case 'cancelled':
      return { kind: 'cancelled' };
    case 'auth':
      return isCredentialUnavailable(error) ? { kind: 'credentialsUnavailable' } : { kind: 'signInAgain' };
    case 'permission': {
      const { role, billing } = roleForScope(error.url);
      return error.needsBillingRole || billing ? { kind: 'missingBillingRole', role } : { kind: 'missingRole', role };
    }
    case 'throttled':
      return { kind: 'throttled', waitSeconds: error.retryAfterMs === undefined ? undefined : Math.ceil(error.retryAfterMs / 1000) };
    case 'network':
      return { kind: 'network' };
    case 'server':
    case 'timeout':
    case 'invalidResponse':
      return { kind: 'serviceUnavailable' };
    case 'retriesExhausted':
      return error.lastError ? adviseOnAzureError(error.lastError) : { kind: 'serviceUnavailable' };
    case 'notFound':
      return { kind: 'notFound' };
    default:
      return { kind: 'unexpected', detail: error.message };
  }
}

/**
 * The retail prices API is public: no role opens it, so a refusal there (401, 403, 407) is something
 * between the editor and Azure, such as a proxy. Otherwise it reads like any other answer.
 */
function adviseOnRetailRefusal(error: RetailPricesError): FailureAdvice {
  if (error.status === 401 || error.status === 403 || error.status === 407) { return { kind: 'network' }; }
  if (error.status === 0) { return { kind: 'serviceUnavailable' }; }
  return adviseOnAzureError(error);
}

/** An `auth` error that never reached Azure: the token source itself had nothing to offer. */
function isCredentialUnavailable(error: AzureError): boolean {
  if (error.status !== undefined) { return false; }
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error && CREDENTIAL_UNAVAILABLE_NAMES.has(cause.name);
}
