// Microsoft.CostManagement alerts (docs/azure-apis.md#cost-management-alerts): list, get and dismiss
// (PATCH status Dismissed) at subscription, resource group and billing scopes. Cost Management
// makes an alert when something crosses a line; here the alerts are worked out from the world when
// asked, so they agree with what the other routes answer:
//   Budget / BudgetForecast — each enabled notification of a budget at the scope (the budget routes'
//     store) whose threshold the current (or forecast) spend has crossed;
//   Credit — a billing profile's credit lot that expires within 30 days with credit left;
//   Quota — an EA enrollment whose charges of the last 12 months passed 90 % of its commitment;
//   General (anomaly) — the planted spike of world/usage/plantedAnomalies.ts.
// Dismissals are kept for the emulator's lifetime. Guesses are marked [inf] and listed in the README.
import * as crypto from 'crypto';
import { badRequest, fail, ok, pageOf } from '../../arm';
import type { EmuRequest } from '../../http';
import type { Router } from '../../router';
import type { World } from '../../world';
import { addDays, daysBetween, isoMidnight } from '../../world/billing/calendar';
import { fromCents } from '../../world/billing/money';
import type { WorldBillingProfile } from '../../world/billing/types';
import { dayString } from '../../world/usage/calendar';
import { usageWorldOf } from '../../world/usage/access';
import { plantedAnomaliesOf } from '../../world/usage/plantedAnomalies';
import { BudgetScope, resolveBudgetScope } from '../consumption/budgetScope';
import { budgetPeriod, spend } from '../consumption/budgetRoutes';
import { budgetStoreOf } from '../consumption/budgetStore';
import type { RouteContext } from '../context';

/** A credit lot expiring within this many days with credit left raises a Credit alert [inf]. */
export const CREDIT_EXPIRY_ALERT_DAYS = 30;
const NEVER = '0001-01-01T00:00:00';

interface AlertRecord {
  /** Scope path with one leading slash, as the alert's id starts. */
  scopePath: string;
  name: string;
  type: string;
  category: string;
  criteria: string;
  description: string;
  costEntityId: string;
  creationDay: string;
  details: Record<string, unknown>;
}

