// Commerce UsageAggregates rows (2015-06-01-preview, §4.1). `instanceData` is a JSON string inside
// the JSON: it is decoded here into resource id, group, location and tags. The resource id is
// also given lower-cased, because Azure does not normalise its casing and grouping must not split
// one resource in two. Usage time (when it happened) and reported time (when it reached billing,
// which is what the query window selects) are different things: rows carry usage time.
import { CalendarDate, utcDateOf } from './dates';
import { isObject, ParseIssue, readIdentity, WireReader } from './wire';

export interface UsageInstanceData {
  resourceUri?: string;
  location?: string;
  tags?: Record<string, string>;
  additionalInfo?: Record<string, unknown>;
  orderNumber?: string;
  partNumber?: string;
}

export interface UsageAggregate {
  id: string;
  name: string;
  subscriptionId: string;
  /** When the usage happened (start of the hour or day bucket), UTC. */
  usageStartTime: Date;
  usageEndTime: Date;
  /** The UTC calendar day of `usageStartTime`: group by this, not by the reported window. */
  usageDay: CalendarDate;
  meterId: string;
  meterName?: string;
  meterCategory?: string;
  meterSubCategory?: string;
  /** Display name (`US West`); not the ARM region. */
  meterRegion?: string;
  unit: string;
  quantity: number;
  /** Decoded `instanceData["Microsoft.Resources"]` (modern rows). */
  instanceData?: UsageInstanceData;
  /** Legacy rows (classic resources) carry these instead. */
  infoFields?: { meteredRegion?: string; meteredService?: string; meteredServiceType?: string; project?: string; serviceInfo1?: string };
  /** `resourceUri` lower-cased: the grouping key. */
  resourceId?: string;
  /** Resource group name as written in the resource id. */
  resourceGroup?: string;
  /** ARM region name (`westus`). */
  location?: string;
  tags: Record<string, string>;
  issues?: ParseIssue[];
}

/** A row that could not be placed (no readable time, meter or quantity): reported, not yielded. */
export interface SkippedUsageRow {
  id: string;
  issues: ParseIssue[];
}

function decodeInstanceData(raw: unknown, issues: ParseIssue[]): UsageInstanceData | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  let outer: unknown = raw;
  if (typeof raw === 'string') {
    try {
      outer = JSON.parse(raw);
    } catch {
      issues.push({ field: 'instanceData', raw: raw.slice(0, 200), reason: 'instanceData is not valid JSON.' });
      return undefined;
    }
  }
  const res = isObject(outer) ? outer['Microsoft.Resources'] : undefined;
  if (!isObject(res)) {
    issues.push({ field: 'instanceData', raw: JSON.stringify(outer).slice(0, 200), reason: 'instanceData has no "Microsoft.Resources" object.' });
    return undefined;
  }
  const r = new WireReader(res, issues, 'instanceData.');
  const out: UsageInstanceData = {};
  const uri = r.str('resourceUri');
  if (uri !== undefined) out.resourceUri = uri;
  const location = r.str('location');
  if (location !== undefined) out.location = location;
  if (r.has('tags')) out.tags = r.stringMap('tags');
  if (isObject(res.additionalInfo)) out.additionalInfo = res.additionalInfo;
  const orderNumber = r.str('orderNumber');
  if (orderNumber !== undefined) out.orderNumber = orderNumber;
  const partNumber = r.str('partNumber');
  if (partNumber !== undefined) out.partNumber = partNumber;
  return out;
}

/** `/subscriptions/x/resourceGroups/RG/providers/...` → `RG`. */
export function resourceGroupOf(resourceId: string | undefined): string | undefined {
  if (!resourceId) return undefined;
  const m = /\/resourceGroups\/([^/]+)/i.exec(resourceId);
  return m ? m[1] : undefined;
}

export function parseUsageAggregate(raw: unknown): UsageAggregate | SkippedUsageRow {
  const identity = readIdentity(raw);
  const issues: ParseIssue[] = [];
  const r = new WireReader(isObject(raw) ? raw.properties : undefined, issues);
  const start = r.instant('usageStartTime');
  const end = r.instant('usageEndTime');
  const meterId = r.str('meterId');
  const quantity = r.num('quantity');
  if (!start || !end || !meterId || quantity === undefined) {
    if (!start && !r.has('usageStartTime')) issues.push({ field: 'usageStartTime', raw: '', reason: 'Missing.' });
    if (!meterId) issues.push({ field: 'meterId', raw: '', reason: 'Missing.' });
    if (quantity === undefined && !r.has('quantity')) issues.push({ field: 'quantity', raw: '', reason: 'Missing.' });
    return { id: identity.id, issues };
  }
  const instanceData = decodeInstanceData(r.raw.instanceData, issues);
  const info = r.child('infoFields');
  const infoFields = r.has('infoFields')
    ? {
        meteredRegion: info.str('meteredRegion'),
        meteredService: info.str('meteredService'),
        meteredServiceType: info.str('meteredServiceType'),
        project: info.str('project'),
        serviceInfo1: info.str('serviceInfo1'),
      }
    : undefined;
  const row: UsageAggregate = {
    id: identity.id,
    name: identity.name,
    subscriptionId: r.str('subscriptionId') ?? '',
    usageStartTime: start,
    usageEndTime: end,
    usageDay: utcDateOf(start),
    meterId,
    meterName: r.str('meterName'),
    meterCategory: r.str('meterCategory'),
    meterSubCategory: r.str('meterSubCategory'),
    meterRegion: r.str('meterRegion'),
    unit: r.str('unit') ?? '',
    quantity,
    ...(instanceData ? { instanceData } : {}),
    ...(infoFields ? { infoFields } : {}),
    resourceId: instanceData?.resourceUri?.toLowerCase(),
    resourceGroup: resourceGroupOf(instanceData?.resourceUri),
    location: instanceData?.location,
    tags: instanceData?.tags ?? {},
  };
  return issues.length ? { ...row, issues } : row;
}

export function isSkippedRow(row: UsageAggregate | SkippedUsageRow): row is SkippedUsageRow {
  return !('usageStartTime' in row);
}
