// The columns of the fault matrix: every fault the emulator offers, each in three modes (on the
// call's first request, on every request, on its second request only), and what a person must get
// in each cell unless a call says otherwise (matrixCalls.ts).
import type { FaultRule, ThrottleHeader } from '../../emulator/faults';

export type Mode = 'first' | 'every' | 'second';
export const MODES: readonly Mode[] = ['first', 'every', 'second'];

/**
 * What a cell must end in: the fault-free data ('recovered'); a list that ends where Azure answered
 * empty ('empty': no items, or the items before the emptied page); a typed error whose advice is the
 * one named ('typed:<advice kind>'); or nothing to test ('n/a': the call makes no second request).
 */
export type Expected = 'recovered' | 'empty' | `typed:${string}` | 'n/a';

export interface MatrixFault {
  /** Column name, as printed. */
  id: string;
  /** The rule, without where it applies and how often. */
  rule: Omit<FaultRule, 'path' | 'method' | 'times' | 'skip'>;
  /** The outcome in each mode for an ARM call; `permission` stands for the call's own permission advice. */
  expect: Record<Mode, Expected | 'permission'>;
}

/** Server-given waits of 10 ms: the matrix tests that the client waits, not how long. */
const WAIT_SECONDS = 0.01;

const transient = (onEvery: string): Record<Mode, Expected> => ({ first: 'recovered', every: `typed:${onEvery}`, second: 'recovered' });

const throttle = (header: ThrottleHeader): MatrixFault => ({
  id: `429 ${header}`,
  rule: { kind: 'throttle', throttleHeader: header, retryAfterSeconds: WAIT_SECONDS },
  expect: transient('throttled'),
});

/** Shorter than the client's per-attempt timeout (matrixClient), so never a timeout. */
export const LATENCY_MS = 30;

export const FAULTS: readonly MatrixFault[] = [
  throttle('retry-after'),
  throttle('consumption'),
  throttle('costmanagement-qpu'),
  throttle('costmanagement-entity'),
  throttle('costmanagement-tenant'),
  throttle('costmanagement-client'),
  throttle('all'),
  throttle('none'),
  { id: '500', rule: { kind: 'error', status: 500 }, expect: transient('serviceUnavailable') },
  { id: '503', rule: { kind: 'error', status: 503, retryAfterSeconds: WAIT_SECONDS }, expect: transient('serviceUnavailable') },
  { id: 'latency', rule: { kind: 'latency', latencyMs: LATENCY_MS }, expect: { first: 'recovered', every: 'recovered', second: 'recovered' } },
  { id: 'drop', rule: { kind: 'drop' }, expect: transient('network') },
  { id: 'drop mid-body', rule: { kind: 'dropMidBody' }, expect: transient('network') },
  { id: 'malformed', rule: { kind: 'malformed' }, expect: transient('serviceUnavailable') },
  { id: 'stall', rule: { kind: 'stall', stallAt: 'headers' }, expect: transient('serviceUnavailable') },
  { id: 'stall mid-body', rule: { kind: 'stall', stallAt: 'midBody' }, expect: transient('serviceUnavailable') },
  { id: '403', rule: { kind: 'forbidden' }, expect: { first: 'permission', every: 'permission', second: 'permission' } },
  { id: 'empty', rule: { kind: 'empty' }, expect: { first: 'empty', every: 'empty', second: 'empty' } },
  { id: 'expired token', rule: { kind: 'expiredToken' }, expect: transient('signInAgain') },
];

/** The rule for one cell: `where` says which of the call's requests are faulted. */
export function ruleFor(fault: MatrixFault, mode: Mode, where: { path: string; method?: string }): FaultRule {
  const placed: FaultRule = { ...fault.rule, path: where.path, ...(where.method ? { method: where.method } : {}) };
  if (mode === 'first') { return { ...placed, times: 1 }; }
  if (mode === 'second') { return { ...placed, skip: 1, times: 1 }; }
  return placed;
}
