// The resources of one subscription and the meters each one uses ("streams"). Made lazily per
// subscription from (seed, subscriptionId), so the large world's 2,000 resources cost nothing
// until asked for.
import { messUpTags } from './tagMess';
import { Random } from '../random';
import type { WorldSubscription } from '../types';
import { UsageProfile, UsageSpan } from './hourlyUsage';
import { Meter, MeterCatalogue, VmVariant } from './meters';
import { ServiceKind } from './meterTemplates';
import { shapedResources, shapesOf } from './shapes';
import { plantedResources } from './plantedAnomalies';
import { QUANTITY_SCALE } from './tierCost';

export interface UsageResource {
  subscriptionId: string;
  /** As ARM spells it; resource-group names keep their mixed case here. */
  resourceId: string;
  resourceGroup: string;
  name: string;
  type: string;
  /** ARM region name (`westeurope`). */
  location: string;
  /** Absent on untagged resources. */
  tags?: Record<string, string>;
  /** Classic resources report `infoFields` instead of `instanceData`. */
  classic: boolean;
  additionalInfo?: Record<string, string>;
  firstDay: number;
  lastDay: number;
  streams: Stream[];
}

/** One resource's use of one meter. */
export interface Stream extends UsageSpan {
  /** Position within the subscription: the order of a time bucket's UsageAggregates rows. */
  index: number;
  resource: UsageResource;
  meter: Meter;
  /** Five letters naming the stream in UsageAggregates row names. */
  code: string;
}

export interface UsageWindow {
  /** First day with usage in the world (13 months before asOf's month). */
  firstDay: number;
  /** Last day with usage: the day before asOf. */
  lastDay: number;
}

type Kind = 'vm' | 'storage' | 'disk' | 'sql' | 'appService' | 'logAnalytics' | 'keyVault' | 'dns' | 'classicStorage';
const KIND_WEIGHTS: Array<[Kind, number]> = [
  ['vm', 30], ['storage', 20], ['disk', 10], ['sql', 10], ['appService', 8], ['logAnalytics', 7], ['keyVault', 7], ['dns', 4], ['classicStorage', 4],
];
const GROUPS = ['rg-web-prod', 'RG-Data', 'rg-shared', 'rg-dev', 'Rg-Analytics', 'rg-network'];
const ENVS = ['prod', 'dev', 'test'];
const COST_CENTERS = ['CC-1001', 'CC-2040', 'CC-3300'];
const OWNERS = ['alice@contoso.com', 'bob@contoso.com', 'chen@contoso.com', 'dana@contoso.com'];

const perHour = (gbMonth: number) => (gbMonth * QUANTITY_SCALE) / 730;

