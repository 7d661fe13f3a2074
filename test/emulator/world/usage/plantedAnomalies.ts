// Three cost anomalies planted in the small world's recent days, for the alert monitor to find by
// the rules in docs/alerts.md (test/emulator/README.md lists them). Like the usage shapes they are
// ordinary usage, priced by the same ledger, so invoices still equal the charges and the estimate
// still equals Cost Management to the cent. Each is placed relative to the world's last day of
// usage (the day before asOf), so it is "recent" whatever asOf is.
//   spike      — Contoso Platform Prod: a one-day load test (E16 v3 machines) the day before the
//                last day, several times the subscription's usual daily cost;
//   newService — Contoso Platform Prod: a service (meter category) the subscription never used
//                starts on the last day, at about 25 a day;
//   rise       — EA Marketing Sites: a scale set whose instance count grows by 9 % a day for 20 days,
//                large enough that the subscription's total rises by more than 5 % every day while
//                the last day stays under twice the median of the 14 before (a rise, not a spike).
import type { WorldSubscription } from '../types';
import type { UsageProfile } from './hourlyUsage';
import type { Meter, MeterCatalogue } from './meters';
import type { ServiceKind } from './meterTemplates';
import type { UsageWindow } from './resources';
import { QUANTITY_SCALE } from './tierCost';

export type PlantedAnomaly = 'spike' | 'newService' | 'rise';

const PLANTED: Record<string, PlantedAnomaly[]> = {
  'Contoso Platform Prod': ['spike', 'newService'],
  'EA Marketing Sites': ['rise'],
};

/** Services tried, in order, for the new one: the first whose category the subscription never used. */
const NEW_SERVICE_CANDIDATES: ServiceKind[] = ['sqlVcore', 'appService', 'logIngestion', 'keyVaultOps', 'dnsQueries'];

export const RISE_DAYS = 20;
export const RISE_FACTOR = 1.09;

export interface PlantedResource {
  anomaly: PlantedAnomaly;
  type: string;
  name: string;
  firstDay: number;
  lastDay: number;
  additionalInfo?: Record<string, string>;
  uses: Array<{ meter: Meter; profile: UsageProfile }>;
}

export function plantedAnomaliesOf(sub: WorldSubscription): PlantedAnomaly[] {
  return PLANTED[sub.displayName] ?? [];
}

/** Units per hour that cost about `usdPerDay` at the meter's current first-tier list price. */
function unitsForDaily(meter: Meter, usdPerDay: number): number {
  const price = meter.usdHistory[meter.usdHistory.length - 1].tiers[0].price;
  return Math.max(1, Math.round((usdPerDay / 24 / price) * QUANTITY_SCALE));
}

export function plantedResources(
  sub: WorldSubscription, usedCategories: ReadonlySet<string>, catalogue: MeterCatalogue, window: UsageWindow, start: number, region: string,
): PlantedResource[] {
  const out: PlantedResource[] = [];
  const last = window.lastDay;
  const vmSize = (name: string) => catalogue.vmSizes.find((s) => s.name === name) ?? catalogue.vmSizes[0];
  for (const anomaly of plantedAnomaliesOf(sub)) {
    switch (anomaly) {
      case 'spike': {
        const size = vmSize('E16 v3');
        const meter = catalogue.vmMeter(size, 'linux', region);
        const day = last - 1;
        if (day < start) {break;}
        out.push({
          anomaly, type: 'Microsoft.Compute/virtualMachines', name: 'vm-loadtest-01', firstDay: day, lastDay: day,
          additionalInfo: { ServiceType: size.armSkuName, ImageType: 'Canonical Ubuntu 22.04', VCPUs: String(size.vcpus) },
          uses: [{ meter, profile: { kind: 'constant', units: unitsForDaily(meter, 150), offDayChance: 0 } }],
        });
        break;
      }
      case 'newService': {
        const kind = NEW_SERVICE_CANDIDATES.find((k) => !usedCategories.has(catalogue.serviceMeter(k, region).meterCategory));
        if (!kind) {break;}
        const meter = catalogue.serviceMeter(kind, region);
        out.push({
          anomaly, type: serviceResourceType(kind), name: `${kind.toLowerCase()}-pilot`, firstDay: last, lastDay: last,
          uses: [{ meter, profile: { kind: 'constant', units: unitsForDaily(meter, 25), offDayChance: 0 } }],
        });
        break;
      }
      case 'rise': {
        const size = vmSize('D4s v3');
        const meter = catalogue.vmMeter(size, 'linux', region);
        const first = Math.max(start, last - RISE_DAYS + 1);
        // About 400 a day on the last day, 240 six days before it, enough to outgrow the subscription's own noise.
        const lastDayUsd = 400;
        const firstDayUsd = lastDayUsd / RISE_FACTOR ** (last - first);
        out.push({
          anomaly, type: 'Microsoft.Compute/virtualMachineScaleSets', name: 'vmss-ingest', firstDay: first, lastDay: last,
          additionalInfo: { ServiceType: size.armSkuName, ImageType: 'Canonical Ubuntu 22.04', VCPUs: String(size.vcpus) },
          uses: [{ meter, profile: { kind: 'compounding', baseUnits: unitsForDaily(meter, firstDayUsd), dailyFactor: RISE_FACTOR } }],
        });
        break;
      }
    }
  }
  return out;
}

function serviceResourceType(kind: ServiceKind): string {
  switch (kind) {
    case 'sqlVcore': return 'Microsoft.Sql/servers/databases';
    case 'appService': return 'Microsoft.Web/serverfarms';
    case 'logIngestion': return 'Microsoft.OperationalInsights/workspaces';
    case 'keyVaultOps': return 'Microsoft.KeyVault/vaults';
    default: return 'Microsoft.Network/dnszones';
  }
}
