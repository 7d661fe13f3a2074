// What the alert rules found, as data: the views turn a finding into words (in the editor's
// language) and a notification. Every finding has the stable key the ledger (alertLedger.ts)
// remembers, so the same crossing is never raised twice (docs/alerts.md).
import type { Money } from '../../billing/models/money';
import type { AlertCandidate } from './alertLedger';
import type { Anomaly } from './anomalyRules';

interface FindingBase extends AlertCandidate {
  /** The scope watched (a Cost Management `{scope}`), for grouping and for the status bar. */
  scope: string;
}

export interface BudgetFinding extends FindingBase {
  kind: 'budget';
  budgetName: string;
  /** The budget's ARM id (Show Budget). */
  budgetId: string;
  thresholdType: 'Actual' | 'Forecasted';
  /** Percent of the amount, as the notification names it (80 = 80 %). */
  threshold: number;
  amount: Money;
  spend: Money;
  /** First day of the budget's current period (YYYY-MM-DD). */
  periodStart: string;
}

export interface CreditExpiryFinding extends FindingBase {
  kind: 'creditExpiry';
  lotName: string;
  /** YYYY-MM-DD. */
  expires: string;
  daysLeft: number;
  balance: Money;
}

export interface CreditRunwayFinding extends FindingBase {
  kind: 'creditRunway';
  /** YYYY-MM-DD the credits run out. */
  runsOutOn: string;
  daysLeft: number;
  by: 'spending' | 'expiry';
}

export interface AnomalyFinding extends FindingBase {
  kind: 'spike' | 'newMeter' | 'rise';
  anomaly: Anomaly;
  currency: string;
}

export interface CostManagementFinding extends FindingBase {
  kind: 'costManagement';
  /** The alert's ARM id and name (Dismiss sends them back). */
  alertId: string;
  alertName: string;
  alertType: string;
  criteria?: string;
  description?: string;
  costEntityId?: string;
  amount?: Money;
  currentSpend?: Money;
  /** Fraction (0.8 = 80 %). */
  threshold?: number;
}

export type AlertFinding = BudgetFinding | CreditExpiryFinding | CreditRunwayFinding | AnomalyFinding | CostManagementFinding;
