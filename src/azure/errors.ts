// Typed errors of the Azure client. Every failure a caller can meet is one `AzureError` whose
// `kind` says what to tell the person (sign in again, ask for a billing role, wait, retry), so the
// views never parse messages. Cancellation is its own kind so a command can stay silent.
//
// An error is shown to the person, logged, and pasted into bug reports, so the constructor itself
// redacts its message, URL, details and cause: no call site can forget (node-fetch, for one, puts
// the whole request URL, SAS signature included, into its messages).
import { ErrorDetail, parseErrorBody } from './errorBody';
import { redactText, redactUrl } from './log';

export type AzureErrorKind =
  | 'auth' // 401: sign in again
  | 'permission' // 403: a role is missing (a billing role on billing scopes)
  | 'notFound' // 404
  | 'badRequest' // 400 and other 4xx the request itself caused
  | 'conflict' // 409 / 412
  | 'throttled' // 429 whose wait is longer than the client is allowed to wait
  | 'server' // 5xx that was not retried (or a 5xx final answer of a long-running poll)
  | 'cancelled' // the caller's AbortSignal fired
  | 'timeout' // one attempt, or a long-running operation, took longer than allowed
  | 'network' // connection refused/reset/dropped, DNS, TLS
  | 'retriesExhausted' // transient failures went on past the retry bound
  | 'invalidResponse'; // a 2xx whose body is not what the API promises (e.g. broken JSON)

export interface AzureErrorInit {
  kind: AzureErrorKind;
  message: string;
  status?: number;
  code?: string;
  target?: string;
  details?: ErrorDetail[];
  requestId?: string;
  correlationId?: string;
  method?: string;
  /** The URL with its secrets removed. */
  url?: string;
  /** For `throttled`: how long the service asked to wait. */
  retryAfterMs?: number;
  /** Attempts made, and time spent waiting between them. */
  attempts?: number;
  waitedMs?: number;
  /** For `permission`: the scope is a billing scope, so an Azure RBAC role does not help. */
  needsBillingRole?: boolean;
  /** For `retriesExhausted`: the failure of the last attempt. */
  lastError?: AzureError;
  cause?: unknown;
}

export class AzureError extends Error {
  readonly kind: AzureErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly target?: string;
  readonly details: ErrorDetail[];
  readonly requestId?: string;
  readonly correlationId?: string;
  readonly method?: string;
  readonly url?: string;
  readonly retryAfterMs?: number;
  readonly attempts?: number;
  readonly waitedMs?: number;
  readonly needsBillingRole: boolean;
  readonly lastError?: AzureError;

  constructor(init: AzureErrorInit) {
    super(redactText(init.message), init.cause === undefined ? undefined : { cause: redactedCause(init.cause) });
    // `AbortError` is the name every cancellation-aware caller already checks for.
    this.name = init.kind === 'cancelled' ? 'AbortError' : 'AzureError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.target = init.target;
    this.details = (init.details ?? []).map((d) => (d.message === undefined ? d : { ...d, message: redactText(d.message) }));
    this.requestId = init.requestId;
    this.correlationId = init.correlationId;
    this.method = init.method;
    this.url = init.url === undefined ? undefined : redactUrl(init.url);
    this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts;
    this.waitedMs = init.waitedMs;
    this.needsBillingRole = init.needsBillingRole ?? false;
    this.lastError = init.lastError;
  }
}

/**
 * The cause with its text redacted. A cause that held a secret in any of its own text fields
 * (message, stack, node-fetch's fields…) is replaced by a copy with the same prototype, name and
 * code, so the original text is kept nowhere; one that held none, and every AzureError (redacted
 * when it was made), stays itself.
 */
function redactedCause(cause: unknown, depth = 0): unknown {
  if (typeof cause === 'string') { return redactText(cause); }
  if (!(cause instanceof Error) || cause instanceof AzureError || depth > 4) { return cause; }
  let changed = false;
  const fields: PropertyDescriptorMap = {};
  for (const key of Object.getOwnPropertyNames(cause)) {
    let field = Object.getOwnPropertyDescriptor(cause, key)!;
    // Newer V8 keeps `stack` behind an accessor: read it once and carry the text.
    if (key === 'stack' && !('value' in field)) { field = { value: cause.stack, writable: true, configurable: true, enumerable: false }; }
    const safe: unknown = key === 'cause' ? redactedCause(field.value, depth + 1) : typeof field.value === 'string' ? redactText(field.value) : field.value;
    if ('value' in field && safe !== field.value) {
      changed = true;
      field.value = safe;
    }
    fields[key] = field;
  }
  return changed ? Object.create(Object.getPrototypeOf(cause) as object | null, fields) : cause;
}

/** True for a cancellation by the caller, whether it came from this client or from elsewhere. */
export function isCancellation(error: unknown): boolean {
  if (error instanceof AzureError) { return error.kind === 'cancelled'; }
  return error instanceof Error && error.name === 'AbortError';
}

export function cancelledError(what = 'The request'): AzureError {
  return new AzureError({ kind: 'cancelled', message: `${what} was cancelled.` });
}

/**
 * Billing scopes need a billing role; an RBAC role on a subscription does not grant them
 * (docs/azure-apis.md#permissions).
 */
export function isBillingScope(url: string): boolean {
  return /\/providers\/Microsoft\.Billing\//i.test(url);
}

export interface HttpFailure {
  status: number;
  headers: Record<string, string>;
  text?: string;
  method: string;
  url: string;
}

/** The kind of error an HTTP status means. */
export function kindOfStatus(status: number): AzureErrorKind {
  if (status === 401) { return 'auth'; }
  if (status === 403) { return 'permission'; }
  if (status === 404) { return 'notFound'; }
  if (status === 409 || status === 412) { return 'conflict'; }
  if (status === 429) { return 'throttled'; }
  if (status >= 500) { return 'server'; }
  return 'badRequest';
}

/** The typed error for a non-2xx answer. */
export function errorFromResponse(failure: HttpFailure, extra: Partial<AzureErrorInit> = {}): AzureError {
  const body = parseErrorBody(failure.text, failure.headers['content-type']);
  const kind = kindOfStatus(failure.status);
  const needsBillingRole = kind === 'permission' && isBillingScope(failure.url);
  const said = body.message ?? `HTTP ${failure.status}`;
  let message = `${failure.method} ${pathOf(failure.url)} failed: ${failure.status}${body.code ? ` ${body.code}` : ''}: ${said}`;
  if (needsBillingRole) {
    message += ' A billing role (for example Billing account reader or Billing profile reader) on this billing scope is needed; an Azure RBAC role on a subscription does not grant it.';
  }
  return new AzureError({
    kind,
    message,
    status: failure.status,
    code: body.code,
    target: body.target,
    details: body.details,
    requestId: failure.headers['x-ms-request-id'],
    correlationId: failure.headers['x-ms-correlation-request-id'],
    method: failure.method,
    url: failure.url,
    needsBillingRole,
    ...extra,
  });
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
