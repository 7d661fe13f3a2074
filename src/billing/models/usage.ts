// Commerce UsageAggregates rows (2015-06-01-preview, docs/azure-apis.md#usageaggregates).
// `instanceData` is a JSON string inside the JSON: it is decoded here into resource id, group,
// location and tags. The resource id is also given lower-cased, because Azure does not normalise
// its casing and grouping must not split one resource in two. Usage time (when it happened) and
// reported time (when it reached billing, which is what the query window selects) are different
// things: rows carry usage time.
import { CalendarDate, parseInstant, utcDateOf } from './dates';
import type { MeterDescription } from './meter';
import { isObject, ParseIssue, readIdentity, WireReader } from './wire';

export interface UsageInstanceData {
  resourceUri?: string;
  location?: string;
  tags?: Record<string, string>;
  additionalInfo?: Record<string, unknown>;
  orderNumber?: string;
  partNumber?: string;
}

export interface UsageAggregate extends MeterDescription {
  id: string;
  name: string;
  subscriptionId: string;
  /** When the usage happened (start of the hour or day bucket), UTC. */
  usageStartTime: Date;
  usageEndTime: Date;
  /** The UTC calendar day of `usageStartTime`: group by this, not by the reported window. */
  usageDay: CalendarDate;
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
  if (raw === undefined || raw === null || raw === '') { return undefined; }
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
  if (uri !== undefined) { out.resourceUri = uri; }
  const location = r.str('location');
  if (location !== undefined) { out.location = location; }
  if (r.has('tags')) { out.tags = r.stringMap('tags'); }
  if (isObject(res.additionalInfo)) { out.additionalInfo = res.additionalInfo; }
  const orderNumber = r.str('orderNumber');
  if (orderNumber !== undefined) { out.orderNumber = orderNumber; }
  const partNumber = r.str('partNumber');
  if (partNumber !== undefined) { out.partNumber = partNumber; }
  return out;
}

/** `/subscriptions/x/resourceGroups/RG/providers/...` → `RG`. */
export function resourceGroupOf(resourceId: string | undefined): string | undefined {
  if (!resourceId) { return undefined; }
  const m = /\/resourceGroups\/([^/]+)/i.exec(resourceId);
  return m ? m[1] : undefined;
}

/**
 * What a page of rows repeats, decoded once: the rows of one listing share few distinct times
 * (one per hour or day) and one `instanceData` string per resource, so each distinct string is
 * parsed once and its result shared by every row that carries it. Shared values (the `Date`s, the
 * decoded instance data and its tags) are read-only, as every parsed row is.
 */
export class UsageParseCache {
  private readonly instants = new Map<string, { date: Date; day: CalendarDate } | null>();
  private readonly instances = new Map<string, DecodedInstance | null>();

  /** A well-formed time, or undefined when the text needs the careful path (which reports why). */
  instant(text: string): { date: Date; day: CalendarDate } | undefined {
    let found = this.instants.get(text);
    if (found === undefined) {
      const parsed = parseInstant(text);
      found = parsed.ok ? { date: parsed.value, day: utcDateOf(parsed.value) } : null;
      if (this.instants.size >= CACHE_LIMIT) { this.instants.clear(); }
      this.instants.set(text, found);
    }
    return found ?? undefined;
  }

  /** Decoded instance data without issues, or undefined when the text needs the careful path. */
  instance(text: string): DecodedInstance | undefined {
    let found = this.instances.get(text);
    if (found === undefined) {
      const issues: ParseIssue[] = [];
      const instanceData = decodeInstanceData(text, issues);
      found = issues.length || !instanceData ? null : decoded(instanceData);
      if (this.instances.size >= CACHE_LIMIT) { this.instances.clear(); }
      this.instances.set(text, found);
    }
    return found ?? undefined;
  }
}

/** Distinct strings remembered per cache; beyond it the cache starts again (memory stays bounded). */
const CACHE_LIMIT = 50_000;

interface DecodedInstance {
  instanceData: UsageInstanceData;
  resourceId?: string;
  resourceGroup?: string;
  location?: string;
  tags: Record<string, string>;
}

function decoded(instanceData: UsageInstanceData): DecodedInstance {
  return {
    instanceData,
    resourceId: instanceData.resourceUri?.toLowerCase(),
    resourceGroup: resourceGroupOf(instanceData.resourceUri),
    location: instanceData.location,
    tags: instanceData.tags ?? {},
  };
}

const optionalText = (v: unknown): string | undefined | null => (v === undefined || v === null ? undefined : typeof v === 'string' ? v : null);

type InfoFields = NonNullable<UsageAggregate['infoFields']>;

/** What the careful path makes of an empty `infoFields: {}` (modern rows often carry one): shared. */
const NO_INFO_FIELDS: InfoFields = Object.freeze({
  meteredRegion: undefined,
  meteredService: undefined,
  meteredServiceType: undefined,
  project: undefined,
  serviceInfo1: undefined,
});

