// Which alerts to raise now: each alert has a stable key (its kind, scope and subject), is raised
// once and remembered (the views keep the ledger in the extension's global state, so a reload does
// not raise it again), may be snoozed until a time, and a whole kind may be turned off.

export type AlertKind = 'budget' | 'creditExpiry' | 'creditRunway' | 'spike' | 'newMeter' | 'rise' | 'costManagement';

export interface AlertCandidate {
  kind: AlertKind;
  /** Stable across runs: the same crossing gives the same key (e.g. `budget|<budget id>|80|2026-12`). */
  key: string;
}

export interface AlertLedgerState {
  /** Keys raised, with the time they were raised (ms since the epoch). */
  raised: Record<string, number>;
  /** Keys snoozed until the time given. */
  snoozedUntil: Record<string, number>;
  /** Kinds the person turned off. */
  kindsOff: AlertKind[];
  /** Keys the person dismissed (no longer listed as active), with the time; absent in older state. */
  dismissed?: Record<string, number>;
}

export const EMPTY_LEDGER: AlertLedgerState = { raised: {}, snoozedUntil: {}, kindsOff: [] };

/** Ledger entries older than this are forgotten, so the stored state does not grow forever. */
export const FORGET_AFTER_MS = 400 * 24 * 3600 * 1000;

export interface AlertDecision<T extends AlertCandidate> {
  /** Raise these now (in the order found, one per key). */
  raise: T[];
  /** The ledger to keep after raising them. */
  next: AlertLedgerState;
}

export function decideAlerts<T extends AlertCandidate>(found: readonly T[], ledger: AlertLedgerState, now: number): AlertDecision<T> {
  const raised: Record<string, number> = {};
  for (const [key, at] of Object.entries(ledger.raised)) {if (now - at < FORGET_AFTER_MS) {raised[key] = at;}}
  const snoozedUntil: Record<string, number> = {};
  for (const [key, until] of Object.entries(ledger.snoozedUntil)) {if (until > now) {snoozedUntil[key] = until;}}
  const raise: T[] = [];
  for (const alert of found) {
    if (ledger.kindsOff.includes(alert.kind)) {continue;}
    if (alert.key in raised || alert.key in snoozedUntil) {continue;}
    raised[alert.key] = now;
    raise.push(alert);
  }
  const dismissed: Record<string, number> = {};
  for (const [key, at] of Object.entries(ledger.dismissed ?? {})) {if (now - at < FORGET_AFTER_MS) {dismissed[key] = at;}}
  return { raise, next: { raised, snoozedUntil, kindsOff: [...ledger.kindsOff], dismissed } };
}

/** Snoozing raises the alert again once the time is past (its "raised" mark is dropped). */
export function snooze(ledger: AlertLedgerState, key: string, until: number): AlertLedgerState {
  const raised = { ...ledger.raised };
  delete raised[key];
  return { ...ledger, raised, snoozedUntil: { ...ledger.snoozedUntil, [key]: until } };
}

export function turnKindOff(ledger: AlertLedgerState, kind: AlertKind): AlertLedgerState {
  return ledger.kindsOff.includes(kind) ? ledger : { ...ledger, kindsOff: [...ledger.kindsOff, kind] };
}

/** A dismissed alert is no longer active; it is not raised again either (it was raised already). */
export function dismiss(ledger: AlertLedgerState, key: string, now: number): AlertLedgerState {
  return { ...ledger, raised: { ...ledger.raised, [key]: ledger.raised[key] ?? now }, dismissed: { ...(ledger.dismissed ?? {}), [key]: now } };
}

export function isDismissed(ledger: AlertLedgerState, key: string): boolean {
  return ledger.dismissed?.[key] !== undefined;
}

/** Reads a stored ledger defensively: anything unreadable starts empty rather than failing. */
export function readLedger(stored: unknown): AlertLedgerState {
  if (!stored || typeof stored !== 'object') {return EMPTY_LEDGER;}
  const s = stored as Partial<AlertLedgerState>;
  const numbers = (v: unknown): Record<string, number> =>
    v && typeof v === 'object' ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number')) : {};
  const kinds = Array.isArray(s.kindsOff) ? s.kindsOff.filter((k): k is AlertKind => typeof k === 'string') : [];
  return { raised: numbers(s.raised), snoozedUntil: numbers(s.snoozedUntil), kindsOff: kinds, dismissed: numbers(s.dismissed) };
}
