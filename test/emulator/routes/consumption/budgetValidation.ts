// Validation of a budget PUT body, with the rules of docs/azure-apis.md#budgets: category Cost;
// the time grains (billing-period grains for Web Direct only); a start on the first of a month,
// not before 2017-06-01 nor more than 12 months ahead; end defaulting to start + 10 years; at most
// five notifications keyed by the caller's names, thresholds in percent 0–1000; filter operator In
// on a dimension Cost Management knows, or a tag. A new budget may start in the past only within
// its first time grain ("Past start date should be selected within the timegrain period").
import { badRequest } from '../../arm';
import { DIMENSIONS } from '../costManagement/dimensions';
import { addMonths, isCalendarDate, monthStart } from '../../world/billing/calendar';
import type { BudgetScope } from './budgetScope';

export interface BudgetNotification {
  enabled: boolean;
  operator: string;
  threshold: number;
  thresholdType: string;
  locale?: string;
  contactEmails: string[];
  contactRoles: string[];
  contactGroups: string[];
}

export interface BudgetInput {
  category: 'Cost';
  amount: number;
  timeGrain: string;
  timePeriod: { startDate: string; endDate: string };
  filter?: unknown;
  notifications: Record<string, BudgetNotification>;
}

const TIME_GRAINS = ['Monthly', 'Quarterly', 'Annually', 'BillingMonth', 'BillingQuarter', 'BillingAnnual'];
const OPERATORS = ['EqualTo', 'GreaterThan', 'GreaterThanOrEqualTo'];
const THRESHOLD_TYPES = ['Actual', 'Forecasted'];
const LOCALES = ['en-us', 'ja-jp', 'zh-cn', 'de-de', 'es-es', 'fr-fr', 'it-it', 'ko-kr', 'pt-br', 'ru-ru', 'zh-tw', 'cs-cz', 'pl-pl', 'tr-tr', 'da-dk', 'en-gb', 'hu-hu', 'nb-no', 'nl-nl', 'pt-pt', 'sv-se'];

function invalid(message: string): never {
  badRequest(message, 'InvalidInput');
}

/** One of `allowed`, matched case-insensitively and returned in its canonical spelling. */
function oneOf(value: unknown, allowed: readonly string[], what: string): string {
  const hit = typeof value === 'string' ? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
  if (!hit) { invalid(`'${String(value)}' is not a valid ${what}. Allowed: ${allowed.join(', ')}.`); }
  return hit;
}

/** `2024-06-01` or `2024-06-01T00:00:00Z` → the calendar date. */
function dateOf(value: unknown, what: string): string {
  const text = typeof value === 'string' ? value.slice(0, 10) : '';
  if (!isCalendarDate(text) || (typeof value === 'string' && value.length > 10 && !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z?$/.test(value))) { invalid(`'${String(value)}' is not a valid ${what}.`); }
  return text;
}

function strings(value: unknown, what: string): string[] {
  if (value === undefined || value === null) { return []; }
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) { invalid(`'${what}' must be an array of strings.`); }
  return value as string[];
}

function checkFilter(filter: unknown, depth = 0): void {
  if (filter === undefined || filter === null) { return; }
  const f = filter as Record<string, unknown>;
  if (typeof f !== 'object' || depth > 1) { invalid('The budget filter is malformed.'); }
  if (Array.isArray(f.and)) { return f.and.forEach((x) => checkFilter(x, depth + 1)); }
  const expr = (f.dimensions ?? f.tags) as Record<string, unknown> | undefined;
  if (!expr) { invalid("A budget filter needs 'and', 'dimensions' or 'tags'."); }
  if (typeof expr.name !== 'string' || !expr.name) { invalid('A budget filter expression needs a name.'); }
  if (f.dimensions && !DIMENSIONS[expr.name.toLowerCase()]) { invalid(`'${expr.name}' is not a dimension a budget can filter on.`); }
  if (typeof expr.operator !== 'string' || expr.operator.toLowerCase() !== 'in') { invalid(`The budget filter operator '${String(expr.operator)}' is not supported; only 'In' is.`); }
  if (!Array.isArray(expr.values) || expr.values.length === 0) { invalid('A budget filter expression needs at least one value.'); }
  if (expr.values.some((v) => typeof v !== 'string' || v.trim() === '')) { invalid(`The budget filter on '${expr.name}' has an empty value.`); }
}

