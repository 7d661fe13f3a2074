// The rules a Consumption budget must meet (docs/budgets.md#rules), checked as a person types in
// the budget wizard. Each check answers the value it read or the rule it broke, as data: the view
// turns a problem into a translated sentence (src/views/budgets/budgetProblemText.ts). Pure: no
// clock (today is passed in), no I/O.
import { addMonthsClamped, dateParts, DayNumber, formatIsoDate, monthStart, parseIsoDate } from '../calendar';

export const BUDGET_NAME_MAX = 63;
export const BUDGET_NOTIFICATIONS_MAX = 5;
export const BUDGET_EMAILS_MAX = 50;
export const THRESHOLD_MAX = 1000;
/** Azure's earliest budget start. */
export const EARLIEST_BUDGET_START = '2017-06-01';
/** Larger amounts lose cents in a JSON number; no budget needs them. */
export const BUDGET_AMOUNT_MAX = 1e12;

/** The time grains a person can choose; the billing-period ones exist for Web Direct only. */
export const WIZARD_TIME_GRAINS = ['Monthly', 'Quarterly', 'Annually'] as const;
const MONTHS_PER_GRAIN: Readonly<Record<string, number>> = { Monthly: 1, BillingMonth: 1, Quarterly: 3, BillingQuarter: 3, Annually: 12, BillingAnnual: 12 };

export type BudgetRuleProblem =
  | { rule: 'nameEmpty' }
  | { rule: 'nameTooLong'; max: number }
  | { rule: 'nameCharacter'; character: string }
  | { rule: 'nameTaken'; name: string }
  | { rule: 'amountNotNumber' }
  | { rule: 'amountNotPositive' }
  | { rule: 'amountTooManyDecimals' }
  | { rule: 'amountTooLarge'; max: number }
  | { rule: 'dateNotDate' }
  | { rule: 'startNotFirstOfMonth'; suggestion: string }
  | { rule: 'startTooEarly'; earliest: string }
  | { rule: 'startTooLate'; latest: string }
  | { rule: 'endNotAfterStart'; start: string }
  | { rule: 'thresholdNotNumber' }
  | { rule: 'thresholdRange'; max: number }
  | { rule: 'thresholdDuplicate'; threshold: number }
  | { rule: 'emailInvalid'; email: string }
  | { rule: 'emailsTooMany'; max: number }
  | { rule: 'emailsNone' }
  | { rule: 'notificationsTooMany'; max: number }
  | { rule: 'filterNameEmpty' }
  | { rule: 'filterValuesEmpty' };

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: BudgetRuleProblem };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const no = <T>(problem: BudgetRuleProblem): Checked<T> => ({ ok: false, problem });

/**
 * 1–63 letters, digits, '-' or '_' [the portal's rule; the REST reference gives none], and not the
 * name of another budget at the scope (names compare case-insensitively, as ARM names do).
 */
export function checkBudgetName(text: string, takenNames: readonly string[] = []): Checked<string> {
  const name = text.trim();
  if (name.length === 0) { return no({ rule: 'nameEmpty' }); }
  if (name.length > BUDGET_NAME_MAX) { return no({ rule: 'nameTooLong', max: BUDGET_NAME_MAX }); }
  // Code points, so an emoji is named whole rather than as half a surrogate pair.
  const bad = [...name].find((c) => !/^[A-Za-z0-9_-]$/.test(c));
  if (bad !== undefined) { return no({ rule: 'nameCharacter', character: bad }); }
  if (takenNames.some((t) => t.toLowerCase() === name.toLowerCase())) { return no({ rule: 'nameTaken', name }); }
  return ok(name);
}

/**
 * A positive amount in the scope's currency with at most two decimals. Digits with an optional
 * decimal point; ',' only as a thousands separator in groups of three (so "1,5" is refused rather
 * than read as fifteen or as one and a half).
 */
