// Microsoft.Billing (docs/azure-apis.md#billing), api-versions 2019-10-01-preview, 2020-05-01 and
// 2024-04-01, each with its own shapes and quirks. The routes live in routes/billing/.
import type { Router } from '../router';
import { registerAccountRoutes } from './billing/accountRoutes';
import { registerInvoiceRoutes } from './billing/invoiceRoutes';
import type { RouteContext } from './context';

export function registerBillingRoutes(router: Router, ctx: RouteContext): void {
  // Invoice routes first: their literal `default` segments must win over `{billingAccountName}`.
  registerInvoiceRoutes(router, ctx);
  registerAccountRoutes(router, ctx);
}
