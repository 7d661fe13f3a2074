// Microsoft.Consumption (docs/azure-apis.md#consumption): credit balance summary, lots and events
// of MCA billing profiles and accounts, and budgets at any scope. The routes live in
// routes/consumption/.
import type { Router } from '../router';
import type { RouteContext } from './context';
import { registerBudgetRoutes } from './consumption/budgetRoutes';
import { registerCreditRoutes } from './consumption/creditRoutes';

export function registerConsumptionRoutes(router: Router, ctx: RouteContext): void {
  registerCreditRoutes(router, ctx);
  registerBudgetRoutes(router, ctx);
}