export function parseBudgetAmount(text: string): Checked<number> {
  const t = text.trim();
  if (!/^(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(t)) {
    return no(/^-\s*\d/.test(t) ? { rule: 'amountNotPositive' } : { rule: 'amountNotNumber' });
  }
  const [, decimals = ''] = t.split('.');
  if (decimals.length > 2) { return no({ rule: 'amountTooManyDecimals' }); }
  const value = Number(t.replace(/,/g, ''));
  if (!Number.isFinite(value)) { return no({ rule: 'amountNotNumber' }); }
  if (value <= 0) { return no({ rule: 'amountNotPositive' }); }
  if (value > BUDGET_AMOUNT_MAX) { return no({ rule: 'amountTooLarge', max: BUDGET_AMOUNT_MAX }); }
  return ok(value);
}

function monthsOf(timeGrain: string): number {
  return MONTHS_PER_GRAIN[timeGrain] ?? 1;
}

/**
 * The first start a new budget may have: Azure lets a budget start in the past only within its
 * first time grain, so this month for Monthly, two months back for Quarterly, eleven for Annually
 * (docs/budgets.md#start-date); never before June 2017.
 */
export function earliestStart(timeGrain: string, today: DayNumber): string {
  const earliest = formatIsoDate(addMonthsClamped(monthStart(today), 1 - monthsOf(timeGrain)));
  return earliest < EARLIEST_BUDGET_START ? EARLIEST_BUDGET_START : earliest;
}

/** At most twelve months ahead. */
export function latestStart(today: DayNumber): string {
  return formatIsoDate(addMonthsClamped(monthStart(today), 12));
}

/**
 * A start date (YYYY-MM-DD, the first of a month, within the allowed window). `keep` is the start
 * of the budget being edited: keeping it is always allowed, even when it is now in the past.
 */
export function parseStartDate(text: string, timeGrain: string, today: DayNumber, keep?: string): Checked<string> {
  const t = text.trim();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(t) ? parseIsoDate(t) : undefined;
  if (day === undefined) { return no({ rule: 'dateNotDate' }); }
  if (t === keep) { return ok(t); }
  if (dateParts(day).day !== 1) { return no({ rule: 'startNotFirstOfMonth', suggestion: formatIsoDate(monthStart(day)) }); }
  const earliest = earliestStart(timeGrain, today);
  if (t < earliest) { return no({ rule: 'startTooEarly', earliest }); }
  const latest = latestStart(today);
  if (t > latest) { return no({ rule: 'startTooLate', latest }); }
  return ok(t);
}

/** An optional end date: empty means Azure's default (ten years after the start). */
export function parseEndDate(text: string, start: string): Checked<string | undefined> {
  const t = text.trim();
  if (t === '') { return ok(undefined); }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(t) ? parseIsoDate(t) : undefined;
  if (day === undefined) { return no({ rule: 'dateNotDate' }); }
  if (t <= start) { return no({ rule: 'endNotAfterStart', start }); }
  return ok(t);
}

/** A threshold in percent of the amount, 0–1000 (80 means 80 %, not 0.8). `taken`: thresholds of the same type already set. */
export function parseThreshold(text: string, taken: readonly number[] = []): Checked<number> {
  const t = text.trim().replace(/\s*%$/, '');
  if (!/^\d+(\.\d+)?$/.test(t)) { return no(/^-\s*\d/.test(t) ? { rule: 'thresholdRange', max: THRESHOLD_MAX } : { rule: 'thresholdNotNumber' }); }
  const value = Number(t);
  if (!Number.isFinite(value) || value > THRESHOLD_MAX) { return no({ rule: 'thresholdRange', max: THRESHOLD_MAX }); }
  if (taken.includes(value)) { return no({ rule: 'thresholdDuplicate', threshold: value }); }
  return ok(value);
}

/**
 * A pragmatic address check: one '@', a dotted domain, no spaces, quotes, brackets or separators,
 * at most 254 characters. It refuses what Azure would refuse and typing slips; it does not try to
 * be RFC 5322.
 */
export function isEmailAddress(text: string): boolean {
  if (text.length > 254) { return false; }
  return /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/.test(text)
    && !text.startsWith('.') && !text.includes('..') && !/\.@/.test(text);
}

/**
 * Contact e-mails separated by commas, semicolons or spaces; duplicates (case-insensitive) dropped.
 * `required`: a notification needs at least one e-mail (Azure's rule at billing scopes; at a
 * subscription an action group would do, which the wizard does not offer).
 */
export function parseEmails(text: string, required = true): Checked<string[]> {
  const parts = text.split(/[,;\s]+/).map((p) => p.trim()).filter(Boolean);
  const seen = new Set<string>();
  const emails: string[] = [];
  for (const p of parts) {
    if (!isEmailAddress(p)) { return no({ rule: 'emailInvalid', email: p }); }
    if (!seen.has(p.toLowerCase())) { seen.add(p.toLowerCase()); emails.push(p); }
  }
  if (emails.length === 0 && required) { return no({ rule: 'emailsNone' }); }
  if (emails.length > BUDGET_EMAILS_MAX) { return no({ rule: 'emailsTooMany', max: BUDGET_EMAILS_MAX }); }
  return ok(emails);
}

/** Whether one more notification fits. */
export function checkNotificationCount(count: number): Checked<number> {
  return count > BUDGET_NOTIFICATIONS_MAX ? no({ rule: 'notificationsTooMany', max: BUDGET_NOTIFICATIONS_MAX }) : ok(count);
}

/** The key Azure's portal gives a notification ("Actual_GreaterThan_80_Percent"); unique per type and threshold. */
export function notificationKey(thresholdType: string, threshold: number): string {
  return `${thresholdType}_GreaterThan_${String(threshold).replace('.', '_')}_Percent`;
}

/** Filter values typed as a comma-separated list: trimmed, none empty. */
export function parseFilterValues(text: string): Checked<string[]> {
  const values = text.split(',').map((v) => v.trim());
  if (values.length === 0 || values.some((v) => v === '')) { return no({ rule: 'filterValuesEmpty' }); }
  return ok([...new Set(values)]);
}

export function checkFilterName(text: string): Checked<string> {
  const t = text.trim();
  return t === '' ? no({ rule: 'filterNameEmpty' }) : ok(t);
}
