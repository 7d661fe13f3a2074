// The compact structure every chart, table and export is derived from: one line per
// (subscription, resource, meter[, currency]) holding a value per time bucket. Memory grows with
// lines × buckets, never with rows, and any grouping can be computed again from it without
// fetching anything.

import { DayNumber, HOURS_PER_DAY, formatIsoDate, formatIsoHour } from './calendar';
import { DimensionTable, MeterInfo, ResourceInfo } from './dimensions';
import { Fixed } from './fixedDecimal';

export type Granularity = 'day' | 'hour';

export type UnpricedReason = 'no-rate-card' | 'unknown-meter' | 'no-rate-in-effect' | 'unit-mismatch';

export interface CubeLine {
  subscriptionId: string;
  /** Shown when grouping by subscription; the id when unknown. */
  subscriptionName?: string;
  resource: ResourceInfo;
  meter: MeterInfo;
  /** Quantity per bucket in the meter's unit (usage cubes only). */
  quantity?: Fixed[];
  /** Cost per bucket in `currency`; buckets that could not be priced hold 0n and count in `unpricedQuantity`. */
  cost?: Fixed[];
  currency?: string;
  unpricedQuantity?: Fixed[];
  unpricedReason?: UnpricedReason;
}

/** Whole days, inclusive at both ends. */
export interface DayRange {
  first: DayNumber;
  last: DayNumber;
}

export interface CostCube {
  granularity: Granularity;
  /** Day number (day granularity) or hours since the epoch (hour granularity) of bucket 0. */
  firstBucket: number;
  bucketCount: number;
  lines: CubeLine[];
  dimensions: DimensionTable;
}

export function bucketsPerDay(granularity: Granularity): number {
  return granularity === 'day' ? 1 : HOURS_PER_DAY;
}

/** The cube's bucket indices [start, end) that cover a day range (clipped to the cube). */
export function bucketSpan(cube: CostCube, range: DayRange): { start: number; end: number } {
  const per = bucketsPerDay(cube.granularity);
  const start = Math.max(0, range.first * per - cube.firstBucket);
  const end = Math.min(cube.bucketCount, (range.last + 1) * per - cube.firstBucket);
  return { start, end: Math.max(start, end) };
}

export function bucketDay(cube: Pick<CostCube, 'granularity' | 'firstBucket'>, index: number): DayNumber {
  const bucket = cube.firstBucket + index;
  return cube.granularity === 'day' ? bucket : Math.floor(bucket / HOURS_PER_DAY);
}

/** "2024-05-01" for days, "2024-05-01T13:00Z" for hours. */
export function bucketLabel(cube: Pick<CostCube, 'granularity' | 'firstBucket'>, index: number): string {
  const bucket = cube.firstBucket + index;
  return cube.granularity === 'day' ? formatIsoDate(bucket) : formatIsoHour(bucket);
}

export function zeroes(count: number): Fixed[] {
  return new Array<Fixed>(count).fill(0n);
}
