// Usage rows as the Commerce UsageAggregates API lists them: selected by the time they were
// *reported*, which is the usage time except for the ~4 % of resource-days that arrive a day late.
// A position in the list is a cursor (time bucket, slot), and each bucket has a fixed number of
// slots (two per stream, or per meter when rolled up: the late arrival from the day before and
// the on-time one), so any page of the large world is computed from its cursor alone.
import { dayUnits, hourUnits, reportedLate } from './hourlyUsage';
import type { UsageWorld } from './index';
import type { Meter } from './meters';
import type { Stream } from './resources';

export type Granularity = 'Daily' | 'Hourly';

export interface ReportedRow {
  /** The resource's stream; absent on rolled-up rows (showDetails=false). */
  stream?: Stream;
  meter: Meter;
  /** Start of the usage as an hour number (hours since 1970). */
  usageStartHour: number;
  hours: 1 | 24;
  /** Quantity in 1e-4 units. */
  quantity: number;
  /** Row name code (stream or meter). */
  code: string;
}

export interface Cursor {
  bucket: number;
  slot: number;
}

export interface ReportedQuery {
  subscriptionId: string;
  granularity: Granularity;
  showDetails: boolean;
  /** Buckets (days for Daily, hours for Hourly) [from, to). */
  fromBucket: number;
  toBucket: number;
}

interface Unit {
  streams: readonly Stream[];
  meter: Meter;
  code: string;
  /** One resource's stream (showDetails=true), not a roll-up of a meter. */
  detail: boolean;
}

export function reportedPage(world: UsageWorld, query: ReportedQuery, cursor: Cursor, limit: number): { rows: ReportedRow[]; next?: Cursor } {
  const units = unitsOf(world, query);
  const slots = units.length * 2;
  // Nothing is reported from asOf on: the world's today has not reached the billing system yet.
  const visibleEnd = query.granularity === 'Daily' ? world.asOfDay : world.asOfDay * 24;
  const end = Math.min(query.toBucket, visibleEnd);
  const rows: ReportedRow[] = [];
  for (let b = Math.max(cursor.bucket, query.fromBucket); b < end; b++) {
    for (let k = b === cursor.bucket ? cursor.slot : 0; k < slots; k++) {
      const row = rowAt(query.granularity, units[k >> 1], b, (k & 1) === 0);
      if (!row) { continue; }
      if (rows.length === limit) { return { rows, next: { bucket: b, slot: k } }; }
      rows.push(row);
    }
  }
  return { rows };
}

function unitsOf(world: UsageWorld, query: ReportedQuery): Unit[] {
  const streams = world.streamsOf(query.subscriptionId);
  if (query.showDetails) { return streams.map((s) => ({ streams: [s], meter: s.meter, code: s.code, detail: true })); }
  const byMeter = new Map<number, Unit>();
  for (const s of streams) {
    const unit = byMeter.get(s.meter.index);
    if (unit) { (unit.streams as Stream[]).push(s); }
    else { byMeter.set(s.meter.index, { streams: [s], meter: s.meter, code: s.meter.meterId.slice(0, 5).toUpperCase(), detail: false }); }
  }
  return [...byMeter.values()];
}

/** The row a unit reports in bucket `b`: the late arrival from a day earlier, or the on-time usage. */
function rowAt(granularity: Granularity, unit: Unit, b: number, late: boolean): ReportedRow | undefined {
  let quantity = 0;
  let usageStartHour: number;
  if (granularity === 'Daily') {
    const day = late ? b - 1 : b;
    usageStartHour = day * 24;
    for (const s of unit.streams) { if (reportedLate(s, day) === late) { quantity += dayUnits(s, day); } }
  } else {
    const hour = late ? b - 24 : b;
    const day = Math.floor(hour / 24);
    usageStartHour = hour;
    for (const s of unit.streams) { if (reportedLate(s, day) === late) { quantity += hourUnits(s, hour); } }
  }
  if (quantity === 0) { return undefined; }
  return {
    stream: unit.detail ? unit.streams[0] : undefined,
    meter: unit.meter, usageStartHour, hours: granularity === 'Daily' ? 24 : 1, quantity, code: unit.code,
  };
}