export function makeResources(
  seed: number, sub: WorldSubscription, count: number, catalogue: MeterCatalogue, window: UsageWindow, createdDay: number,
): UsageResource[] {
  const rnd = Random.of(seed, 'resources', sub.subscriptionId);
  const regions = catalogue.regions;
  const home = rnd.pick(regions);
  const groups = GROUPS.slice(0, rnd.int(3, GROUPS.length));
  const start = Math.max(window.firstDay, createdDay);
  const resources: UsageResource[] = [];
  let streamIndex = 0;

  for (let i = 0; i < count; i++) {
    const r = Random.of(seed, 'resource', sub.subscriptionId, i);
    // The first resource is an always-on VM, so every subscription has usage and crosses a bandwidth tier.
    const kind: Kind = i === 0 ? 'vm' : weighted(r);
    const region = i === 0 || r.chance(0.7) ? home : r.pick(regions);
    const group = i === 0 ? groups[0] : r.pick(groups);
    const firstDay = i === 0 || r.chance(0.65) ? start : start + r.int(0, Math.max(0, window.lastDay - start - 30));
    const lastDay = i !== 0 && r.chance(0.1) ? Math.min(window.lastDay, firstDay + r.int(20, 300)) : window.lastDay;
    const tags = i !== 0 && r.chance(0.2) ? undefined : makeTags(r);
    const uses: Array<{ meter: Meter; profile: UsageProfile }> = [];
    const zone = region.bandwidthZone;
    const svc = (k: ServiceKind, where = region.armName) => catalogue.serviceMeter(k, where);
    let type: string;
    let name: string;
    let additionalInfo: Record<string, string> | undefined;
    switch (kind) {
      case 'vm': {
        const sizes = catalogue.vmSizes.filter((s) => s.vcpus <= 16);
        const size = i === 0 ? sizes[0] : r.pick(sizes);
        const variant: VmVariant = i !== 0 && r.chance(0.3) ? 'windows' : 'linux';
        type = 'Microsoft.Compute/virtualMachines';
        name = `vm-${r.pick(['web', 'api', 'build', 'batch', 'jump', 'ml'])}-${String(i).padStart(2, '0')}`;
        additionalInfo = { ServiceType: size.armSkuName, ImageType: variant === 'windows' ? 'Windows Server 2022' : 'Canonical Ubuntu 22.04', VCPUs: String(size.vcpus) };
        const profile: UsageProfile = i === 0 || r.chance(0.6)
          ? { kind: 'constant', units: QUANTITY_SCALE, offDayChance: i === 0 ? 0 : 0.05 }
          : { kind: 'business', units: QUANTITY_SCALE };
        uses.push({ meter: catalogue.vmMeter(size, variant, region.armName), profile });
        uses.push({ meter: svc('bandwidth', zone), profile: { kind: 'random', meanUnits: 2500 } });
        if (r.chance(0.4)) { uses.push({ meter: svc('defenderNode'), profile: { kind: 'constant', units: QUANTITY_SCALE, offDayChance: 0 } }); }
        break;
      }
      case 'storage':
        type = 'Microsoft.Storage/storageAccounts';
        name = `st${r.code(10).toLowerCase()}`;
        uses.push({ meter: svc('blobData'), profile: { kind: 'growing', baseUnits: perHour(r.int(50, 2000)), growthUnitsPerDay: perHour(r.int(0, 8)) } });
        uses.push({ meter: svc('blobWrites'), profile: { kind: 'random', meanUnits: 400 } });
        uses.push({ meter: svc('bandwidth', zone), profile: { kind: 'random', meanUnits: 600 } });
        break;
      case 'disk':
        type = 'Microsoft.Compute/disks';
        name = `disk-${r.code(6).toLowerCase()}`;
        uses.push({ meter: svc('premiumDisk'), profile: { kind: 'constant', units: 14, offDayChance: 0 } });
        break;
      case 'sql':
        type = 'Microsoft.Sql/servers/databases';
        name = `sql-${r.code(5).toLowerCase()}/databases/${r.pick(['orders', 'billing', 'telemetry', 'catalog'])}`;
        additionalInfo = { ServiceTier: 'GeneralPurpose', vCores: '2' };
        uses.push({ meter: svc('sqlVcore'), profile: { kind: 'constant', units: 2 * QUANTITY_SCALE, offDayChance: 0 } });
        uses.push({ meter: svc('sqlStorage'), profile: { kind: 'growing', baseUnits: perHour(r.int(32, 250)), growthUnitsPerDay: perHour(r.int(0, 2)) } });
        break;
      case 'appService':
        type = 'Microsoft.Web/serverfarms';
        name = `plan-${r.pick(['web', 'api', 'portal'])}-${String(i).padStart(2, '0')}`;
        uses.push({ meter: svc('appService'), profile: { kind: 'constant', units: QUANTITY_SCALE, offDayChance: 0 } });
        break;
      case 'logAnalytics':
        type = 'Microsoft.OperationalInsights/workspaces';
        name = `log-${r.code(6).toLowerCase()}`;
        uses.push({ meter: svc('logIngestion'), profile: { kind: 'random', meanUnits: 300 } });
        break;
      case 'keyVault':
        type = 'Microsoft.KeyVault/vaults';
        name = `kv-${r.code(8).toLowerCase()}`;
        uses.push({ meter: svc('keyVaultOps'), profile: { kind: 'random', meanUnits: 100 } });
        break;
      case 'dns':
        type = 'Microsoft.Network/dnszones';
        name = `${r.pick(['contoso', 'fabrikam', 'tailspin'])}-${i}.com`;
        uses.push({ meter: svc('dnsQueries'), profile: { kind: 'random', meanUnits: 20 } });
        break;
      case 'classicStorage':
        type = 'Microsoft.ClassicStorage/storageAccounts';
        name = `classic${r.code(8).toLowerCase()}`;
        uses.push({ meter: svc('classicStorage'), profile: { kind: 'growing', baseUnits: perHour(r.int(100, 900)), growthUnitsPerDay: 0 } });
        break;
    }
    add(i, { type, name, group, location: region.armName, tags, classic: kind === 'classicStorage', additionalInfo, firstDay, lastDay, uses });
  }
  // The subscription's shape (weekday pattern, growth, churn, first-day charges, a spike): extra
  // resources after the ordinary ones, so those keep their names, ids and usage.
  const shaped = shapedResources(seed, sub, shapesOf(seed, sub), catalogue, window, start, home.armName);
  shaped.forEach((s, k) => {
    const r = Random.of(seed, 'shaped-resource', sub.subscriptionId, k);
    add(count + k, {
      type: s.type, name: s.name, group: s.kind === 'vm' && s.shape === 'weekly' ? groups[groups.length - 1] : groups[0], location: home.armName,
      tags: { ...makeTags(r), env: s.shape === 'weekly' ? 'dev' : 'prod' }, classic: false, additionalInfo: s.additionalInfo, firstDay: s.firstDay, lastDay: s.lastDay, uses: s.uses,
    });
  });
  // The planted anomalies (plantedAnomalies.ts) come last, so every other resource keeps its id.
  const usedCategories = new Set(resources.flatMap((res) => res.streams.map((st) => st.meter.meterCategory)));
  plantedResources(sub, usedCategories, catalogue, window, start, home.armName).forEach((p, k) => {
    add(count + shaped.length + k, {
      type: p.type, name: p.name, group: groups[0], location: home.armName, tags: { env: 'prod', costCenter: 'CC-1001' }, classic: false,
      additionalInfo: p.additionalInfo, firstDay: p.firstDay, lastDay: p.lastDay, uses: p.uses,
    });
  });
  return resources;

  function add(
    i: number,
    spec: Pick<UsageResource, 'type' | 'name' | 'location' | 'tags' | 'classic' | 'additionalInfo' | 'firstDay' | 'lastDay'> & { group: string; uses: Array<{ meter: Meter; profile: UsageProfile }> },
  ): void {
    const { type, name, group, firstDay, lastDay } = spec;
    const provider = type.split('/');
    // For SQL the name already holds `<server>/databases/<db>`.
    const resourceId = `/subscriptions/${sub.subscriptionId}/resourceGroups/${group}/providers/${provider[0]}/${provider[1]}/${name}`;
    const resource: UsageResource = {
      subscriptionId: sub.subscriptionId, resourceId, resourceGroup: group, name, type, location: spec.location,
      tags: messUpTags(spec.tags, group, Random.of(seed, 'tag-mess', sub.subscriptionId, i)),
      classic: spec.classic, additionalInfo: spec.additionalInfo, firstDay, lastDay, streams: [],
    };
    for (const use of spec.uses) {
      const streamRnd = Random.of(seed, 'stream', sub.subscriptionId, i, use.meter.key);
      resource.streams.push({
        index: streamIndex++, resource, meter: use.meter, profile: use.profile, seed: Math.floor(streamRnd.next() * 4294967296) >>> 0,
        code: streamRnd.code(5), firstDay, lastDay,
      });
    }
    resources.push(resource);
  }

  function weighted(r: Random): Kind {
    const total = KIND_WEIGHTS.reduce((s, [, w]) => s + w, 0);
    let x = r.next() * total;
    for (const [k, w] of KIND_WEIGHTS) { if ((x -= w) < 0) { return k; } }
    return 'vm';
  }
}

function makeTags(r: Random): Record<string, string> {
  const tags: Record<string, string> = { env: r.pick(ENVS) };
  if (r.chance(0.7)) { tags.costCenter = r.pick(COST_CENTERS); }
  if (r.chance(0.5)) { tags.owner = r.pick(OWNERS); }
  return tags;
}
