// Consumption budgets at any supported scope: list, get, create or update (201 / 200, eTag checked),
// delete (docs/azure-apis.md#budgets). currentSpend and forecastSpend are the Cost Management totals
// of the scope's subscriptions for the budget's filter and current period (budgetSpend.ts).
import { badRequest, fail, ok, pageOf } from '../../arm';
import type { EmuRequest } from '../../http';
import type { Router } from '../../router';
import type { World } from '../../world';
import { isoMidnight } from '../../world/billing/calendar';
import { fromCents } from '../../world/billing/money';
import type { RouteContext } from '../context';
import { BudgetScope, resolveBudgetScope } from './budgetScope';
import { budgetStoreOf, StoredBudget } from './budgetStore';
import { budgetSpend } from './budgetSpend';
import { validateBudget } from './budgetValidation';
import { CONSUMPTION_VERSIONS } from './versions';

const BUDGET_NAME = /^[A-Za-z0-9_-]{1,63}$/;

export { budgetPeriod } from './budgetSpend';

/** Spend and forecast in cents (Cost Management's budget alerts read them too). */
export function spend(world: World, scope: BudgetScope, b: StoredBudget): { current: number; forecast: number } {
  const { currentCents, forecastCents } = budgetSpend(world, scope, b.input);
  return { current: currentCents, forecast: forecastCents };
}

function budgetJson(world: World, scope: BudgetScope, b: StoredBudget): unknown {
  const { current, forecast } = spend(world, scope, b);
  const i = b.input;
  const properties: Record<string, unknown> = {
    category: i.category,
    amount: i.amount,
    timeGrain: i.timeGrain,
    timePeriod: { startDate: isoMidnight(i.timePeriod.startDate), endDate: isoMidnight(i.timePeriod.endDate) },
  };
  if (i.filter !== undefined) { properties.filter = i.filter; }
  Object.assign(properties, {
    currentSpend: { amount: fromCents(current), unit: scope.currency },
    notifications: i.notifications,
    forecastSpend: { amount: fromCents(forecast), unit: scope.currency },
  });
  return { id: `${b.scopePath}/providers/Microsoft.Consumption/budgets/${b.name}`, name: b.name, type: 'Microsoft.Consumption/budgets', eTag: b.eTag, properties };
}

export function registerBudgetRoutes(router: Router, ctx: RouteContext): void {
  const store = budgetStoreOf(ctx.world);
  const path = '/{*scope}/providers/Microsoft.Consumption/budgets';
  const add = (method: 'GET' | 'PUT' | 'DELETE', p: string, handler: (req: EmuRequest) => ReturnType<typeof ok> | { status: number; json?: unknown }) =>
    router.add({ method, path: p, apiVersions: CONSUMPTION_VERSIONS, auth: 'arm', handler });
  const named = (req: EmuRequest) => {
    const name = req.params.budgetName;
    if (!BUDGET_NAME.test(name)) { badRequest(`The budget name '${name}' is invalid: use 1 to 63 letters, digits, '-' or '_'.`, 'InvalidInput'); }
    return name;
  };

  add('GET', path, (req) => {
    const scope = resolveBudgetScope(ctx.world, req);
    return ok(pageOf(req, store.list(scope.path).map((b) => budgetJson(ctx.world, scope, b)), { pageSize: ctx.settings.pageSize }));
  });
  add('GET', `${path}/{budgetName}`, (req) => {
    const scope = resolveBudgetScope(ctx.world, req);
    const b = store.get(scope.path, named(req));
    if (!b) { fail(404, 'NotFound', `The budget '${req.params.budgetName}' was not found at scope '${scope.path}'.`); }
    return ok(budgetJson(ctx.world, scope, b));
  });
  add('PUT', `${path}/{budgetName}`, (req) => {
    const scope = resolveBudgetScope(ctx.world, req);
    const name = named(req);
    let body: { eTag?: unknown };
    try {
      body = (JSON.parse(req.body.toString('utf8') || 'null') as { eTag?: unknown } | null) ?? {};
    } catch {
      badRequest('The request content was invalid and could not be deserialized.', 'InvalidRequestContent');
    }
    const existing = store.get(scope.path, name);
    const input = validateBudget(body, scope, ctx.world.options.asOf, existing?.input.timePeriod.startDate);
    // Updates must echo the latest eTag; the status for a stale one is a guess (412
    // PreconditionFailed, as ARM answers a failed If-Match; docs/azure-apis.md#budgets).
    if (existing && body.eTag === undefined) { badRequest(`Updating budget '${name}' needs the eTag from its latest GET.`, 'MissingETag'); }
    if (existing && body.eTag !== existing.eTag) {
      fail(412, 'PreconditionFailed', `The budget '${name}' was changed since it was read (eTag ${String(body.eTag)} is not the current one); GET it again and retry.`);
    }
    const { created, budget } = store.put(scope.path, name, input);
    return { status: created ? 201 : 200, json: budgetJson(ctx.world, scope, budget) };
  });
  add('DELETE', `${path}/{budgetName}`, (req) => {
    const scope = resolveBudgetScope(ctx.world, req);
    // ARM answers 204 for a resource that is already gone [inf].
    return { status: store.delete(scope.path, named(req)) ? 200 : 204 };
  });
}
