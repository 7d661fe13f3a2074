import type { Router } from '../router';
import { registerBillingRoutes } from './billing';
import { registerCommerceRoutes } from './commerce';
import { registerConsumptionRoutes } from './consumption';
import type { RouteContext } from './context';
import { registerCostManagementRoutes } from './costManagement';
import { registerResourcesRoutes } from './resources';
import { registerRetailPricesRoutes } from './retailPrices';

export function registerAllRoutes(router: Router, ctx: RouteContext): void {
  registerResourcesRoutes(router, ctx);
  registerBillingRoutes(router, ctx);
  registerConsumptionRoutes(router, ctx);
  registerCommerceRoutes(router, ctx);
  registerCostManagementRoutes(router, ctx);
  registerRetailPricesRoutes(router, ctx);
}

/** The blob origin's one route (it is not ARM: no token, no api-version). */
export function registerBlobRoutes(router: Router, ctx: RouteContext): void {
  router.add({
    method: 'GET',
    path: '/blob/{container}/{name}',
    apiVersions: 'none',
    auth: 'public',
    handler: (req) => ctx.blobs.serve(req, req.params.container, req.params.name),
  });
}