function guidOf(text: string): string {
  const h = crypto.createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function budgetAlerts(world: World, scope: BudgetScope): AlertRecord[] {
  const out: AlertRecord[] = [];
  for (const b of budgetStoreOf(world).list(scope.path)) {
    const period = budgetPeriod(b.input.timeGrain, b.input.timePeriod.startDate, world.options.asOf);
    if (!period) {continue;}
    const { current, forecast } = spend(world, scope, b);
    for (const [key, n] of Object.entries(b.input.notifications)) {
      if (!n.enabled) {continue;}
      const forecasted = n.thresholdType === 'Forecasted';
      const cents = forecasted ? forecast : current;
      if (cents / 100 <= (b.input.amount * n.threshold) / 100) {continue;}
      out.push({
        scopePath: scope.path,
        name: guidOf(`budget|${scope.key}|${b.name.toLowerCase()}|${key}|${period.from}`),
        type: forecasted ? 'BudgetForecast' : 'Budget',
        category: 'Cost',
        criteria: forecasted ? 'ForecastCostThresholdExceeded' : 'CostThresholdExceeded',
        description: '',
        costEntityId: b.name,
        creationDay: addDays(world.options.asOf, -1),
        details: {
          timeGrainType: b.input.timeGrain, periodStartDate: isoMidnight(period.from), triggeredBy: `${b.name}_${key}`,
          resourceGroupFilter: [], resourceFilter: [], meterFilter: [], tagFilter: {},
          threshold: n.threshold / 100, operator: n.operator, amount: b.input.amount, unit: scope.currency,
          currentSpend: fromCents(cents), contactEmails: n.contactEmails, contactGroups: n.contactGroups, contactRoles: n.contactRoles, overridingAlert: null,
        },
      });
    }
  }
  return out;
}

function creditAlerts(world: World, scopePath: string, profile: WorldBillingProfile): AlertRecord[] {
  const credits = world.billing.credits(profile);
  const asOf = world.options.asOf;
  return (credits?.lots ?? [])
    .filter((l) => l.status === 'Active' && l.source !== 'ConsumptionCommitment' && l.closedBalanceCents > 0 && l.expirationDate >= asOf && daysBetween(asOf, l.expirationDate) <= CREDIT_EXPIRY_ALERT_DAYS)
    .map((l) => ({
      scopePath,
      name: guidOf(`credit|${scopePath.toLowerCase()}|${l.name}`),
      type: 'Credit',
      category: 'Billing',
      criteria: 'CreditThresholdApproaching',
      description: `Credit ${l.name} expires on ${l.expirationDate} with ${fromCents(l.closedBalanceCents)} ${l.currency} left.`,
      costEntityId: l.name,
      creationDay: addDays(l.expirationDate, -CREDIT_EXPIRY_ALERT_DAYS) > asOf ? asOf : addDays(l.expirationDate, -CREDIT_EXPIRY_ALERT_DAYS),
      // Which fields a Credit alert fills is a guess [inf].
      details: { amount: fromCents(l.originalCents), currentSpend: fromCents(l.originalCents - l.closedBalanceCents), unit: l.currency, triggeredBy: l.name, periodStartDate: isoMidnight(l.startDate) },
    }));
}

function quotaAlerts(world: World, scope: BudgetScope): AlertRecord[] {
  const asOf = world.options.asOf;
  const from = addDays(asOf, -365);
  const to = addDays(asOf, -1);
  const cents = scope.subscriptions.reduce((sum, s) => sum + world.billing.subscriptionChargesCents(s, from, to), 0);
  // The enrollment's commitment is not in the world: taken as the year's charges / 0.95, so the
  // enrollment has used 95 % of it [inf].
  const commitment = Math.round(cents / 0.95 / 100_000) * 1000;
  if (commitment <= 0 || cents / 100 < commitment * 0.9) {return [];}
  return [{
    scopePath: scope.path, name: guidOf(`quota|${scope.key}|${from}`), type: 'Quota', category: 'Billing', criteria: 'QuotaThresholdApproaching',
    description: `The enrollment has used more than 90 % of its ${commitment} ${scope.currency} commitment.`, costEntityId: 'commitment', creationDay: to,
    details: { amount: commitment, currentSpend: fromCents(cents), unit: scope.currency, threshold: 0.9, operator: 'GreaterThan', periodStartDate: isoMidnight(from), triggeredBy: 'commitment' },
  }];
}

function anomalyAlerts(world: World, scope: BudgetScope): AlertRecord[] {
  const sub = scope.kind === 'subscription' ? scope.subscriptions[0] : undefined;
  if (!sub || !plantedAnomaliesOf(sub).includes('spike')) {return [];}
  const usage = usageWorldOf(world);
  const day = usage.window.lastDay - 1;
  const cents = usage.dailyCents(sub.subscriptionId, day);
  // Cost Management's anomaly alerts are not among the alert types of the reference; the type
  // (General) and the fields are guesses [inf].
  return [{
    scopePath: scope.path, name: guidOf(`anomaly|${scope.key}|${dayString(day)}`), type: 'General', category: 'Cost', criteria: 'CostThresholdExceeded',
    description: `Anomaly detected: daily cost on ${dayString(day)} was ${fromCents(cents)} ${sub.currency}.`, costEntityId: 'anomaly', creationDay: dayString(day + 1),
    details: { amount: fromCents(cents), currentSpend: fromCents(cents), unit: sub.currency, periodStartDate: isoMidnight(dayString(day)), triggeredBy: 'anomaly-detection' },
  }];
}

/** The alerts of one scope (a billing account's include those of its profiles [inf]). */
function alertsAt(world: World, scope: BudgetScope, tenantId: string | undefined): AlertRecord[] {
  const out = budgetAlerts(world, scope);
  if (scope.kind === 'subscription') {out.push(...anomalyAlerts(world, scope));}
  const parts = scope.path.split('/').filter(Boolean);
  if (scope.kind === 'billingProfile' || scope.kind === 'billingAccount') {
    const account = world.billing.visibleAccount(tenantId, parts[3]);
    const profiles = scope.kind === 'billingProfile' ? account?.profiles.filter((p) => p.name.toLowerCase() === parts[5].toLowerCase()) ?? [] : account?.profiles ?? [];
    for (const p of profiles) {out.push(...creditAlerts(world, `/providers/Microsoft.Billing/billingAccounts/${account?.name}/billingProfiles/${p.name}`, p));}
    if (scope.kind === 'billingAccount' && account?.agreementType === 'EnterpriseAgreement') {out.push(...quotaAlerts(world, scope));}
  }
  return out;
}

/** `versions`: Cost Management's (the reference has alerts in every one of them). */
export function registerAlertRoutes(router: Router, ctx: RouteContext, versions: string[]): void {
  /** Dismissed alert ids with the time they were dismissed. */
  const dismissed = new Map<string, string>();
  const json = (a: AlertRecord) => {
    const at = dismissed.get(a.name);
    return {
      id: `${a.scopePath}/providers/Microsoft.CostManagement/alerts/${a.name}`,
      name: a.name,
      type: 'Microsoft.CostManagement/alerts',
      properties: {
        definition: { type: a.type, category: a.category, criteria: a.criteria },
        description: a.description,
        source: 'Preset',
        details: a.details,
        costEntityId: a.costEntityId,
        status: at ? 'Dismissed' : 'Active',
        creationTime: `${a.creationDay}T06:00:00Z`,
        closeTime: NEVER,
        modificationTime: at ?? `${a.creationDay}T06:00:00Z`,
        statusModificationUserName: at ? 'emulator' : null,
        statusModificationTime: at ?? NEVER,
      },
    };
  };
  const list = (req: EmuRequest) => {
    const scope = resolveBudgetScope(ctx.world, req);
    if (scope.kind === 'managementGroup') {badRequest(`Alerts are not supported at scope '${scope.path}'.`, 'InvalidScope');}
    return alertsAt(ctx.world, scope, req.caller?.tid);
  };
  const one = (req: EmuRequest) => {
    const found = list(req).find((a) => a.name.toLowerCase() === req.params.alertId.toLowerCase());
    if (!found) {fail(404, 'NotFound', `The alert '${req.params.alertId}' was not found.`);}
    return found;
  };
  const path = '/{*scope}/providers/Microsoft.CostManagement/alerts';
  router.add({ method: 'GET', path, apiVersions: versions, auth: 'arm', handler: (req) => ok({ ...pageOf(req, list(req).map(json), { pageSize: ctx.settings.pageSize }) }) });
  router.add({ method: 'GET', path: `${path}/{alertId}`, apiVersions: versions, auth: 'arm', handler: (req) => ok(json(one(req))) });
  router.add({
    method: 'PATCH',
    path: `${path}/{alertId}`,
    apiVersions: versions,
    auth: 'arm',
    handler: (req) => {
      const alert = one(req);
      let body: unknown;
      try {
        body = JSON.parse(req.body.toString('utf8') || 'null');
      } catch {
        badRequest('The request content was invalid and could not be deserialized.', 'InvalidRequestContent');
      }
      const status = (body as { properties?: { status?: unknown } } | null)?.properties?.status;
      // Only dismissing is an update the reference describes [inf: other statuses refused].
      if (status !== 'Dismissed') {badRequest(`An alert can only be dismissed: properties.status must be 'Dismissed', not ${JSON.stringify(status)}.`, 'InvalidAlertStatus');}
      if (!dismissed.has(alert.name)) {dismissed.set(alert.name, `${ctx.world.options.asOf}T12:00:00Z`);}
      return ok(json(alert));
    },
  });
}
