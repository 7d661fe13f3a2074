// Budgets at any Consumption scope (docs/azure-apis.md#budgets): list, get, create or update (with
// the eTag of the last read, so a concurrent change is refused rather than overwritten), delete.
// The rules Azure enforces are checked first, with messages that say what to change.
import type { ArmTransport } from '../azure/transport';
import { API } from './apiVersions';
import { Listing, listing, ListingOptions } from '../azure/listing';
import { Budget, BudgetNotification, parseBudget, TimeGrain } from './models/budget';
import { addDays, CalendarDate, parseCalendarDate, utcDateOf } from './models/dates';
import { scopePath, seg } from './models/ids';

export class BudgetRuleError extends Error {
  override readonly name = 'BudgetRuleError';
}

function budgetsPath(scope: string): string {
  return `${scopePath(scope)}/providers/Microsoft.Consumption/budgets`;
}

export function listBudgets(transport: ArmTransport, scope: string, options: ListingOptions = {}): Listing<Budget> {
  return listing(async function* () {
    for await (const raw of transport.list<unknown>(budgetsPath(scope), { query: { 'api-version': API.consumption }, signal: options.signal })) {
      yield parseBudget(raw);
    }
  }, options);
}

export async function getBudget(transport: ArmTransport, scope: string, name: string, options: { signal?: AbortSignal } = {}): Promise<Budget> {
  const raw = await transport.get<unknown>(`${budgetsPath(scope)}/${seg(name)}`, { query: { 'api-version': API.consumption }, signal: options.signal });
  if (raw === undefined) throw new Error(`Budget '${name}' answered with no content.`);
  return parseBudget(raw);
}

export interface BudgetDraft {
  amount: number;
  timeGrain: TimeGrain;
  /** First day of a month, on or after 2017-06-01, at most 12 months ahead. */
  startDate: string;
  /** Default: Azure's (start + 10 years). */
  endDate?: string;
  filter?: Record<string, unknown>;
  notifications: Record<string, BudgetNotification>;
  /** The eTag of the budget being updated (omit to create). */
  eTag?: string;
}

/** Checks a draft against the rules in docs/azure-apis.md#budgets; returns the PUT body. */
export function budgetBody(draft: BudgetDraft, asOf: Date = new Date()): Record<string, unknown> {
  if (!(draft.amount > 0) || !Number.isFinite(draft.amount)) throw new BudgetRuleError(`The budget amount must be a positive number, not ${draft.amount}.`);
  const start = parseCalendarDate(draft.startDate);
  if (!start.ok) throw new BudgetRuleError(`The start date is not a valid date (${start.reason})`);
  if (!start.value.endsWith('-01')) throw new BudgetRuleError(`A budget starts on the first day of a month; ${start.value} is not. Use ${start.value.slice(0, 8)}01.`);
  if (start.value < '2017-06-01') throw new BudgetRuleError(`A budget cannot start before 2017-06-01 (${start.value} was given).`);
  const latest = addDays(utcDateOf(asOf), 366);
  if (start.value > latest) throw new BudgetRuleError(`A budget can start at most 12 months ahead; ${start.value} is later than that.`);
  let end: CalendarDate | undefined;
  if (draft.endDate) {
    const e = parseCalendarDate(draft.endDate);
    if (!e.ok) throw new BudgetRuleError(`The end date is not a valid date (${e.reason})`);
    if (e.value <= start.value) throw new BudgetRuleError(`The budget ends (${e.value}) before it starts (${start.value}).`);
    end = e.value;
  }
  const names = Object.keys(draft.notifications);
  if (names.length > 5) throw new BudgetRuleError(`A budget has at most 5 notifications; ${names.length} were given.`);
  for (const [name, n] of Object.entries(draft.notifications)) {
    if (!(n.threshold >= 0 && n.threshold <= 1000)) {
      throw new BudgetRuleError(`Notification '${name}': the threshold is a percentage from 0 to 1000 (80 means 80%), not ${n.threshold}.`);
    }
    if (n.contactEmails.length > 50) throw new BudgetRuleError(`Notification '${name}': at most 50 e-mail addresses.`);
    if (n.enabled && n.contactEmails.length === 0 && n.contactGroups.length === 0 && n.contactRoles.length === 0) {
      throw new BudgetRuleError(`Notification '${name}': give at least one e-mail address, role or action group to notify.`);
    }
  }
  const notifications: Record<string, unknown> = {};
  for (const [name, n] of Object.entries(draft.notifications)) {
    notifications[name] = {
      enabled: n.enabled,
      operator: n.operator,
      threshold: n.threshold,
      thresholdType: n.thresholdType,
      contactEmails: n.contactEmails,
      ...(n.contactRoles.length ? { contactRoles: n.contactRoles } : {}),
      ...(n.contactGroups.length ? { contactGroups: n.contactGroups } : {}),
      ...(n.locale ? { locale: n.locale } : {}),
    };
  }
  return {
    ...(draft.eTag ? { eTag: draft.eTag } : {}),
    properties: {
      category: 'Cost',
      amount: draft.amount,
      timeGrain: draft.timeGrain,
      timePeriod: { startDate: `${start.value}T00:00:00Z`, ...(end ? { endDate: `${end}T00:00:00Z` } : {}) },
      ...(draft.filter ? { filter: draft.filter } : {}),
      notifications,
    },
  };
}

export async function saveBudget(
  transport: ArmTransport,
  scope: string,
  name: string,
  draft: BudgetDraft,
  options: { signal?: AbortSignal; asOf?: Date } = {},
): Promise<Budget> {
  const body = budgetBody(draft, options.asOf);
  const raw = await transport.send<unknown>('PUT', `${budgetsPath(scope)}/${seg(name)}`, body, { query: { 'api-version': API.consumption }, signal: options.signal });
  if (raw === undefined) return getBudget(transport, scope, name, options);
  return parseBudget(raw);
}

export async function deleteBudget(transport: ArmTransport, scope: string, name: string, options: { signal?: AbortSignal } = {}): Promise<void> {
  await transport.delete(`${budgetsPath(scope)}/${seg(name)}`, { query: { 'api-version': API.consumption }, signal: options.signal });
}
