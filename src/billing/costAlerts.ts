// Cost Management's own alerts at a scope (docs/azure-apis.md#cost-management-alerts): list them,
// and dismiss one (PATCH with status Dismissed; Azure keeps it, marked dismissed).
import type { ArmTransport } from '../azure/transport';
import { API } from './apiVersions';
import { Listing, listing, ListingOptions } from '../azure/listing';
import { CostAlert, parseCostAlert } from './models/costAlert';
import { scopePath, seg } from './models/ids';

function alertsPath(scope: string): string {
  return `${scopePath(scope)}/providers/Microsoft.CostManagement/alerts`;
}

export function listCostAlerts(transport: ArmTransport, scope: string, options: ListingOptions = {}): Listing<CostAlert> {
  return listing(async function* () {
    for await (const raw of transport.list<unknown>(alertsPath(scope), { query: { 'api-version': API.costManagement }, signal: options.signal })) {
      yield parseCostAlert(raw);
    }
  }, options);
}

export async function dismissCostAlert(transport: ArmTransport, scope: string, alertName: string, options: { signal?: AbortSignal } = {}): Promise<CostAlert | undefined> {
  const raw = await transport.send<unknown>('PATCH', `${alertsPath(scope)}/${seg(alertName)}`, { properties: { status: 'Dismissed' } }, {
    query: { 'api-version': API.costManagement },
    signal: options.signal,
  });
  return raw === undefined ? undefined : parseCostAlert(raw);
}
