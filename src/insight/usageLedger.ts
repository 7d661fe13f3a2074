// Streams UsageAggregates rows into a usage cube: quantity per line per bucket. Rows are placed by
// their usage time (usageStartTime), never by when they were reported, and rows from any page
// order land in the same cells, so pricing afterwards can walk each month in time order.

import { HOURS_PER_DAY, dayOfInstant, hourOfInstant, monthStart } from './calendar';
import { CostCube, CubeLine, DayRange, Granularity, zeroes } from './costCube';
import { DimensionTable, MeterInfo, ResourceInfo, describeResourceUri } from './dimensions';
import { fixedFromNumber } from './fixedDecimal';
import { UsageRecord } from './inputs';

const HOUR_MS = 3_600_000;

export interface LedgerStats {
  rows: number;
  /** Rows whose usage day lies outside the ledger's range (late arrivals of other periods). */
  outOfRange: number;
  /** Rows spanning more than one bucket (daily rows in an hourly ledger): placed at their start. */
  coarserThanBucket: number;
}

/**
 * The days a ledger must hold to price `display`: tiers accumulate from the first of the month,
 * so usage since then is needed even when the chart starts mid-month.
 */
export function pricingRangeFor(display: DayRange): DayRange {
  return { first: monthStart(display.first), last: display.last };
}

export class UsageLedger {
  readonly cube: CostCube;
  readonly stats: LedgerStats = { rows: 0, outOfRange: 0, coarserThanBucket: 0 };
  /** Lines by resource key, then subscription, meter id and unit: no key string built per row. */
  private readonly lineIndex = new Map<string, Map<string, Map<string, Map<string, CubeLine>>>>();
  /** Resource keys of decoded instance data, which billing/ shares between rows of one resource. */
  private readonly keyOfInstance = new WeakMap<object, string>();

  constructor(readonly range: DayRange, readonly granularity: Granularity) {
    const per = granularity === 'day' ? 1 : HOURS_PER_DAY;
    this.cube = {
      granularity,
      firstBucket: range.first * per,
      bucketCount: (range.last - range.first + 1) * per,
      lines: [],
      dimensions: new DimensionTable(),
    };
  }

  add(record: UsageRecord): void {
    this.stats.rows++;
    const start = record.usageStartTime.getTime();
    const bucket = this.granularity === 'day' ? dayOfInstant(start) : hourOfInstant(start);
    const index = bucket - this.cube.firstBucket;
    if (index < 0 || index >= this.cube.bucketCount) {
      this.stats.outOfRange++;
      return;
    }
    if (this.granularity === 'hour' && record.usageEndTime.getTime() - start > HOUR_MS) { this.stats.coarserThanBucket++; }
    const line = this.lineFor(record);
    line.quantity![index] += fixedFromNumber(record.quantity);
  }

  async addAll(records: AsyncIterable<UsageRecord> | Iterable<UsageRecord>): Promise<this> {
    if (Symbol.iterator in records) { for (const record of records) { this.add(record); } }
    else { for await (const record of records) { this.add(record); } }
    return this;
  }

  private lineFor(record: UsageRecord): CubeLine {
    const resourceKey = this.resourceKey(record);
    const bySubscription = child(this.lineIndex, resourceKey);
    const byMeter = child(bySubscription, record.subscriptionId);
    const byUnit = child(byMeter, record.meterId);
    let line = byUnit.get(record.unit);
    if (!line) {
      line = {
        subscriptionId: record.subscriptionId,
        resource: this.cube.dimensions.resource(resourceKey, () => resourceOf(record, resourceKey)),
        meter: this.cube.dimensions.meter(`${record.meterId}\n${record.unit}`, () => meterOf(record)),
        quantity: zeroes(this.cube.bucketCount),
      };
      byUnit.set(record.unit, line);
      this.cube.lines.push(line);
    }
    return line;
  }

  private resourceKey(record: UsageRecord): string {
    const instance = record.instanceData;
    if (!instance) { return resourceKeyOf(record); }
    let key = this.keyOfInstance.get(instance);
    if (key === undefined) {
      key = resourceKeyOf(record);
      this.keyOfInstance.set(instance, key);
    }
    return key;
  }
}

function child<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let found = map.get(key);
  if (!found) { map.set(key, (found = new Map<string, V>())); }
  return found;
}

/** Builds a ledger over `range` from a stream of rows. */
export async function collectUsage(
  records: AsyncIterable<UsageRecord> | Iterable<UsageRecord>,
  range: DayRange,
  granularity: Granularity,
): Promise<UsageLedger> {
  return new UsageLedger(range, granularity).addAll(records);
}

function resourceKeyOf(record: UsageRecord): string {
  const uri = record.instanceData?.resourceUri;
  if (uri) { return uri.toLowerCase(); }
  // Legacy (classic) rows name a project instead of a resource.
  const info = record.infoFields;
  return info?.project ? `classic:${(info.meteredService ?? '').toLowerCase()}/${info.project.toLowerCase()}` : '';
}

function resourceOf(record: UsageRecord, key: string): ResourceInfo {
  const uri = record.instanceData?.resourceUri;
  const region = record.instanceData?.location ?? record.infoFields?.meteredRegion ?? record.meterRegion ?? '';
  if (uri) {
    return { key, uri, ...describeResourceUri(uri), region: region.toLowerCase(), tags: record.instanceData?.tags ?? {} };
  }
  return {
    key,
    uri: '',
    name: record.infoFields?.project ?? '',
    resourceGroup: '',
    service: (record.infoFields?.meteredService ?? '').toLowerCase(),
    region: region.toLowerCase(),
    tags: {},
  };
}

function meterOf(record: UsageRecord): MeterInfo {
  return {
    meterId: record.meterId,
    name: record.meterName ?? record.meterId,
    category: record.meterCategory ?? '',
    subCategory: record.meterSubCategory ?? '',
    region: record.meterRegion ?? '',
    unit: record.unit,
  };
}

