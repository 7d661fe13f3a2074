// Consumption budgets (docs/azure-apis.md#budgets). Thresholds are percentages (0–1000), not
// fractions; notifications are a map keyed by names the owner chose.
import { withIssues } from './common';
import { CalendarDate } from './dates';
import { Money } from './money';
import { Open } from './openEnum';
import { ArmIdentity, isObject, ParseIssue, readIdentity, WireReader } from './wire';

export const TIME_GRAINS = ['Monthly', 'Quarterly', 'Annually', 'BillingMonth', 'BillingQuarter', 'BillingAnnual'] as const;
export type TimeGrain = (typeof TIME_GRAINS)[number];
export const NOTIFICATION_OPERATORS = ['EqualTo', 'GreaterThan', 'GreaterThanOrEqualTo'] as const;

export interface BudgetNotification {
  enabled: boolean;
  operator: Open<(typeof NOTIFICATION_OPERATORS)[number]>;
  /** Percent of the budget amount, 0–1000. */
  threshold: number;
  thresholdType: Open<'Actual' | 'Forecasted'>;
  contactEmails: string[];
  contactRoles: string[];
  contactGroups: string[];
  locale?: string;
}

export interface Budget extends ArmIdentity {
  eTag?: string;
  category: string;
  /** In the scope's billing currency (the budget itself names no currency). */
  amount: number;
  timeGrain?: Open<TimeGrain>;
  startDate?: CalendarDate;
  endDate?: CalendarDate;
  /** The filter exactly as Azure holds it (dimensions/tags, `and`). */
  filter?: Record<string, unknown>;
  notifications: Record<string, BudgetNotification>;
  /** Read-only: spend so far (`unit` holds the currency). */
  currentSpend?: Money;
  forecastSpend?: Money;
  issues?: ParseIssue[];
}

function readNotification(raw: unknown, issues: ParseIssue[], key: string): BudgetNotification {
  const r = new WireReader(raw, issues, `notifications.${key}.`);
  return {
    enabled: r.bool('enabled') ?? false,
    operator: r.enum('operator', NOTIFICATION_OPERATORS) ?? '',
    threshold: r.num('threshold') ?? 0,
    thresholdType: r.enum('thresholdType', ['Actual', 'Forecasted'] as const) ?? 'Actual',
    contactEmails: r.strings('contactEmails'),
    contactRoles: r.strings('contactRoles'),
    contactGroups: r.strings('contactGroups'),
    locale: r.str('locale'),
  };
}

export function parseBudget(raw: unknown): Budget {
  const identity = readIdentity(raw);
  const issues: ParseIssue[] = [];
  const top = new WireReader(raw, issues);
  const r = new WireReader(isObject(raw) ? raw.properties : undefined, issues);
  const period = r.child('timePeriod');
  const notifications: Record<string, BudgetNotification> = {};
  if (isObject(r.raw.notifications)) {
    for (const [key, value] of Object.entries(r.raw.notifications)) { notifications[key] = readNotification(value, issues, key); }
  }
  return withIssues(
    {
      ...identity,
      eTag: top.str('eTag'),
      category: r.str('category') ?? 'Cost',
      amount: r.num('amount') ?? 0,
      timeGrain: r.enum('timeGrain', TIME_GRAINS),
      startDate: period.date('startDate'),
      endDate: period.date('endDate'),
      ...(isObject(r.raw.filter) ? { filter: r.raw.filter } : {}),
      notifications,
      currentSpend: r.money('currentSpend'),
      forecastSpend: r.money('forecastSpend'),
    },
    issues,
  );
}
