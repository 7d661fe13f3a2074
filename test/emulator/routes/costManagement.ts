// Microsoft.CostManagement query and forecast (docs/azure-apis.md#cost-management) for
// subscription, resource group, billing account, billing profile, invoice section, department and
// enrollment account scopes: validated definitions, columns in Azure's order, paging by re-POST to
// properties.nextLink, 204 for no data, QPU headers and an optional per-scope limiter.
import * as crypto from 'crypto';
import type { EmuRequest, EmuResponse } from '../http';
import type { Router } from '../router';
import { usageWorldOf } from '../world/usage/access';
import type { RouteContext } from './context';
import { registerAlertRoutes } from './costManagement/alerts';
import { parseBody, parseDefinition } from './costManagement/definition';
import { runForecast } from './costManagement/forecast';
import { bodyDigest, nextLinkOf, offsetOf, pageSizeOf } from './costManagement/paging';
import { qpuOf, QpuLimiter } from './costManagement/qpuLimiter';
import { QueryTable, runQuery } from './costManagement/queryEngine';
import { resolveScope } from './costManagement/scope';

export const COST_MANAGEMENT_VERSIONS = ['2019-11-01', '2021-10-01', '2022-10-01', '2023-03-01', '2023-11-01', '2024-08-01', '2025-03-01'];
/** From this version on, forecast's timeframe enum holds only Custom. */
const FORECAST_CUSTOM_ONLY_FROM = '2024-08-01';

type BillingLookup = Parameters<typeof resolveScope>[1];

export function registerCostManagementRoutes(router: Router, ctx: RouteContext): void {
  const limiter = new QpuLimiter(ctx.settings);
  // Pages of one query are served from one evaluation (a client walks them in a few seconds).
  const recent = new Map<string, QueryTable>();

  const handle = (kind: 'query' | 'forecast') => (req: EmuRequest): EmuResponse => {
    const usage = usageWorldOf(ctx.world);
    const billing = (ctx.world as { billing?: BillingLookup }).billing;
    const scope = resolveScope(usage, typeof billing?.visibleAccount === 'function' ? billing : undefined, req, req.params.scope);
    const body = parseBody(req.body);
    const spec = parseDefinition(body, {
      asOfDay: usage.asOfDay,
      forecast: kind === 'forecast',
      customOnly: kind === 'forecast' && (req.apiVersion ?? '') >= FORECAST_CUSTOM_ONLY_FROM,
    });
    const digest = bodyDigest(body);
    const offset = offsetOf(req, digest);
    const pageSize = pageSizeOf(req, ctx.settings.pageSize);
    const clientType = typeof req.headers.clienttype === 'string' ? req.headers.clienttype : undefined;
    const qpu = limiter.take(scope.key, clientType, qpuOf(spec.range.to - spec.range.from + 1));
    if ('throttled' in qpu) { return qpu.throttled; }

    const cacheKey = `${kind}|${scope.key}|${digest}`;
    let table = recent.get(cacheKey);
    if (!table) {
      table = kind === 'query' ? runQuery(usage, scope, spec) : runForecast(usage, scope, spec);
      recent.set(cacheKey, table);
      if (recent.size > 16) { recent.delete(recent.keys().next().value as string); }
    }
    if (table.rows.length === 0) { return { status: 204, headers: qpu.headers }; }
    const rows = table.rows.slice(offset, offset + pageSize);
    const end = offset + rows.length;
    const name = crypto.randomUUID();
    return {
      status: 200,
      headers: qpu.headers,
      json: {
        id: `${req.params.scope.replace(/^\/*/, '')}/providers/Microsoft.CostManagement/query/${name}`,
        name,
        type: 'Microsoft.CostManagement/query',
        location: null,
        sku: null,
        eTag: null,
        properties: { nextLink: end < table.rows.length ? nextLinkOf(req, end, digest) : null, columns: table.columns, rows },
      },
    };
  };

  for (const kind of ['query', 'forecast'] as const) {
    router.add({
      method: 'POST',
      path: `/{*scope}/providers/Microsoft.CostManagement/${kind}`,
      apiVersions: COST_MANAGEMENT_VERSIONS,
      auth: 'arm',
      handler: handle(kind),
    });
  }
  registerAlertRoutes(router, ctx, COST_MANAGEMENT_VERSIONS);
}