function notification(name: string, raw: unknown, scope: BudgetScope): BudgetNotification {
  const n = (raw ?? {}) as Record<string, unknown>;
  if (typeof n.enabled !== 'boolean') { invalid(`Notification '${name}' needs 'enabled' (true or false).`); }
  const threshold = n.threshold;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1000) {
    invalid(`Notification '${name}': threshold ${String(threshold)} is out of range; it is a percentage from 0 to 1000 (80 means 80 %).`);
  }
  const contactEmails = strings(n.contactEmails, 'contactEmails');
  const contactGroups = strings(n.contactGroups, 'contactGroups');
  const contactRoles = strings(n.contactRoles, 'contactRoles');
  if (contactEmails.length > 50) { invalid(`Notification '${name}' has ${contactEmails.length} contact emails; at most 50 are allowed.`); }
  const rbacScope = scope.kind === 'subscription' || scope.kind === 'resourceGroup';
  if (contactGroups.length > 0 && !rbacScope) { invalid(`Notification '${name}': action groups (contactGroups) are only supported at subscription and resource group scope.`); }
  if (contactEmails.length === 0 && contactGroups.length === 0) {
    invalid(`Notification '${name}' needs at least one contact email${rbacScope ? ' or action group' : ''}.`);
  }
  return {
    enabled: n.enabled,
    operator: oneOf(n.operator, OPERATORS, 'notification operator'),
    threshold,
    thresholdType: n.thresholdType === undefined ? 'Actual' : oneOf(n.thresholdType, THRESHOLD_TYPES, 'threshold type'),
    locale: n.locale === undefined ? undefined : oneOf(n.locale, LOCALES, 'locale'),
    contactEmails,
    contactRoles,
    contactGroups,
  };
}

export const MONTHS_PER_GRAIN: Readonly<Record<string, number>> = { Monthly: 1, BillingMonth: 1, Quarterly: 3, BillingQuarter: 3, Annually: 12, BillingAnnual: 12 };

/**
 * The earliest start a new budget may have: the first day of the month that begins the time grain
 * ending with the current month (this month for Monthly, two months back for Quarterly, eleven for
 * Annually) [inf: the reference says only "within the timegrain period"].
 */
export function earliestNewStart(timeGrain: string, asOf: string): string {
  return addMonths(monthStart(asOf), 1 - (MONTHS_PER_GRAIN[timeGrain] ?? 1));
}

/**
 * `existingStart` is the stored budget's start when this is an update: keeping it is always
 * allowed, and only a new or changed start must obey the rule on past dates.
 */
export function validateBudget(body: unknown, scope: BudgetScope, asOf: string, existingStart?: string): BudgetInput {
  const p = ((body ?? {}) as { properties?: Record<string, unknown> }).properties;
  if (!p || typeof p !== 'object') { invalid("The budget needs 'properties'."); }
  const category = oneOf(p.category ?? 'Cost', ['Cost'], 'category') as 'Cost';
  if (typeof p.amount !== 'number' || !Number.isFinite(p.amount) || p.amount <= 0) { invalid(`The budget amount ${String(p.amount)} must be a number greater than 0.`); }
  const timeGrain = oneOf(p.timeGrain, TIME_GRAINS, 'time grain');
  if (timeGrain.startsWith('Billing') && !scope.webDirect) { invalid(`The time grain '${timeGrain}' is only supported for Web Direct (pay-as-you-go) subscriptions.`); }
  const period = (p.timePeriod ?? {}) as Record<string, unknown>;
  if (!period.startDate) { invalid("The budget needs 'timePeriod.startDate'."); }
  const startDate = dateOf(period.startDate, 'start date');
  if (startDate.slice(8) !== '01') { invalid(`The start date ${startDate} must be the first day of a month.`); }
  if (startDate < '2017-06-01') { invalid(`The start date ${startDate} is before 2017-06-01.`); }
  if (startDate > addMonths(monthStart(asOf), 12)) { invalid(`The start date ${startDate} is more than 12 months in the future.`); }
  const earliest = earliestNewStart(timeGrain, asOf);
  if (startDate !== existingStart && startDate < earliest) {
    invalid(`The start date ${startDate} is in the past: a ${timeGrain} budget can start on ${earliest} at the earliest.`);
  }
  const endDate = period.endDate === undefined || period.endDate === null ? addMonths(startDate, 120) : dateOf(period.endDate, 'end date');
  if (endDate <= startDate) { invalid(`The end date ${endDate} must be after the start date ${startDate}.`); }
  checkFilter(p.filter);
  const raw = (p.notifications ?? {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || Array.isArray(raw)) { invalid("'notifications' must be an object keyed by notification names."); }
  const names = Object.keys(raw);
  if (names.length > 5) { invalid(`A budget can have at most 5 notifications; this one has ${names.length}.`); }
  const notifications: Record<string, BudgetNotification> = {};
  for (const name of names) { notifications[name] = notification(name, raw[name], scope); }
  return { category, amount: p.amount, timeGrain, timePeriod: { startDate, endDate }, filter: p.filter ?? undefined, notifications };
}
