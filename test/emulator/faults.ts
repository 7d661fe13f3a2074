// Faults on demand. A rule is added through the control route (`POST /_emulator/faults`), through
// the `x-emulator-fault` request header (that one request only), or in-process (`emulator.faults`).
// See test/emulator/README.md for the exact forms.

export type FaultKind =
  | 'throttle' // 429 with retry-after headers (see `throttleHeader`)
  | 'error' // `status` (500 by default; 503 carries Retry-After)
  | 'latency' // wait `latencyMs`, then answer normally
  | 'drop' // close the connection without an answer
  | 'dropMidBody' // send the headers and half of the body, then close
  | 'malformed' // 200 with a cut-off JSON body
  | 'forbidden' // 403 AuthorizationFailed
  | 'empty' // lists answer with no items (204 where the API uses it)
  | 'expiredToken' // 401 ExpiredAuthenticationToken
  | 'stall'; // send the headers (and, with `stallAt: 'midBody'`, half the body), then nothing, connection open

export type ThrottleHeader =
  | 'retry-after'
  | 'consumption'
  | 'costmanagement-qpu'
  | 'costmanagement-entity'
  | 'costmanagement-tenant'
  | 'costmanagement-client'
  | 'all'
  | 'none';

/** Where a `stall` stops sending: right after the headers, or after half of the body. */
export type StallPoint = 'headers' | 'midBody';

export interface FaultRule {
  kind: FaultKind;
  /** Case-insensitive substring of the decoded request path; omitted matches every ARM request. */
  path?: string;
  method?: string;
  /** How many matching requests the rule affects; omitted means until cleared. */
  times?: number;
  /**
   * Matching requests let through untouched before the rule starts to apply (default 0): with
   * `skip: 1, times: 1` only the second request is hit (page 2 of a list, the second poll).
   */
  skip?: number;
  status?: number;
  retryAfterSeconds?: number;
  throttleHeader?: ThrottleHeader;
  latencyMs?: number;
  /** For `stall`: where the answer stops (default `headers`). */
  stallAt?: StallPoint;
}

const KINDS: readonly FaultKind[] = ['throttle', 'error', 'latency', 'drop', 'dropMidBody', 'malformed', 'forbidden', 'empty', 'expiredToken', 'stall'];
const STALL_POINTS: readonly StallPoint[] = ['headers', 'midBody'];

export function validateRule(input: unknown): FaultRule {
  const rule = input as FaultRule;
  if (!rule || typeof rule !== 'object' || !KINDS.includes(rule.kind)) {
    throw new Error(`A fault needs "kind", one of: ${KINDS.join(', ')}.`);
  }
  if (rule.stallAt !== undefined && !STALL_POINTS.includes(rule.stallAt)) {
    throw new Error(`"stallAt" is one of: ${STALL_POINTS.join(', ')}.`);
  }
  if (rule.skip !== undefined && !(Number.isInteger(rule.skip) && rule.skip >= 0)) { throw new Error('"skip" is a whole number ≥ 0.'); }
  return rule;
}

/** `throttle; throttleHeader=costmanagement-qpu; retryAfterSeconds=2` → a rule for one request. */
export function parseFaultHeader(value: string): FaultRule {
  const [kind, ...pairs] = value.split(';').map((s) => s.trim());
  const rule: Record<string, unknown> = { kind };
  for (const pair of pairs) {
    const [key, raw] = pair.split('=').map((s) => s.trim());
    if (!key) { continue; }
    rule[key] = /^\d+$/.test(raw ?? '') ? Number(raw) : raw;
  }
  return validateRule(rule);
}

export class FaultStore {
  private rules: Array<FaultRule & { remaining: number; toSkip: number }> = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...validateRule(rule), remaining: rule.times ?? Number.POSITIVE_INFINITY, toSkip: rule.skip ?? 0 });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map(({ remaining, toSkip, ...rule }) => ({ ...rule, times: Number.isFinite(remaining) ? remaining : undefined, skip: toSkip || undefined }));
  }

  /**
   * The first rule that matches, counted as used. A rule still skipping counts the request and lets
   * it on to the rules after it.
   */
  take(method: string, path: string): FaultRule | undefined {
    const lower = path.toLowerCase();
    for (let index = 0; index < this.rules.length; index++) {
      const rule = this.rules[index];
      const matches = rule.remaining > 0 && (!rule.method || rule.method.toUpperCase() === method) && (!rule.path || lower.includes(rule.path.toLowerCase()));
      if (!matches) { continue; }
      if (rule.toSkip > 0) {
        rule.toSkip -= 1;
        continue;
      }
      rule.remaining -= 1;
      if (rule.remaining <= 0) { this.rules.splice(index, 1); }
      return rule;
    }
    return undefined;
  }
}

/** Headers and body of a 429 as the resource provider behind `path` sends it. */
export function throttleResponse(rule: FaultRule, path: string): { headers: Record<string, string>; json: unknown } {
  const seconds = rule.retryAfterSeconds ?? 1;
  const lower = path.toLowerCase();
  const costManagement = lower.includes('/microsoft.costmanagement/');
  const variant: ThrottleHeader = rule.throttleHeader ?? (costManagement ? 'costmanagement-qpu' : lower.includes('/microsoft.consumption/') ? 'consumption' : 'retry-after');
  const headers: Record<string, string> = {};
  const cm = (name: string) => `x-ms-ratelimit-microsoft.costmanagement-${name}-retry-after`;
  switch (variant) {
    case 'retry-after': headers['retry-after'] = String(seconds); break;
    case 'consumption': headers['x-ms-ratelimit-microsoft.consumption-retry-after'] = String(seconds); break;
    case 'costmanagement-qpu': headers[cm('qpu')] = String(seconds); break;
    case 'costmanagement-entity': headers[cm('entity')] = String(seconds); break;
    case 'costmanagement-tenant': headers[cm('tenant')] = String(seconds); break;
    case 'costmanagement-client': headers[cm('client')] = String(seconds); break;
    case 'all':
      // Every header at once, with different values: a client must wait for the longest.
      headers['retry-after'] = String(Math.max(0, seconds - 1));
      headers[cm('qpu')] = String(Math.max(0, seconds - 1));
      headers[cm('entity')] = String(seconds);
      headers[cm('tenant')] = '0';
      headers[cm('client')] = '0';
      headers['x-ms-ratelimit-microsoft.consumption-retry-after'] = '0';
      break;
    case 'none': break;
  }
  const json = costManagement
    ? { error: { code: '429', message: 'Too many requests. Please retry.' } }
    : { error: { code: 'TooManyRequests', message: 'The request was throttled. Please retry after the time in the retry-after header.' } };
  return { headers, json };
}
