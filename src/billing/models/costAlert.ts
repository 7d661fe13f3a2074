// Cost Management alerts (docs/azure-apis.md#cost-management-alerts): budget, forecast, credit,
// quota, invoice and general (anomaly) alerts that Azure raised at a scope. Type, criteria and
// status are open sets; the details differ per type, so only the common money fields are read.
import { withIssues } from './common';
import { Open } from './openEnum';
import { ArmIdentity, isObject, ParseIssue, readIdentity, WireReader } from './wire';

export const ALERT_TYPES = ['Budget', 'Invoice', 'Credit', 'Quota', 'General', 'xCloud', 'BudgetForecast'] as const;
export const ALERT_STATUSES = ['None', 'Active', 'Overridden', 'Resolved', 'Dismissed'] as const;

export interface CostAlert extends ArmIdentity {
  type?: string;
  alertType: Open<(typeof ALERT_TYPES)[number]>;
  category?: string;
  criteria?: string;
  description?: string;
  status: Open<(typeof ALERT_STATUSES)[number]>;
  /** The budget (or other entity) the alert is about. */
  costEntityId?: string;
  creationTime?: Date;
  /** Budget alerts: the threshold as a fraction (0.8 = 80 %). */
  threshold?: number;
  /** The amount the threshold applies to and the spend that crossed it, in `unit`. */
  amount?: number;
  currentSpend?: number;
  unit?: string;
  periodStartDate?: string;
  issues?: ParseIssue[];
}

export function parseCostAlert(raw: unknown): CostAlert {
  const issues: ParseIssue[] = [];
  const r = new WireReader(isObject(raw) ? raw.properties : undefined, issues);
  const definition = r.child('definition');
  const details = r.child('details');
  return withIssues(
    {
      ...readIdentity(raw),
      alertType: definition.enum('type', ALERT_TYPES) ?? '',
      category: definition.str('category'),
      criteria: definition.str('criteria'),
      description: r.str('description') || undefined,
      status: r.enum('status', ALERT_STATUSES) ?? 'None',
      costEntityId: r.str('costEntityId'),
      creationTime: r.instant('creationTime'),
      threshold: details.num('threshold'),
      amount: details.num('amount'),
      currentSpend: details.num('currentSpend'),
      unit: details.str('unit'),
      periodStartDate: details.date('periodStartDate'),
    },
    issues,
  );
}
