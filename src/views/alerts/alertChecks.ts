// One pass over one watched scope: what the alert rules find there now. It reads budgets
// (Consumption), credits (Consumption), Cost Management's own alerts, and the daily cost through the
// scope's shared cost source (the usage panel's and status bar's: the same two ranges the status
// bar asks — the billing period and last month — so whichever asks first pays for the query and
// the others reuse it). No vscode here: unit tests run it against the emulator.
import { AzureError, isCancellation } from '../../azure/errors';
import type { ArmTransport } from '../../azure/transport';
import { listBudgets } from '../../billing/budgets';
import { listCostAlerts } from '../../billing/costAlerts';
import { CreditScope, getCreditBalance, listCreditLots } from '../../billing/credits';
import type { Budget } from '../../billing/models/budget';
import { NotApplicableError } from '../../billing/notApplicable';
import { DayNumber, formatIsoDate } from '../../insight/calendar';
import { groupCosts } from '../../insight/grouping';
import { resolvePeriod } from '../../insight/periods';
import { anomalyFindings, dailyCostsOf, ScopeDailyCosts } from '../../insight/alerts/anomalyFindings';
import type { AnomalyThresholds } from '../../insight/alerts/anomalyRules';
import { budgetCrossings } from '../../insight/alerts/budgetRules';
import { expiringLots, shortRunway } from '../../insight/alerts/creditRules';
import type { AlertFinding, CostManagementFinding } from '../../insight/alerts/findings';
import type { CostAlert } from '../../billing/models/costAlert';
import { readProfileRunway } from '../credits/readProfileRunway';
import type { PanelSource } from '../usagePanel/panelSource';
import type { UsageScope } from '../usagePanel/usageScope';

export interface WatchedScope {
  /** The Cost Management `{scope}` (no leading slash); also the scope's key in the schedule. */
  scope: string;
  usage: UsageScope;
  label: string;
  tenantId?: string;
  /** The billing account the scope belongs to (its Alerts folder lists the scope's alerts). */
  accountName?: string;
  /** Set for MCA billing profiles: their credits are checked. */
  credits?: CreditScope;
  /** Why it is watched: the pinned scope, or found with budgets or credits. */
  reason: 'pinned' | 'budgets' | 'credits' | 'account';
}

export interface AlertRuleSettings {
  expiryDays: number;
  runwayDays: number;
  thresholds: AnomalyThresholds;
}

export interface CheckInputs {
  transport: ArmTransport;
  source: PanelSource;
  today: DayNumber;
  rules: AlertRuleSettings;
  signal?: AbortSignal;
  /** Told why a part was left out (no permission, not applicable). */
  note?(message: string): void;
}

export interface ScopeCheck {
  findings: AlertFinding[];
  budgets: Budget[];
}

/** Throttling and cancellation end the pass (the monitor backs off); anything else leaves one part out. */
async function part<T>(what: string, read: () => Promise<T>, fallback: T, inputs: CheckInputs): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isCancellation(error) || (error instanceof AzureError && (error.kind === 'throttled' || error.kind === 'retriesExhausted'))) {throw error;}
    if (!(error instanceof NotApplicableError)) {inputs.note?.(`${what}: ${error instanceof Error ? error.message : String(error)}`);}
    return fallback;
  }
}

export async function checkScope(watched: WatchedScope, inputs: CheckInputs): Promise<ScopeCheck> {
  const { transport, signal, today, rules } = inputs;
  const findings: AlertFinding[] = [];
  const budgets = await part('budgets', async () => (await listBudgets(transport, watched.scope, { signal }).all()).items, [], inputs);
  for (const b of budgets) {findings.push(...budgetCrossings(watched.scope, b, today));}

  let hasCredits = false;
  if (watched.credits) {
    const credits = watched.credits;
    const lots = await part('credit lots', async () => (await listCreditLots(transport, credits, { signal }).all()).items, [], inputs);
    hasCredits = lots.length > 0;
    findings.push(...expiringLots(watched.scope, lots, today, rules.expiryDays));
    if (hasCredits) {
      const runway = await part('credit runway', () => readProfileRunway({ transport, scope: credits, costs: inputs.source, today, signal, balance: getCreditBalance(transport, credits, { signal }) }), undefined, inputs);
      if (runway?.kind === 'runway') {findings.push(...shortRunway(watched.scope, runway.runway.runsOutOn, runway.runway.runsOutBy, today, rules.runwayDays));}
    }
  }

  const alerts = await part('Cost Management alerts', async () => (await listCostAlerts(transport, watched.scope, { signal }).all()).items, [], inputs);
  for (const a of alerts) {if (a.status === 'Active') {findings.push(costManagementFinding(watched.scope, a));}}

  if (watched.reason === 'pinned' || budgets.length > 0 || hasCredits) {
    for (const costs of await readDailyCosts(inputs.source, today, signal)) {findings.push(...anomalyFindings(watched.scope, costs, rules.thresholds));}
  }
  return { findings, budgets };
}

export function costManagementFinding(scope: string, a: CostAlert): CostManagementFinding {
  const money = (amount: number | undefined) => (amount !== undefined && a.unit ? { amount, currency: a.unit } : undefined);
  return {
    kind: 'costManagement',
    key: `costManagement|${a.id.toLowerCase()}`,
    scope,
    alertId: a.id,
    alertName: a.name,
    alertType: a.alertType,
    criteria: a.criteria,
    description: a.description,
    costEntityId: a.costEntityId,
    amount: money(a.amount),
    currentSpend: money(a.currentSpend),
    threshold: a.threshold,
  };
}

/**
 * Daily cost by service from the first day of last month through yesterday (today is not complete),
 * from the same two ranges the status bar reads, so the answers are shared.
 */
export async function readDailyCosts(source: PanelSource, today: DayNumber, signal?: AbortSignal): Promise<ScopeDailyCosts[]> {
  const current = resolvePeriod({ preset: 'billingPeriod' }, { today });
  const previous = resolvePeriod({ preset: 'lastMonth' }, { today });
  if (!current.ok || !previous.ok) {return [];}
  const now = current.period;
  const last = previous.period;
  const [a, b] = await Promise.all([
    source.actual({ first: now.first, last: now.last }, 'meterCategory', undefined, signal),
    source.actual({ first: last.first, last: last.last }, 'meterCategory', undefined, signal),
  ]);
  const before = dailyCostsOf(groupCosts(b.cube, { groupBy: 'meterCategory', range: { first: last.first, last: last.last }, topN: Number.MAX_SAFE_INTEGER }), last.first);
  const yesterday = today - 1;
  const thisPeriod = yesterday >= now.first ? dailyCostsOf(groupCosts(a.cube, { groupBy: 'meterCategory', range: { first: now.first, last: yesterday }, topN: Number.MAX_SAFE_INTEGER }), now.first) : [];
  const currencies = new Set([...before, ...thisPeriod].map((c) => c.currency));
  return [...currencies].map((currency) => {
    const x = before.find((c) => c.currency === currency);
    const y = thisPeriod.find((c) => c.currency === currency);
    // A currency missing from one period still needs its days, at 0.
    const fill = (from: DayNumber, to: DayNumber) => {
      const out = [];
      for (let d = from; d <= to; d++) {out.push({ day: formatIsoDate(d), amount: 0 });}
      return out;
    };
    const days = [...(x?.days ?? fill(last.first, last.last)), ...(y?.days ?? (yesterday >= now.first ? fill(now.first, yesterday) : []))];
    return { currency, days, byService: [...(x?.byService ?? []), ...(y?.byService ?? [])] };
  });
}