/** `infoFields` as the careful path reads it; undefined when absent, null when it needs that path. */
function commonInfoFields(raw: unknown): InfoFields | undefined | null {
  if (raw === undefined || raw === null) { return undefined; }
  if (!isObject(raw)) { return null; }
  let empty = true;
  for (const _ in raw) {
    empty = false;
    break;
  }
  if (empty) { return NO_INFO_FIELDS; }
  const meteredRegion = optionalText(raw.meteredRegion);
  const meteredService = optionalText(raw.meteredService);
  const meteredServiceType = optionalText(raw.meteredServiceType);
  const project = optionalText(raw.project);
  const serviceInfo1 = optionalText(raw.serviceInfo1);
  if (meteredRegion === null || meteredService === null || meteredServiceType === null || project === null || serviceInfo1 === null) { return null; }
  return { meteredRegion, meteredService, meteredServiceType, project, serviceInfo1 };
}

/**
 * The common row — every field present with its expected type, times and instance data readable —
 * read without a `WireReader`, with its repeated strings decoded through `cache`. Anything else
 * returns undefined and goes through `parseUsageAggregate`, which reports what it could not read.
 */
function parseCommonRow(raw: unknown, cache: UsageParseCache): UsageAggregate | undefined {
  if (!isObject(raw)) { return undefined; }
  const p = raw.properties;
  if (!isObject(p)) { return undefined; }
  const { usageStartTime, usageEndTime, meterId, quantity, instanceData: instanceText } = p;
  if (typeof usageStartTime !== 'string' || typeof usageEndTime !== 'string' || typeof meterId !== 'string' || meterId === '') { return undefined; }
  if (typeof quantity !== 'number' || !Number.isFinite(quantity)) { return undefined; }
  const infoFields = commonInfoFields(p.infoFields);
  if (infoFields === null) { return undefined; }
  const subscriptionId = optionalText(p.subscriptionId);
  const meterName = optionalText(p.meterName);
  const meterCategory = optionalText(p.meterCategory);
  const meterSubCategory = optionalText(p.meterSubCategory);
  const meterRegion = optionalText(p.meterRegion);
  const unit = optionalText(p.unit);
  if (subscriptionId === null || meterName === null || meterCategory === null || meterSubCategory === null || meterRegion === null || unit === null) {
    return undefined;
  }
  const start = cache.instant(usageStartTime);
  const end = cache.instant(usageEndTime);
  if (!start || !end) { return undefined; }
  let instance: DecodedInstance | undefined;
  if (instanceText !== undefined && instanceText !== null && instanceText !== '') {
    if (typeof instanceText !== 'string') { return undefined; }
    instance = cache.instance(instanceText);
    if (!instance) { return undefined; }
  }
  const id = typeof raw.id === 'string' ? raw.id : '';
  // Same fields, same order as the careful path, so both kinds of row share one shape.
  const row: UsageAggregate = {
    id,
    name: typeof raw.name === 'string' ? raw.name : readIdentity(raw).name,
    subscriptionId: subscriptionId ?? '',
    usageStartTime: start.date,
    usageEndTime: end.date,
    usageDay: start.day,
    meterId,
    meterName,
    meterCategory,
    meterSubCategory,
    meterRegion,
    unit: unit ?? '',
    quantity,
    ...(instance ? { instanceData: instance.instanceData } : {}),
    ...(infoFields ? { infoFields } : {}),
    resourceId: instance?.resourceId,
    resourceGroup: instance?.resourceGroup,
    location: instance?.location,
    tags: instance ? instance.tags : {},
  };
  return row;
}

/**
 * One row. With a `cache` (one per listing), the common well-formed row takes a fast path that
 * decodes each distinct time and `instanceData` string once; the result is the same either way.
 */
export function parseUsageAggregate(raw: unknown, cache?: UsageParseCache): UsageAggregate | SkippedUsageRow {
  if (cache) {
    const row = parseCommonRow(raw, cache);
    if (row) { return row; }
  }
  const identity = readIdentity(raw);
  const issues: ParseIssue[] = [];
  const r = new WireReader(isObject(raw) ? raw.properties : undefined, issues);
  const start = r.instant('usageStartTime');
  const end = r.instant('usageEndTime');
  const meterId = r.str('meterId');
  const quantity = r.num('quantity');
  if (!start || !end || !meterId || quantity === undefined) {
    if (!start && !r.has('usageStartTime')) { issues.push({ field: 'usageStartTime', raw: '', reason: 'Missing.' }); }
    if (!meterId) { issues.push({ field: 'meterId', raw: '', reason: 'Missing.' }); }
    if (quantity === undefined && !r.has('quantity')) { issues.push({ field: 'quantity', raw: '', reason: 'Missing.' }); }
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
